import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { screenshot, signIn } from './page.js';

const DOC = 'd66-cda';
const API = `/api/documents/${DOC}`;
const measures = d66Agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
const allText = JSON.stringify(d66Agenda).toLowerCase();
/** A long word that occurs once in the whole agenda, in a measure in the second half (so a jump has to scroll). */
const target = measures
  .slice(measures.length / 2)
  .flatMap((m) => m.text.split(/[^\p{L}]+/u).map((word) => ({ m, word })))
  .find(({ word }) => word.length >= 11 && allText.split(word.toLowerCase()).length === 2)!;
const AMENDMENT_WORD = 'warmtenettenfonds';
const OWN_DRAFT_WORD = 'zonnedakenplicht';
const OTHER_DRAFT_WORD = 'geheimeruilvoet';

let server: TestServer;
let browser: Browser;
let d66: Invited;
let cda: Invited;
let submittedNumber: string;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession(DOC));
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk Bakker' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla Jansen' });
  const ok = async (who: Invited, method: string, url: string, body?: unknown) => {
    const res = await server.api(who.token, method, url, body);
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const amendment = await ok(cda, 'POST', `${API}/amendments`, {
    measure: measures[3]!.id,
    kind: 'replace',
    text: `${measures[3]!.text} Met een ${AMENDMENT_WORD}.`,
    rationale: '',
  });
  submittedNumber = amendment.number;
  await ok(cda, 'POST', `${API}/amendments/${amendment.id}/submit`);
  await ok(cda, 'POST', `${API}/amendments`, {
    measure: measures[5]!.id,
    kind: 'replace',
    text: `De ${OTHER_DRAFT_WORD} blijft binnenskamers.`,
    rationale: '',
  });
  await ok(d66, 'POST', `${API}/amendments`, {
    measure: measures[7]!.id,
    kind: 'insert',
    text: `Een ${OWN_DRAFT_WORD} voor nieuwbouw.`,
    rationale: '',
  });
});

afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

async function person(who: Invited): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, who.url);
  return page;
}

/** Types a query into the open search field and waits for its answer (every hit marking it, or none found). */
async function find(page: Page, query: string): Promise<string[]> {
  await page.getByRole('combobox', { name: 'Zoeken' }).fill(query);
  await page.waitForFunction((q) => {
    const marks = [...document.querySelectorAll('.search-hit mark')].map((m) => m.textContent!.toLowerCase());
    const none = document.querySelector('.search-count')?.textContent === `Niets gevonden voor “${q}”.`;
    return none || (marks.length > 0 && marks.every((m) => m === q.toLowerCase()));
  }, query);
  return page.locator('.search-hit-label').allTextContents();
}

describe('search in the browser', () => {
  it('opens on Ctrl+F, finds a word in a measure and in an amendment, marks it in the text and jumps to it', async () => {
    const page = await person(d66);
    await page.locator('.ProseMirror').focus();
    // The search comes with the page's features, which load once the text shows.
    await page.getByRole('button', { name: 'Zoeken' }).waitFor();
    await page.keyboard.press('Control+f');
    const field = page.getByRole('combobox', { name: 'Zoeken' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);

    expect(await find(page, target.word.toUpperCase())).toEqual([`Maatregel ${target.m.number}`]);
    await page.locator(`#${target.m.id} .search-match`).waitFor();
    expect(await page.locator('.search-match').count()).toBe(1);
    expect(await page.locator('.search-hit mark').textContent()).toBe(target.word);
    await page.keyboard.press('Enter');
    const current = page.locator(`#${target.m.id} .search-current`);
    await current.waitFor();
    expect(await current.textContent()).toBe(target.word);
    await expect
      .poll(() =>
        current.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top > 0 && r.bottom < window.innerHeight;
        }),
      )
      .toBe(true);
    // The caret went there: the amendments panel shows that measure.
    await page.locator(`.amendments-panel[data-measure="${target.m.id}"]`).waitFor();

    const labels = await find(page, AMENDMENT_WORD);
    expect(labels).toEqual([
      `Amendement ${submittedNumber} · CDA · ingediend · bij maatregel ${measures[3]!.number}`,
    ]);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('tab', { name: 'Amendementen' }).getAttribute('aria-selected')).toBe('true');
    await page.locator(`.amendments-panel[data-measure="${measures[3]!.id}"]`).waitFor();

    // One's own party's draft is found; another party's is not.
    expect(await find(page, OWN_DRAFT_WORD)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Amendement A-\\d+ · D66 · concept · bij maatregel ${measures[7]!.number.replace(/\./g, '\\.')}$`,
        ),
      ),
    ]);
    expect(await find(page, OTHER_DRAFT_WORD)).toEqual([]);
    expect(await page.locator('.search-count').textContent()).toBe(
      `Niets gevonden voor “${OTHER_DRAFT_WORD}”.`,
    );
    await screenshot(page, 'search');

    // Escape closes the search and takes its marks out of the text.
    await page.keyboard.press('Escape');
    await page.locator('#search-panel').waitFor({ state: 'detached' });
    expect(await page.locator('.search-match').count()).toBe(0);
    await page.context().close();
  });

  it('never shows the CDA a D66 draft, not in the browser and not through the API', async () => {
    const page = await person(cda);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    expect(await find(page, OWN_DRAFT_WORD)).toEqual([]);
    expect(await find(page, OTHER_DRAFT_WORD)).toHaveLength(1);
    const answer = await server.api(cda.token, 'GET', `${API}/search?q=${OWN_DRAFT_WORD}`);
    expect(answer.body.total).toBe(0);
    expect(JSON.stringify(answer.body)).not.toContain(OWN_DRAFT_WORD + ' ');
    await page.context().close();
  });
});
