import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { screenshot, signIn } from './page.js';

const section = d66Agenda.chapters[0]!.sections.find((s) => s.measures.length >= 2)!;
const [typedIn, amended] = section.measures as [(typeof section.measures)[0], (typeof section.measures)[0]];
const D66_TEXT = ' Binnen een jaar ligt er een wetsvoorstel.';
const CDA_TEXT = ' Gemeenten krijgen daar geld voor.';
const API = '/api/documents/d66-cda';

let server: TestServer;
let browser: Browser;
let chair: Invited;
let d66: Invited;
let cda: Invited;
const clients: ReturnType<typeof connectClient>[] = [];
let colours: Record<string, string>;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession());
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Carla Voorzitter' });
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Daan Dijkstra' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Cas Claassen' });
  const parties = (await server.api(chair.token, 'GET', `${API}/parties`)).body as {
    short: string;
    color: string;
  }[];
  colours = Object.fromEntries(parties.map((p) => [p.short, p.color]));

  // The chair opens drafting; D66 and CDA type in the same measure with stock y-websocket clients.
  await server.api(chair.token, 'PUT', `${API}/drafting`, { mode: 'open' });
  const a = connectClient(server.wsUrl, 'd66-cda', { token: d66.token });
  const b = connectClient(server.wsUrl, 'd66-cda', { token: cda.token });
  clients.push(a, b);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  measureText(a.fragment, typedIn.id).insert(typedIn.text.length, D66_TEXT);
  await eventually(() => measureText(b.fragment, typedIn.id).toString().endsWith(D66_TEXT));
  const text = measureText(b.fragment, typedIn.id);
  text.insert(text.length, CDA_TEXT);
  const firstWord = typedIn.text.split(' ')[0]!;
  text.delete(0, firstWord.length + 1);
  await eventually(() => measureText(a.fragment, typedIn.id).toString().endsWith(CDA_TEXT));

  // D66's amendment on the next measure, accepted by the chair.
  const draft = (
    await server.api(d66.token, 'POST', `${API}/amendments`, {
      measure: amended.id,
      kind: 'replace',
      text: `${amended.text} Dat doen we samen met de provincies.`,
      rationale: 'Samen.',
    })
  ).body;
  await server.api(d66.token, 'POST', `${API}/amendments/${draft.id}/submit`);
  expect((await server.api(chair.token, 'POST', `${API}/amendments/${draft.id}/accept`)).status).toBe(200);
});

afterAll(async () => {
  for (const c of clients) c.provider.destroy();
  await stopBrowserSession({ server, browser });
});

describe('who wrote what, in the browser', () => {
  it('shows each run of "Wijzigingen tonen" in its party’s colour, with the name on hover and as its label', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await signIn(page, chair.url);
    await page.getByRole('button', { name: 'Wijzigingen tonen' }).click();
    const measure = page.locator(`#${typedIn.id}`);
    const byD66 = measure.locator('ins.diff-authored[data-party="D66"]');
    const byCda = measure.locator('ins.diff-authored[data-party="CDA"]');
    await byD66.waitFor();
    await byCda.waitFor();
    expect(await byD66.textContent()).toBe(D66_TEXT);
    expect(await byCda.textContent()).toBe(CDA_TEXT);
    expect(await byD66.getAttribute('title')).toMatch(/^Ingevoegd door Daan Dijkstra \(D66\), /);
    expect(await byD66.getAttribute('aria-label')).toBe(await byD66.getAttribute('title'));
    expect(await byCda.getAttribute('title')).toMatch(/^Ingevoegd door Cas Claassen \(CDA\), /);
    expect(await byD66.getAttribute('style')).toContain(colours.D66);
    expect(await byCda.getAttribute('style')).toContain(colours.CDA);
    const deleted = measure.locator('del.diff-authored[data-party="CDA"]');
    expect(await deleted.getAttribute('title')).toMatch(/^Geschrapt door Cas Claassen \(CDA\), /);

    // The accepted amendment: D66's words, the chair decided.
    const accepted = page.locator(`#${amended.id} ins.diff-authored[data-party="D66"]`);
    await accepted.waitFor();
    expect(await accepted.textContent()).toContain('Dat doen we samen met de provincies.');
    expect(await accepted.getAttribute('title')).toMatch(
      /^Ingevoegd: amendement van D66 \(Daan Dijkstra\), aanvaard door Carla Voorzitter, /,
    );
    // "Laatst gewijzigd door" under each measure: CDA typed last; the amendment is D66's, the chair decided.
    await page
      .locator(`#${typedIn.id}[data-last-change^="Laatst gewijzigd door Cas Claassen (CDA) op "]`)
      .waitFor();
    await page
      .locator(
        `#${amended.id}[data-last-change*="amendement van D66 (Daan Dijkstra), aanvaard door Carla Voorzitter"]`,
      )
      .waitFor();
    await measure.scrollIntoViewIfNeeded();
    await screenshot(page, 'authorship-inline');
    await page.close();
  });

  it('shows each run of "Vergelijken" in its party’s colour and names every author of a measure', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await signIn(page, chair.url);
    await page.getByRole('tab', { name: 'Vergelijken' }).click();
    const unit = page.locator(`.diff-unit[data-unit="${typedIn.id}"]`);
    const byD66 = unit.locator('ins.diff-authored[data-party="D66"]');
    await byD66.waitFor();
    expect(await byD66.textContent()).toBe(D66_TEXT);
    expect(await byD66.getAttribute('title')).toMatch(/^Ingevoegd door Daan Dijkstra \(D66\), /);
    expect(await byD66.getAttribute('aria-label')).toBe(await byD66.getAttribute('title'));
    const byCda = unit.locator('ins.diff-authored[data-party="CDA"]');
    expect(await byCda.textContent()).toBe(CDA_TEXT);
    // The colour is the party's (as the browser computed it from the party colour).
    const colourOf = (hex: string) =>
      `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(await byD66.evaluate((el) => getComputedStyle(el).textDecorationColor)).toBe(
      colourOf(colours.D66!),
    );
    expect(await byCda.evaluate((el) => getComputedStyle(el).textDecorationColor)).toBe(
      colourOf(colours.CDA!),
    );
    expect(await unit.locator('.diff-attribution').textContent()).toBe(
      'Door Cas Claassen (CDA), Daan Dijkstra (D66)',
    );
    const accepted = page.locator(
      `.diff-unit[data-unit="${amended.id}"] ins.diff-authored[data-party="D66"]`,
    );
    expect(await accepted.getAttribute('title')).toContain('aanvaard door Carla Voorzitter');
    await screenshot(page, 'authorship-compare');
    await page.close();
  });
});
