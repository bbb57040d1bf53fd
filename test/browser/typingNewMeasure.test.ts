import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, signIn } from './page.js';

const measures = d66Agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures)).slice(0, 12);
const TYPED = 'Een nieuwe maatregel.';

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

describe('typing into a new measure', () => {
  it('keeps every letter in order when typing starts right after Enter, while the server numbers the measure', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, chair.url);
    // Twelve times, as fast as a keyboard goes: the server's number arrives during the typing in some of them
    // (the first letter into a just-drawn empty measure was where Chrome reported the caret before it).
    for (const m of measures) {
      await placeCaret(page, m.id, 'end');
      await page.keyboard.press('Enter');
      await page.keyboard.type(TYPED);
    }
    const made = () =>
      page.evaluate(
        (ids) =>
          ids.map((id) => {
            const next = document.getElementById(id)?.nextElementSibling as HTMLElement | null;
            return `${next?.dataset.number ? 'genummerd' : 'zonder nummer'}: ${next?.textContent ?? ''}`;
          }),
        measures.map((m) => m.id),
      );
    await expect.poll(made, { timeout: 20_000 }).toEqual(measures.map(() => `genummerd: ${TYPED}`));
  });
});
