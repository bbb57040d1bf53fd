import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, screenshot, signIn } from './page.js';
import { seriousViolations } from './axe.js';

const DOC = 'd66-cda';
const API = `/api/documents/${DOC}`;
const measures = d66Agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
const first = measures[0]!;

let server: TestServer;
let browser: Browser;
let chair: Invited;
let d66: Invited;
let cda: Invited;

async function ok(who: Invited, method: string, url: string, body?: unknown) {
  const res = await server.api(who.token, method, `${API}${url}`, body);
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession(DOC));
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne de Vries' });
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk Bakker' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla Jansen' });
  // A negotiation under way, so every kind of card, chip and thread is on the pages checked.
  const a = await ok(cda, 'POST', '/amendments', {
    measure: measures[1]!.id,
    kind: 'replace',
    text: `${measures[1]!.text} Met een toets.`,
    rationale: 'Omdat het moet.',
  });
  await ok(cda, 'POST', `/amendments/${a.id}/submit`);
  await ok(d66, 'PUT', `/amendments/${a.id}/positions/D66`, { position: 'oppose', note: 'Te duur' });
  await ok(cda, 'POST', '/comments', {
    measure: measures[1]!.id,
    quote: measures[1]!.text.split(' ').slice(0, 2).join(' '),
    audience: 'everyone',
    text: '@D66 hoe zien jullie dit?',
  });
  await ok(d66, 'POST', '/comments', {
    measure: measures[1]!.id,
    quote: measures[1]!.text.split(' ').slice(2, 4).join(' '),
    audience: 'party',
    text: 'Intern: eerst de kosten.',
  });
  await ok(chair, 'PUT', `/measures/${measures[1]!.id}/status`, { status: 'disputed' });
});

afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

/** A person's page in a browser context that lets the test inject axe-core despite the CSP (the test alone). */
async function checked(who: Invited | null, width = 1440, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  if (who) await signIn(page, who.url);
  return page;
}

async function expectClean(page: Page, where: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `${where}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

/** Presses Tab until the focus is on an element matching `selector` (the keyboard alone, no clicks). */
async function tabTo(page: Page, selector: string, limit = 250): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      // Whatever has the focus shows it.
      const shown = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
      });
      expect(shown, `focus visible on ${selector}`).toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
  it('finds no serious or critical violation on the document page, each of its tabs, search and notifications', async () => {
    const page = await checked(d66);
    await placeCaret(page, measures[1]!.id, 'start');
    await page.locator(`.amendments-panel[data-measure="${measures[1]!.id}"] .am-card`).first().waitFor();
    await expectClean(page, 'document page');
    for (const tab of ['Stand van zaken', 'Vergelijken', 'Partijnotities', 'Opmerkingen']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.locator('.panel-body > *').first().waitFor();
      await expectClean(page, `tab ${tab}`);
    }
    // The threads in the margin beside their words, and listed all.
    await page.locator(`#${measures[1]!.id}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.locator('.margin-card .comment-thread').first().waitFor();
    await expectClean(page, 'comments in the margin');
    await page.getByRole('button', { name: 'Alle draden' }).click();
    await page.locator('.comment-thread').first().waitFor();
    await expectClean(page, 'all threads');
    await page.keyboard.press('Control+f');
    await page.getByRole('combobox', { name: 'Zoeken' }).fill('woning');
    await page.locator('.search-hit').first().waitFor();
    await expectClean(page, 'search');
    await page.keyboard.press('Escape');
    await page.locator('.bell').click();
    await page.locator('.notification').first().waitFor();
    await expectClean(page, 'notifications');
    await page.context().close();
  });

  it('finds none on a phone with the panel as a sheet', async () => {
    const page = await checked(d66, 390, 844);
    await placeCaret(page, measures[1]!.id, 'start');
    await expectClean(page, 'phone');
    await page.getByRole('button', { name: /Zijpaneel/ }).click();
    await page.locator('.side-panel.open .am-card').first().waitFor();
    await expectClean(page, 'phone, panel open');
    await page.context().close();
  });

  it('finds none on the sign-in pages, the people tab and the export dialog', async () => {
    const stranger = await checked(null);
    await stranger.goto(`${server.app.url}/signin`);
    await stranger.locator('.error').waitFor();
    await expectClean(stranger, 'sign-in without a code');
    await stranger.goto(`${server.app.url}/d/${DOC}`);
    await stranger.getByRole('heading', { name: 'Aanmelden nodig' }).waitFor();
    await expectClean(stranger, 'sign-in needed');
    await stranger.context().close();

    const page = await checked(chair);
    await page.getByRole('tab', { name: 'Deelnemers' }).click();
    await page.locator('.people').waitFor();
    await expectClean(page, 'people tab');
    await page.getByRole('button', { name: 'Exporteren' }).click();
    await page.getByRole('dialog').first().waitFor();
    await expectClean(page, 'export dialog');
    await page.context().close();
  });
});

describe('the keyboard alone', () => {
  it('opens a measure from the outline, proposes, takes a position and comments, and hears what others change', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, d66.url);
    await page.locator('body').focus();

    // The outline: open the first chapter and its first section, choose the first measure.
    await tabTo(page, '.outline-chapter .disclosure');
    await page.keyboard.press('Enter');
    await tabTo(page, '.outline-section .disclosure');
    await page.keyboard.press('Enter');
    await tabTo(page, `.outline-measure a[href="#${first.id}"]`);
    await page.keyboard.press('Enter');
    await page.locator(`.amendments-panel[data-measure="${first.id}"]`).waitFor();

    // Propose a change of its text.
    await tabTo(page, '.am-propose-replace');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await ok(d66, 'GET', `/amendments?measure=${first.id}`)).length).toBe(1);
    await page.locator('.am-drafts').waitFor();

    // Take a position on the measure.
    await tabTo(page, '.am-position-picker select');
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(async () => (await ok(d66, 'GET', '/negotiation')).positions[first.id]?.D66?.position)
      .toBe('reservation');

    // Comment on the measure the caret is in (no mouse to select words with).
    await tabTo(page, 'button.comment-start');
    await page.keyboard.press('Enter');
    const composer = page.locator('.comment-composer textarea');
    await composer.waitFor();
    expect(await composer.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Graag een toelichting.');
    await tabTo(page, '.comment-composer button[type="submit"]', 5);
    await page.keyboard.press('Enter');
    await page.locator('.comment-composer').waitFor({ state: 'detached' });
    const threads = await ok(d66, 'GET', '/comments');
    const mine = threads.find(
      (t: { messages: { text: string }[] }) => t.messages[0]!.text === 'Graag een toelichting.',
    );
    expect(mine.anchor).toMatchObject({ measureId: first.id, quote: first.text });

    // What another changes is told in the live region, without moving the focus.
    await ok(chair, 'PUT', `/measures/${first.id}/status`, { status: 'agreed' });
    await page
      .locator('[data-announcer]', { hasText: `Maatregel ${first.number}: status akkoord` })
      .waitFor();
    await screenshot(page, 'keyboard-flow');
    await context.close();
  });
});
