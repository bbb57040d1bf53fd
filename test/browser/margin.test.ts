import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { screenshot, signIn } from './page.js';

const DOC = 'd66-cda';
const measures = d66Agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
const near = measures.find((m) => m.text.split(' ').length >= 30)!;
const far = measures[measures.indexOf(near) + 12]!;
const words = (m: { text: string }, from: number) =>
  m.text
    .split(' ')
    .slice(from, from + 2)
    .join(' ');

let server: TestServer;
let browser: Browser;
let d66: Invited;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession(DOC));
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk Bakker' });
  // Three threads on one measure, close together (their cards must make room), one further down.
  for (const [m, from, text] of [
    [near, 0, 'Eerste opmerking.'],
    [near, 3, 'Tweede opmerking, vlak erna.'],
    [near, 6, 'Derde opmerking, ook hier.'],
    [far, 0, 'Een opmerking verderop.'],
  ] as const) {
    const res = await server.api(d66.token, 'POST', `/api/documents/${DOC}/comments`, {
      measure: m.id,
      quote: words(m, from),
      audience: 'everyone',
      text,
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
});

afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

type Box = { id: string; top: number; bottom: number; left: number; anchor: number };
/** Each card in the margin with the top of its words in the text. */
function cardsAndAnchors(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.margin-card [data-thread-card]')].map((card) => {
      const id = card.dataset.threadCard!;
      const r = card.getBoundingClientRect();
      const words = document.querySelector(`.agenda .comment-span[data-thread="${CSS.escape(id)}"]`)!;
      return { id, top: r.top, bottom: r.bottom, left: r.left, anchor: words.getBoundingClientRect().top };
    }),
  );
}

describe('comments in the margin at 1440 × 900', () => {
  it('stands each card beside its words, cards that would collide one below the other, following the text as it scrolls', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, d66.url);
    await page.getByRole('tab', { name: 'Opmerkingen' }).click();
    await page.locator(`#${near.id}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => document.querySelectorAll('.margin-card').length >= 3);

    const paper = (await page.locator('.paper').boundingBox())!;
    const cards = (await cardsAndAnchors(page)).sort((a, b) => a.anchor - b.anchor);
    expect(cards.length).toBe(3);
    // Beside the text, at the height of their words (the first exactly, the others moved down).
    for (const card of cards) {
      expect(card.left).toBeGreaterThanOrEqual(paper.x + paper.width);
      expect(card.top).toBeGreaterThanOrEqual(card.anchor - 1);
    }
    expect(Math.abs(cards[0]!.top - cards[0]!.anchor)).toBeLessThanOrEqual(1);
    // Never over each other.
    for (let i = 1; i < cards.length; i++) expect(cards[i]!.top).toBeGreaterThanOrEqual(cards[i - 1]!.bottom);
    await screenshot(page, 'margin');

    // Scrolled on, the card of the measure further down stands beside its words.
    await page.locator(`#${far.id}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(
      (quote) => [...document.querySelectorAll('.margin-card q')].some((q) => q.textContent === quote),
      words(far, 0),
    );
    const [later] = (await cardsAndAnchors(page)).filter((c) => Math.abs(c.anchor - 450) < 300);
    expect(Math.abs(later!.top - later!.anchor)).toBeLessThanOrEqual(1);

    // "Alle draden" lists every thread.
    await page.getByRole('button', { name: 'Alle draden' }).click();
    expect(await page.locator('.comments-panel .comment-thread').count()).toBe(4);
    await context.close();
  });
});
