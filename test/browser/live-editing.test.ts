import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, screenshot, signIn, textOf, waitForText } from './page.js';

const agenda = d66Agenda;
const firstMeasure = agenda.chapters[0]!.sections.find((s) => s.measures.length > 0)!.measures[0]!;

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

describe('the agenda in the browser', () => {
  it('shows the whole agenda as numbered chapters, sections and measures with an outline', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, chair.url);
    expect(await page.locator('.agenda .chapter').count()).toBe(agenda.chapters.length);
    const measureCount = agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures)).length;
    expect(await page.locator('.agenda .measure').count()).toBe(measureCount);
    expect(await page.locator('.agenda-title').innerText()).toBe(agenda.title);
    // The number beside a measure is its own stable number (data-number), the same as in the outline.
    expect(await page.locator(`#${firstMeasure.id}`).getAttribute('data-number')).toBe(firstMeasure.number);
    // The outline is read after the text shows (a chunk of its own): wait for it before counting.
    await page.locator('.outline-chapter').first().waitFor();
    expect(await page.locator('.outline-chapter').count()).toBe(agenda.chapters.length);
    await page.locator('.outline-chapter .disclosure').first().click();
    expect(await page.locator('.outline-section').count()).toBe(agenda.chapters[0]!.sections.length);
    const section = agenda.chapters[0]!.sections.find((s) => s.measures.length > 0)!;
    await page.locator('.outline-section', { hasText: section.title }).locator('.disclosure').click();
    const entry = page.locator('.outline-measure').first();
    expect(await entry.locator('.num').textContent()).toBe(firstMeasure.number);
    // Choosing a measure in the outline brings it into view.
    const last = page.locator('.outline-measure').last();
    await last.locator('a').click();
    const lastId = (await last.locator('a').getAttribute('href'))!.slice(1);
    await page.waitForFunction((id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, lastId);
    await screenshot(page, 'agenda-outline');
    await page.close();
  });

  it('lets two people edit the same measure at once, each seeing the other and ending with the same text', async () => {
    // A negotiator edits the text directly while the chair has opened drafting.
    const bram = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Bram Jansen' });
    expect(
      (await server.api(chair.token, 'PUT', '/api/documents/d66-cda/drafting', { mode: 'open' })).status,
    ).toBe(200);
    const alice = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const bob = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const a = await alice.newPage();
    const b = await bob.newPage();
    await signIn(a, chair.url);
    await signIn(b, bram.url);
    await b.locator('.notice.drafting').waitFor();

    await placeCaret(a, firstMeasure.id, 'end');
    await placeCaret(b, firstMeasure.id, 'start');
    await Promise.all([
      a.keyboard.type(' Dit doen we samen.', { delay: 15 }),
      b.keyboard.type('Voorstel: ', { delay: 15 }),
    ]);

    const expected = `Voorstel: ${firstMeasure.text} Dit doen we samen.`;
    await waitForText(a, firstMeasure.id, expected);
    await waitForText(b, firstMeasure.id, expected);
    expect(await textOf(a, firstMeasure.id)).toBe(await textOf(b, firstMeasure.id));

    // Each sees the other's cursor with name, and both in the presence list.
    await a.locator('.ProseMirror-yjs-cursor', { hasText: 'Bram Jansen' }).waitFor();
    await b.locator('.ProseMirror-yjs-cursor', { hasText: 'Anne de Vries' }).waitFor();
    expect(await a.locator('.presence .avatar').count()).toBe(2);
    // The outline shows where the other is working: a dot in Bram's colour at the first chapter.
    await a.locator('.outline-chapter').first().locator('.outline-people[title*="Bram Jansen"]').waitFor();
    await a.locator(`#${firstMeasure.id}`).scrollIntoViewIfNeeded();
    // Who changed the measure last shows under it (from the audit trail) while the pointer is over it.
    await a.locator(`#${firstMeasure.id}[data-last-change*="Laatst gewijzigd door"]`).waitFor();
    await a.locator(`#${firstMeasure.id}`).hover();
    await screenshot(a, 'two-people-editing');

    // The server has it too, as the measures API shows.
    const answer = await server.api(chair.token, 'GET', '/api/documents/d66-cda/measures');
    expect(answer.status).toBe(200);
    const measures = answer.body as { id: string; current: string }[];
    expect(measures.find((m) => m.id === firstMeasure.id)?.current).toBe(expected);
    await alice.close();
    await bob.close();
  });

  it('switches the interface between Dutch and English', async () => {
    const page = await browser.newPage();
    await signIn(page, chair.url);
    await expect(page.locator('.outline h2').textContent()).resolves.toBe('Inhoud');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('.outline h2').textContent()).resolves.toBe('Contents');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.locator('.outline h2').textContent()).resolves.toBe('Inhoud');
    await page.close();
  });
});
