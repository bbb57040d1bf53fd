import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { screenshot, selectText, signIn } from './page.js';

const DOC = 'd66-cda';
const measure = d66Agenda.chapters
  .flatMap((c) => c.sections.flatMap((s) => s.measures))
  .find((m) => m.text.split(' ').length >= 12)!;
const QUOTE = measure.text.split(' ').slice(1, 4).join(' ');
const MESSAGE = '@CDA wat vinden jullie hiervan?';

let server: TestServer;
let browser: Browser;
let d66: Invited;
let cda: Invited;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession(DOC));
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk Bakker' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla Jansen' });
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

describe('notifications in the browser', () => {
  it("shows a D66 comment mentioning @CDA live in a CDA negotiator's notifications, and keeps it read", async () => {
    const [dirk, carla] = await Promise.all([person(d66), person(cda)]);
    const bell = carla.locator('.bell');
    expect(await bell.textContent()).toBe('Meldingen');

    await selectText(dirk, measure.id, QUOTE);
    await dirk.locator('button.comment-start').click();
    const form = dirk.locator('.comment-composer');
    await form.locator('textarea').fill(MESSAGE);
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });

    // Live: the bell counts it and screen readers hear it, without a reload.
    await carla.getByRole('button', { name: 'Meldingen 1 ongelezen', exact: true }).waitFor();
    expect(await carla.locator('.bell-count').textContent()).toBe('1');
    const sentence = `Dirk Bakker (D66) noemde @CDA bij maatregel ${measure.number}: “${MESSAGE}”`;
    expect(await carla.locator('.notifications [role="status"]').textContent()).toBe(
      `Nieuwe melding: ${sentence}`,
    );
    // D66 itself is not told of its own comment.
    expect(await dirk.locator('.bell-count').count()).toBe(0);

    await bell.click();
    const item = carla.locator('.notification.unread');
    expect(await item.locator('.notification-text').textContent()).toBe(sentence);
    await screenshot(carla, 'notifications');
    await item.locator('button').click();
    // Read, and the measure in view with its comments.
    await carla.locator('.bell-count').waitFor({ state: 'detached' });
    expect(await carla.getByRole('tab', { name: 'Opmerkingen' }).getAttribute('aria-selected')).toBe('true');
    await expect
      .poll(
        async () => (await server.api(cda.token, 'GET', `/api/documents/${DOC}/notifications`)).body.unread,
      )
      .toBe(0);
    // Still read after a reload.
    await carla.reload();
    await carla.locator('.editor-mount[data-ready="true"]').waitFor();
    await bell.click();
    await carla.locator('.notification.read').waitFor();
    expect(await bell.textContent()).toBe('Meldingen');
    await dirk.context().close();
    await carla.context().close();
  });
});
