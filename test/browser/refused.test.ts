import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import type { Invited, TestServer } from '../helpers/server.js';
import { connectClient, eventually, findMeasure, measureText, synced } from '../helpers/clients.js';
import { messages } from '../../shared/i18n/messages.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, screenshot, signIn, textOf, waitForText } from './page.js';

/**
 * What the server refuses never disappears silently: the page says so in a sentence and starts again from
 * the server's copy. And the editor itself never writes what the server would refuse: a negotiator's Enter
 * does not split a measure, a chair's Enter at the start of a measure keeps that measure's id on its text.
 */
const measure = d66Agenda.chapters[1]!.sections[0]!.measures[0]!;
const next = d66Agenda.chapters[1]!.sections[0]!.measures[1]!;

let server: TestServer;
let browser: Browser;
let chair: Invited;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession());
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Voorzitter' });
});
afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

/** Writes into the page's own Y.Doc of the text room directly, as a modified client would. */
async function writeBehindTheEditor(page: Page): Promise<void> {
  await page.evaluate(() => {
    type State = { plugins: { getState(s: unknown): unknown }[] };
    const view = (window as unknown as { akkoordView: { state: State } }).akkoordView;
    const sync = view.state.plugins
      .map(
        (p) =>
          p.getState(view.state) as { binding?: unknown; doc?: { getMap(n: string): Map<string, number> } },
      )
      .find((s) => s && s.binding);
    sync!.doc!.getMap('gesmokkeld').set('x', 1);
  });
}

describe('refused changes in the browser', () => {
  it('says in a sentence that a change was refused, and goes on from the server’s copy', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, chair.url);
    await writeBehindTheEditor(page);
    const notice = page.locator('.room-notice[role="alert"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(messages.nl.closedRefused);
    await page.locator('.editor-mount[data-ready="true"] .ProseMirror').waitFor();
    await screenshot(page, 'refused-notice');

    // The page works on: the chair's typing reaches others, the refused map never did.
    const watcher = connectClient(server.wsUrl, 'd66-cda', { token: chair.token });
    await synced(watcher.provider);
    await placeCaret(page, measure.id, 'start');
    await page.keyboard.type('Verder: ');
    await eventually(() => measureText(watcher.fragment, measure.id).toString().startsWith('Verder: '));
    expect(watcher.doc.share.has('gesmokkeld')).toBe(false);
    watcher.provider.destroy();
    await page.close();
  });

  it("keeps a negotiator's Enter from splitting a measure, while typing works", async () => {
    expect(
      (await server.api(chair.token, 'PUT', '/api/documents/d66-cda/drafting', { mode: 'open' })).status,
    ).toBe(200);
    const negotiator = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Onderhandelaar' });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, negotiator.url);
    await placeCaret(page, next.id, 5);
    await page.keyboard.press('Enter');
    await page.keyboard.type('woord ');
    await waitForText(page, next.id, `${next.text.slice(0, 5)}woord ${next.text.slice(5)}`);
    expect(await page.locator('.room-notice').count()).toBe(0);
    await page.close();
  });

  it("keeps a measure's id on its text when the chair presses Enter at its start", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, chair.url);
    const watcher = connectClient(server.wsUrl, 'd66-cda', { token: chair.token });
    await synced(watcher.provider);
    const before = await textOf(page, next.id);
    await placeCaret(page, next.id, 'start');
    await page.keyboard.press('Enter');
    // A new, empty measure before it, with an id of its own; the text keeps its id.
    await eventually(() => {
      const element = findMeasure(watcher.fragment, next.id);
      const previous = element?.prevSibling;
      return previous instanceof Y.XmlElement && previous.nodeName === 'measure' && previous.length === 0;
    });
    const element = findMeasure(watcher.fragment, next.id)!;
    expect(element.toArray().map(String).join('')).toBe(before);
    const fresh = element.prevSibling as Y.XmlElement;
    expect(fresh.getAttribute('id')).toMatch(/^m-[0-9a-z]{10}$/);
    // Its number is the server's (the client sent none); the measure with the text keeps its own.
    expect(fresh.getAttribute('number')).not.toBe(next.number);
    expect(element.getAttribute('number')).toBe(next.number);
    expect(await page.locator('.room-notice').count()).toBe(0);
    watcher.provider.destroy();
    await page.close();
  });
});
