import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, screenshot, selectText, signIn } from './page.js';

const agenda = d66Agenda;
const measure = agenda.chapters
  .flatMap((c) => c.sections.flatMap((s) => s.measures))
  .find((m) => m.text.split(' ').length >= 16)!;
const words = measure.text.split(' ');
const EARLY = words.slice(1, 4).join(' ');
const LATE = words.slice(-4, -1).join(' ');
/** Where the chair presses Enter: at a word boundary in the middle, between the two quotes. */
const SPLIT = words.slice(0, Math.floor(words.length / 2)).join(' ').length + 1;
const SECRET = 'Alleen voor D66: hier niet mee akkoord gaan';

let server: TestServer;
let browser: Browser;
let chair: Invited;
let d66: Invited;
let vvd: Invited;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession());
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne de Vries' });
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk Bakker' });
  vvd = await server.invite({ party: 'VVD', role: 'reviewer', name: 'Vera Smit' });
});

afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

async function comment(page: Page, quote: string, audience: 'everyone' | 'party', text: string) {
  await selectText(page, measure.id, quote);
  await page.locator('button.comment-start').click();
  const form = page.locator('.comment-composer');
  await form.locator(`input[value="${audience}"]`).check();
  await form.locator('textarea').fill(text);
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached' });
}

async function openPanel(page: Page) {
  await page.getByRole('tab', { name: 'Opmerkingen' }).click();
  await page.locator('.comments-panel').waitFor();
  // From 1280 px the threads stand in the margin beside their words; this test reads the list of all.
  await page.getByRole('button', { name: 'Alle draden' }).click();
}

/** The highlighted words of each thread in the page, by thread id. */
function highlights(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.agenda .comment-span[data-thread]')) {
      const id = el.dataset.thread!;
      out[id] = (out[id] ?? '') + el.textContent;
    }
    return out;
  });
}

describe('comments in the browser', () => {
  it('lets two parties comment on one measure, shows each what it may see, and keeps both threads on their words when the chair splits the paragraph', async () => {
    const pages: Page[] = [];
    for (const person of [d66, vvd, chair]) {
      const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signIn(page, person.url);
      await openPanel(page);
      pages.push(page);
    }
    const [a, b, c] = pages as [Page, Page, Page];

    await comment(a, LATE, 'party', SECRET);
    // A reviewer comments without being able to edit the text.
    expect(await b.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    await comment(b, EARLY, 'everyone', 'Wat kost dit? @D66');

    await a.locator('.comment-thread').nth(1).waitFor();
    await b.locator('.comment-thread').first().waitFor();
    await c.locator('.comment-thread').first().waitFor();
    expect(await a.locator('.comment-thread').count()).toBe(2);
    expect(await b.locator('.comment-thread').count()).toBe(1);
    expect(await c.locator('.comment-thread').count()).toBe(1);
    // In document order; the party thread marked as such; the mention highlighted.
    expect(await a.locator('.comment-thread .comment-quote q').allTextContents()).toEqual([EARLY, LATE]);
    expect(await a.locator('.comment-thread.party .comment-audience').textContent()).toBe('alleen D66');
    expect(await a.locator('.comment-thread .mention').first().textContent()).toBe('@D66');
    expect(Object.values(await highlights(a)).sort()).toEqual([EARLY, LATE].sort());
    expect(Object.values(await highlights(b))).toEqual([EARLY]);
    for (const page of [b, c]) expect(await page.content()).not.toContain(SECRET);
    expect(await a.locator(`#${measure.id}`).getAttribute('data-comments')).toBe('2');
    expect(await b.locator(`#${measure.id}`).getAttribute('data-comments')).toBe('1');

    // The chair presses Enter in the middle of the measure, between the two quotes.
    await placeCaret(c, measure.id, SPLIT);
    await c.keyboard.press('Enter');
    // Both other parties see the measure end where the chair pressed Enter (the second half follows it).
    for (const page of [a, b])
      await page.waitForFunction(
        ([id, late]) =>
          document.getElementById(id!)?.nextElementSibling?.textContent?.includes(late!) ?? false,
        [measure.id, LATE] as const,
      );
    await a.waitForFunction(() => document.querySelectorAll('.agenda .comment-span').length >= 2);
    const after = await highlights(a);
    expect(Object.values(after).sort()).toEqual([EARLY, LATE].sort());
    expect(Object.values(await highlights(b))).toEqual([EARLY]);
    // The second half became a measure of its own; the party thread went with its words.
    const secondHalf = await a.locator(`#${measure.id} + .measure`).textContent();
    expect(secondHalf).toContain(LATE);
    expect(await a.locator(`#${measure.id} + .measure`).getAttribute('data-comments')).toBe('1');

    // Hovering a thread in the margin highlights its words.
    await a.locator(`#${measure.id}`).hover();
    await a.locator('.comment-thread.party .comment-messages').hover();
    await a.locator('.agenda .comment-span.comment-party.comment-hover').first().waitFor();
    await a.locator(`#${measure.id}`).scrollIntoViewIfNeeded();
    await screenshot(a, 'comments-margin');
    await screenshot(b, 'comments-margin-other-party');
    for (const page of pages) await page.context().close();
  });
});
