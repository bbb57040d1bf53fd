import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, screenshot, signIn } from './page.js';

const DOC = '/api/documents/d66-cda';
const chapter = d66Agenda.chapters.find((c) => c.sections.some((s) => s.measures.length >= 2))!;
const section = chapter.sections.find((s) => s.measures.length >= 2)!;
const [first, second] = section.measures as [(typeof section.measures)[0], (typeof section.measures)[0]];

let server: TestServer;
let browser: Browser;
let chair: Invited;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession());
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne de Vries' });
});

afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

describe('stable measure numbers in the browser', () => {
  it('shows a measure made with Enter as the next one’s number plus a letter, in the text and the outline, moving no other', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, chair.url);
    // The number beside a measure is its own (data-number), not a counter of its position.
    expect(await page.locator(`#${second.id}`).getAttribute('data-number')).toBe(second.number);
    const drawn = await page
      .locator(`#${second.id}`)
      .evaluate((el) => getComputedStyle(el, '::before').content);
    expect(drawn).not.toContain('counter(');

    await placeCaret(page, first.id, 'end');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Een nieuwe maatregel.');
    const made = page.locator(`.agenda .measure[data-number="${first.number}a"]`);
    await page
      .locator(`.agenda .measure[data-number="${first.number}a"]`, { hasText: 'Een nieuwe maatregel.' })
      .waitFor();
    expect(await made.textContent()).toBe('Een nieuwe maatregel.');
    expect(await page.locator(`#${first.id}`).getAttribute('data-number')).toBe(first.number);
    expect(await page.locator(`#${second.id}`).getAttribute('data-number')).toBe(second.number);

    // The outline lists the same numbers.
    await page.locator('.outline-chapter', { hasText: chapter.title }).locator('.disclosure').click();
    await page.locator('.outline-section', { hasText: section.title }).locator('.disclosure').click();
    const numbers = await page.locator('.outline-measure .num').allTextContents();
    expect(numbers.slice(0, 3)).toEqual([first.number, `${first.number}a`, second.number]);

    // So does the server.
    const measures = (await server.api(chair.token, 'GET', `${DOC}/measures`)).body as {
      number: string;
      current: string | null;
    }[];
    expect(measures.find((m) => m.current === 'Een nieuwe maatregel.')?.number).toBe(`${first.number}a`);
    await page.close();
  });

  it('shows pending amendments and open comments in the outline with their own icon and words, not as “A1”', async () => {
    const vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Bram Jansen' });
    const draft = await server.api(vvd.token, 'POST', `${DOC}/amendments`, {
      measure: second.id,
      kind: 'replace',
      text: `${second.text} Met spoed.`,
      rationale: 'Haast.',
    });
    expect((await server.api(vvd.token, 'POST', `${DOC}/amendments/${draft.body.id}/submit`)).status).toBe(
      200,
    );
    const quote = second.text.split(' ').slice(0, 3).join(' ');
    const thread = await server.api(vvd.token, 'POST', `${DOC}/comments`, {
      measure: second.id,
      quote,
      audience: 'everyone',
      text: 'Wat kost dit?',
    });
    expect(thread.status).toBe(201);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, chair.url);
    await page.locator('.outline-chapter', { hasText: chapter.title }).locator('.disclosure').click();
    await page.locator('.outline-section', { hasText: section.title }).locator('.disclosure').click();
    const entry = page.locator('.outline-measure', { has: page.locator('.num', { hasText: second.number }) });
    const amendments = entry.locator('[data-count="amendments"]');
    const threads = entry.locator('[data-count="threads"]');
    await amendments.waitFor();
    await threads.waitFor();
    // Each count has an icon (hidden from screen readers) and says what it counts, for screen readers too.
    expect(await amendments.locator('svg[aria-hidden="true"]').count()).toBe(1);
    expect(await threads.locator('svg[aria-hidden="true"]').count()).toBe(1);
    expect(await amendments.locator('.sr-only').textContent()).toBe(
      'Amendementen in behandeling: 1 (van VVD)',
    );
    expect(await threads.locator('.sr-only').textContent()).toBe('Open opmerkingen: 1');
    expect(await amendments.innerText()).not.toMatch(/A\s*1/);
    // The accessible text of the entry names both counts in words.
    const spoken = await entry.evaluate((el) =>
      [...el.querySelectorAll('.outline-badges > *')]
        .map((b) => [...b.childNodes].filter((n) => !(n as Element).closest?.('[aria-hidden="true"]')))
        .flat()
        .map((n) => n.textContent)
        .join(' | '),
    );
    expect(spoken).toBe('Amendementen in behandeling: 1 (van VVD) | Open opmerkingen: 1');
    await screenshot(page, 'outline-counts');
    await page.close();
  });
});
