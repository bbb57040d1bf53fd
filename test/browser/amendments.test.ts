import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { normalizeText } from '../../shared/diff/index.js';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, screenshot, signIn, waitForText } from './page.js';

const agenda = d66Agenda;
const chapter = agenda.chapters[0]!;
const measure = chapter.sections.find((s) => s.measures.length > 0)!.measures[0]!;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession());
});

afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

/** A person's page, signed in, with the cursor in the measure and the amendments tab open. */
async function open(who: Invited): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  const page = await context.newPage();
  await signIn(page, who.url);
  await placeCaret(page, measure.id, 'end');
  await page.getByRole('tab', { name: 'Amendementen' }).click();
  await page.locator(`.amendments-panel[data-measure="${measure.id}"]`).waitFor();
  return page;
}

/** The count in one cell of the dashboard (the first chapter's row or the total). */
async function count(page: Page, row: string, column: string): Promise<string> {
  return page.locator(`.db-table tr[data-chapter="${row}"] td[data-count="${column}"]`).innerText();
}

describe('amendments in the browser', () => {
  it('drafts together, submits, records positions, decides, and every browser follows', async () => {
    const chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne de Vries' });
    const vera = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vera Visser' });
    const victor = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Victor Vos' });
    const d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Daan Dekker' });
    const cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla Claes' });
    const reviewer = await server.invite({ party: 'GL-PvdA', role: 'reviewer', name: 'Rik Rood' });

    // Vera (VVD) proposes a change; a draft bound to the party room appears with the measure's text.
    const a = await open(vera);
    await a.locator('.am-propose-replace').click();
    const draftA = a.locator('.am-draft .am-draft-text');
    await draftA.waitFor();
    expect(await draftA.inputValue()).toBe(measure.text);
    await draftA.click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(' Wij willen meer.', { delay: 10 });

    // Victor (VVD) sees her typing live and adds to it; she sees his.
    const b = await open(victor);
    const draftB = b.locator('.am-draft .am-draft-text');
    await b.waitForFunction(() =>
      (document.querySelector('.am-draft .am-draft-text') as HTMLTextAreaElement | null)?.value.endsWith(
        'Wij willen meer.',
      ),
    );
    await draftB.click();
    await b.keyboard.press('Control+End');
    await b.keyboard.type(' En snel.', { delay: 10 });
    const proposed = `${measure.text} Wij willen meer. En snel.`;
    await a.waitForFunction(
      (text) => (document.querySelector('.am-draft .am-draft-text') as HTMLTextAreaElement).value === text,
      proposed,
    );
    await a.locator('.am-draft-rationale').fill('Ambitieuzer.');
    await screenshot(a, 'amendment-draft-together');

    // D66 and the reviewer see no draft of VVD.
    const d = await open(d66);
    expect(await d.locator('.am-draft').count()).toBe(0);
    const r = await open(reviewer);

    await a.locator('.am-draft button.primary').click();
    await a.locator('.am-draft').waitFor({ state: 'detached' });
    const card = (page: Page) => page.locator('.am-card[data-number="A-1"]');
    for (const page of [a, b, d, r]) await card(page).waitFor();
    expect(await card(d).locator('.am-vs-current ins').first().innerText()).toContain('Wij willen meer');

    // D66 and CDA record their positions; everyone sees them.
    await card(d).locator('.am-position-picker select').selectOption('support');
    const c = await open(cda);
    await card(c).locator('.am-position-picker select').selectOption('reservation');
    await card(c).locator('.am-note').fill('Eerst doorrekenen.');
    await card(c).locator('.am-note').blur();
    await r.locator('.am-card .am-chip[data-party="D66"].pos-support').waitFor();
    await r.locator('.am-card .am-chip[data-party="CDA"].pos-reservation').waitFor();

    // A reviewer sees no accept button, and the server refuses the call all the same.
    expect(await card(r).locator('.am-accept').count()).toBe(0);
    const id = await card(r).getAttribute('data-amendment');
    const refused = await server.api(
      reviewer.token,
      'POST',
      `/api/documents/d66-cda/amendments/${id}/accept`,
    );
    expect(refused.status).toBe(403);
    await screenshot(r, 'amendment-reviewer-view');

    // The dashboard counts the pending amendment in the first chapter, in the reviewer's browser.
    await r.getByRole('tab', { name: 'Stand van zaken' }).click();
    await r.waitForFunction(
      (id) =>
        document.querySelector(`.db-table tr[data-chapter="${id}"] td[data-count="pending"]`)?.textContent ===
        '1',
      chapter.id,
    );
    await r.locator(`.db-matrix td[data-party="D66"][data-amendment="A-1"].pos-support`).waitFor();
    await screenshot(r, 'dashboard-before-decision');

    // The chair sees the positions, accepts, and marks the measure as agreed.
    const s = await open(chair);
    await card(s).locator('.am-chip[data-party="CDA"].pos-reservation').waitFor();
    // The editor shows a badge on the measure with its number of pending amendments.
    expect(await s.locator(`#${measure.id} .amendment-badge`).innerText()).toBe('1');
    await screenshot(s, 'amendment-chair-before-accept');
    // Accepting over CDA's reservation asks first, naming it with its reason.
    await card(s).locator('.am-accept').click();
    expect(await card(s).locator('.am-objections li[data-party="CDA"]').innerText()).toBe(
      'CDA: voorbehoud — Eerst doorrekenen.',
    );
    await card(s).locator('.am-decision-note').fill('Meerderheid aan tafel is voor.');
    await card(s).getByRole('button', { name: 'Toch aannemen' }).click();
    const accepted = normalizeText(proposed);
    for (const page of [s, a, b, d, c, r]) await waitForText(page, measure.id, accepted);
    await s.locator('.am-status-picker select').selectOption('agreed');

    // Every browser shows the new text, the decision, the status edge and the updated dashboard.
    await card(d).locator('.am-status.st-accepted').waitFor();
    expect(await card(d).locator('.am-decision').innerText()).toContain('Meerderheid aan tafel is voor.');
    await d.locator(`.agenda .measure.negotiation-agreed#${measure.id}`).waitFor();
    await r.waitForFunction(
      (id) =>
        document.querySelector(`.db-table tr[data-chapter="${id}"] td[data-count="pending"]`)?.textContent ===
          '0' &&
        document.querySelector(`.db-table tr[data-chapter="${id}"] td[data-count="agreed"]`)?.textContent ===
          '1',
      chapter.id,
    );
    expect(await count(r, 'total', 'agreed')).toBe('1');
    expect(await d.locator(`#${measure.id} .amendment-badge`).count()).toBe(0);
    await screenshot(r, 'dashboard-after-decision');
    await d.locator(`#${measure.id}`).scrollIntoViewIfNeeded();
    await screenshot(d, 'amendment-accepted');
    const measures = await server.api(chair.token, 'GET', '/api/documents/d66-cda/measures');
    expect(measures.body.find((m: { id: string }) => m.id === measure.id).current).toBe(accepted);
    for (const page of [a, b, c, d, r, s]) await page.context().close();
  });
});
