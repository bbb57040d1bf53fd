import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { overflowsSideways, placeCaret, screenshot } from './page.js';
import { seriousViolations } from './axe.js';

const DOC = 'd66-cda';
const API = `/api/documents/${DOC}`;
const measures = d66Agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
const measure = measures.find((m) => m.text.split(' ').length >= 12)!;
const words = measure.text.split(' ');

let server: TestServer;
let browser: Browser;
let d66: Invited;
let d66Colleague: Invited;
let cda: Invited;

/** A submitted amendment of `who` that rewrites the measure's last words (so the proposals compete). */
async function propose(who: Invited, ending: string, rationale: string): Promise<void> {
  const text = [...words.slice(0, -3), ending].join(' ');
  const made = await server.api(who.token, 'POST', `${API}/amendments`, {
    measure: measure.id,
    kind: 'replace',
    text,
    rationale,
  });
  expect(made.status).toBe(201);
  const submitted = await server.api(who.token, 'POST', `${API}/amendments/${made.body.id}/submit`);
  expect(submitted.status).toBe(200);
}

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession(DOC));
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk Bakker' });
  d66Colleague = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dana Berg' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla Claes' });
  await propose(d66, 'en wel binnen twee jaar, met een plan dat elk kwartaal wordt bijgewerkt.', 'Sneller.');
  await propose(cda, 'zonder extra geld uit te geven aan nieuwe regelingen of loketten.', 'Betaalbaar.');
  const thread = await server.api(cda.token, 'POST', `${API}/comments`, {
    audience: 'everyone',
    measure: measure.id,
    quote: words.slice(1, 3).join(' '),
    text: 'Hoe verhoudt dit zich tot hoofdstuk 2?',
  });
  expect(thread.status).toBe(201);
});

afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

async function open(who: Invited, width = 1440, height = 900): Promise<Page> {
  // bypassCSP: only so that axe-core can be injected (see axe.ts).
  const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(who.url);
  await page.waitForURL(/\/d\//);
  await page.locator('.editor-mount[data-ready="true"] .ProseMirror').waitFor();
  return page;
}

/** Puts the caret in the measure and opens the focus view from the toolbar. */
async function openFocus(page: Page): Promise<void> {
  await page.locator('.toolbar').waitFor();
  await placeCaret(page, measure.id, 'start');
  await page.locator('.toolbar .focus-open').click();
  await page.locator('.focus-view').waitFor();
  await page.locator('.focus-view .am-card').nth(1).waitFor();
}

type Box = { top: number; bottom: number; left: number; right: number };
const boxOf = (page: Page, selector: string, nth = 0): Promise<Box> =>
  page
    .locator(selector)
    .nth(nth)
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    });

describe('the focus view', () => {
  it('shows one measure wide: competing amendments stacked and whole, positions, threads and the party note', async () => {
    const page = await open(d66);
    await openFocus(page);
    const dialog = page.locator('.focus-view[role="dialog"]');
    expect(await dialog.getAttribute('data-measure')).toBe(measure.id);
    expect(await page.locator('.focus-current').innerText()).toBe(measure.text);
    // Two competing cards, one below the other, each inside the dialog and nothing cut off sideways.
    const cards = page.locator('.focus-view .am-card');
    expect(await cards.count()).toBe(2);
    const [first, second, view] = await Promise.all([
      boxOf(page, '.focus-view .am-card', 0),
      boxOf(page, '.focus-view .am-card', 1),
      boxOf(page, '.focus-view'),
    ]);
    expect(second.top).toBeGreaterThanOrEqual(first.bottom);
    for (const card of [first, second]) {
      expect(card.left).toBeGreaterThanOrEqual(view.left);
      expect(card.right).toBeLessThanOrEqual(view.right);
    }
    expect(second.right - second.left).toBeGreaterThan(500);
    const clipped = await page
      .locator('.focus-view .am-cards')
      .evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(clipped).toBe(false);
    await page.locator('.focus-view .am-collides').first().waitFor();
    // The text is still the original: each card compares with it once.
    expect(await page.locator('.focus-view .am-vs-current').count()).toBe(2);
    expect(await page.locator('.focus-view .am-vs-original').count()).toBe(0);
    // Positions, the thread and the party's note are there too.
    expect(await page.locator('.focus-view .am-positions').count()).toBeGreaterThan(0);
    await page.locator('.focus-view .comment-thread').waitFor();
    expect(await page.locator('.focus-view .comment-thread').innerText()).toContain('hoofdstuk 2');
    await page.locator('.focus-view .measure-note-text').fill('Vasthouden; ruilen tegen 2.1 als het moet.');
    await screenshot(page, 'focus-view-1440');
    expect(await seriousViolations(page)).toEqual([]);

    // Escape closes it and the focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await page.locator('.focus-view').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('focus-open'))).toBe(true);
    await page.context().close();
  });

  it("keeps the party's note in the party room: a colleague sees it live with an icon in the outline, another party neither", async () => {
    const mine = await open(d66);
    await openFocus(mine);
    const colleague = await open(d66Colleague);
    await openFocus(colleague);
    await mine.locator('.focus-view .measure-note-text').fill('Onze lijn: eerst doorrekenen.');
    await colleague.waitForFunction(
      () =>
        (document.querySelector('.focus-view .measure-note-text') as HTMLTextAreaElement | null)?.value ===
        'Onze lijn: eerst doorrekenen.',
    );
    await colleague.keyboard.press('Escape');
    // In the outline (filtered to measures with pending amendments, so the measure is listed): the note's icon.
    await colleague.locator('.outline-filter').selectOption('pending');
    await colleague.locator(`.outline-measure:has(a[href="#${measure.id}"]) [data-note-mark]`).waitFor();

    const other = await open(cda);
    await other.locator('.outline-filter').selectOption('pending');
    await other.locator(`.outline-measure a[href="#${measure.id}"]`).waitFor();
    expect(await other.locator('[data-note-mark]').count()).toBe(0);
    await openFocus(other);
    expect(await other.locator('.focus-view .measure-note-text').inputValue()).toBe('');
    for (const page of [mine, colleague, other]) await page.context().close();
  });

  it('fits a phone: one column, no sideways scrolling', async () => {
    const page = await open(d66, 390, 844);
    await page.locator('.toolbar').waitFor();
    await placeCaret(page, measure.id, 'start');
    await page.locator('.toolbar .focus-open').click();
    await page.locator('.focus-view .am-card').nth(1).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    const [first, second] = await Promise.all([
      boxOf(page, '.focus-view .am-card', 0),
      boxOf(page, '.focus-view .am-card', 1),
    ]);
    expect(second.top).toBeGreaterThanOrEqual(first.bottom);
    expect(first.right).toBeLessThanOrEqual(390);
    await screenshot(page, 'focus-view-390');
    await page.context().close();
  });
});
