import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret } from './page.js';

const DOC = 'd66-cda';
let server: TestServer;
let browser: Browser;
let d66: Invited;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession(DOC));
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk Bakker' });
});

afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

describe('opening a document', () => {
  it('joins the text room first and asks who is signed in at once, shows the text before loading the panels, and keeps one connection per room', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const first = await context.newPage();
    await first.goto(d66.url);
    await first.waitForURL(/\/d\//);
    await first.close();

    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // When the text first shows, in the page's own clock.
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('.agenda .measure')) return;
        (window as unknown as { textShownAt: number }).textShownAt = performance.now();
        (window as unknown as { firstText: Element | null }).firstText =
          document.querySelector('.ProseMirror');
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
      // When each websocket is made, in the same clock.
      const Native = window.WebSocket;
      const made: { url: string; at: number }[] = [];
      (window as unknown as { socketsMade: typeof made }).socketsMade = made;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          made.push({ url: String(url), at: performance.now() });
          super(url, protocols);
        }
      };
    });
    const events: string[] = [];
    page.on('websocket', (ws) => events.push(`ws ${new URL(ws.url()).pathname}`));
    await page.goto(`${server.app.url}/d/${DOC}`);
    await page.locator('.editor-mount[data-ready="true"] .ProseMirror').waitFor();

    // Use every feature that reads a room: notes, drafts and threads (party room), search, notifications.
    await placeCaret(page, 'm-1-1-1', 'start');
    for (const tab of ['Amendementen', 'Partijnotities', 'Opmerkingen', 'Stand van zaken']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.locator('.panel-body > *').first().waitFor();
    }
    await page.keyboard.press('Control+f');
    await page.getByRole('combobox', { name: 'Zoeken' }).fill('woning');
    await page.locator('.search-hit').first().waitFor();
    await page.locator('.bell').click();

    const sockets = events.filter((e) => e.startsWith('ws '));
    expect(sockets.sort()).toEqual(
      [`ws /sync/${DOC}`, `ws /sync/${DOC}/meta`, `ws /sync/${DOC}/party/D66`].sort(),
    );
    // The text room's socket is made first, and who is signed in is asked at once, in parallel.
    const start = await page.evaluate((room) => {
      const made = (window as unknown as { socketsMade: { url: string; at: number }[] }).socketsMade;
      const me = performance.getEntriesByType('resource').find((r) => new URL(r.name).pathname === '/api/me');
      return { text: made.find((s) => s.url.endsWith(room))?.at, first: made[0]?.url, me: me?.startTime };
    }, `/sync/${DOC}`);
    expect(start.first).toMatch(new RegExp(`/sync/${DOC}$`));
    expect(start.text).toBeLessThanOrEqual(start.me!);

    // The text was made once: the editor first shown is the one the page works with (taken over, not remade).
    expect(
      await page.evaluate(() => {
        const first = (window as unknown as { firstText: Element | null }).firstText;
        return (
          first !== null && first.isConnected && first.closest('.editor-mount[data-ready="true"]') !== null
        );
      }),
    ).toBe(true);
    expect(await page.locator('#early').count()).toBe(0);

    // The panels' code arrives after the text has shown.
    const timing = await page.evaluate(() => ({
      shown: (window as unknown as { textShownAt: number }).textShownAt,
      chunks: performance
        .getEntriesByType('resource')
        .filter((r) => /\/assets\/(features|Outline)-.*\.js$/.test(r.name))
        .map((r) => r.startTime),
    }));
    expect(timing.chunks.length).toBeGreaterThanOrEqual(2);
    for (const start of timing.chunks) expect(start).toBeGreaterThan(timing.shown);
    await context.close();
  });
});
