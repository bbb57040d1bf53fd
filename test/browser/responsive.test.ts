import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { overflowsSideways, placeCaret, screenshot, selectText } from './page.js';

const DOC = 'd66-cda';
const measures = d66Agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
const measure = measures.find((m) => m.text.split(' ').length >= 12)!;
const QUOTE = measure.text.split(' ').slice(2, 5).join(' ');

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

async function open(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(d66.url);
  await page.waitForURL(/\/d\//);
  await page.locator('.editor-mount[data-ready="true"] .ProseMirror').waitFor({ state: 'attached' });
  return page;
}

type Box = { x: number; width: number; right: number; visible: boolean };
/** Where an element is across the window (and whether it is shown at all). */
function box(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const visible = style.visibility !== 'hidden' && r.right > 0 && r.left < window.innerWidth;
    return { x: r.left, width: r.width, right: r.right, visible };
  });
}

const innerWidth = (page: Page) => page.evaluate(() => document.documentElement.clientWidth);

describe('the document page on every screen', () => {
  it('shows outline, text and side panel side by side at 1440 × 900, and remembers a widened panel', async () => {
    const page = await open(1440, 900);
    expect(await overflowsSideways(page)).toBe(false);
    const [outline, paper, panel] = await Promise.all(
      ['.outline-holder', '.paper', '.side-panel'].map((s) => box(page, s)),
    );
    expect([outline!.visible, paper!.visible, panel!.visible]).toEqual([true, true, true]);
    expect(outline!.right).toBeLessThanOrEqual(paper!.x);
    expect(paper!.right).toBeLessThanOrEqual(panel!.x);
    expect(paper!.width).toBeGreaterThanOrEqual(320);

    // Dragging the panel's edge 120 px to the left widens it by as much.
    const handle = await page.locator('.panel-resizer').boundingBox();
    const y = handle!.y + handle!.height / 2;
    await page.mouse.move(handle!.x + 3, y);
    await page.mouse.down();
    await page.mouse.move(handle!.x - 60, y, { steps: 4 });
    await page.mouse.move(handle!.x - 117, y, { steps: 4 });
    await page.mouse.up();
    const wider = await box(page, '.side-panel');
    expect(Math.round(wider.width - panel!.width)).toBe(120);
    // As far as one likes: the text column keeps its 320 px and nothing scrolls sideways.
    const edge = await page.locator('.panel-resizer').boundingBox();
    await page.mouse.move(edge!.x + 3, y);
    await page.mouse.down();
    await page.mouse.move(10, y, { steps: 6 });
    await page.mouse.up();
    expect((await box(page, '.paper')).width).toBeGreaterThanOrEqual(320);
    expect(await overflowsSideways(page)).toBe(false);
    // The keyboard moves the same edge.
    await page.locator('.panel-resizer').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    const chosen = Number(await page.locator('.panel-resizer').getAttribute('aria-valuenow'));
    expect(chosen).toBe(300 + 24);

    // The width is this person's, kept in this browser.
    await page.reload();
    await page.locator('.editor-mount[data-ready="true"]').waitFor();
    expect(Math.round((await box(page, '.side-panel')).width)).toBe(chosen);
    await screenshot(page, 'layout-1440');
    await page.context().close();
  });

  for (const [width, height] of [
    [1024, 768],
    [768, 1024],
  ] as const)
    it(`shows the text with outline and panel sliding over it at ${width} × ${height}`, async () => {
      const page = await open(width, height);
      expect(await overflowsSideways(page)).toBe(false);
      const paper = await box(page, '.paper');
      expect(paper.width).toBeGreaterThanOrEqual(Math.min(704, (await innerWidth(page)) - 64));
      expect((await box(page, '.side-panel')).visible).toBe(false);
      expect((await box(page, '.outline-holder')).visible).toBe(false);

      await page.getByRole('button', { name: /Zijpaneel/ }).click();
      await page.waitForFunction(() => {
        const r = document.querySelector('.side-panel')!.getBoundingClientRect();
        return Math.abs(r.right - document.documentElement.clientWidth) < 1;
      });
      // Over the text, not beside it: the text keeps its width.
      expect((await box(page, '.paper')).width).toBe(paper.width);
      expect(await overflowsSideways(page)).toBe(false);
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector('.side-panel')!).visibility === 'hidden',
      );

      await page.getByRole('button', { name: /Inhoud/ }).click();
      const outline = page.locator('.outline-holder');
      await page.waitForFunction(
        () => document.querySelector('.outline-holder')!.getBoundingClientRect().left >= 0,
      );
      expect((await box(page, '.outline-holder')).visible).toBe(true);
      // Choosing a chapter closes the drawer and brings the chapter into view.
      await outline.locator('.outline-chapter a').nth(1).click();
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector('.outline-holder')!).visibility === 'hidden',
      );
      expect(await overflowsSideways(page)).toBe(false);
      // Deep in the text the top bar and the toolbar are still there.
      await page.waitForFunction(() => window.scrollY > 500);
      expect((await page.locator('.topbar').boundingBox())!.y).toBe(0);
      expect((await page.locator('.toolbar').boundingBox())!.y).toBeLessThan(120);
      await screenshot(page, `layout-${width}`);
      await page.context().close();
    });

  it('reads, takes a position and places a comment on a phone (390 × 844) without sideways scrolling', async () => {
    const page = await open(390, 844);
    expect(await overflowsSideways(page)).toBe(false);
    const viewport = await innerWidth(page);
    // One column: the text takes the full width less its margins.
    const paper = await box(page, '.paper');
    expect(paper.width).toBeGreaterThanOrEqual(viewport - 32);
    const text = await page.locator('.ProseMirror').evaluate((el) => el.getBoundingClientRect().width);
    expect(text).toBeGreaterThanOrEqual(viewport - 48);

    // A position on the measure the caret is in, from the panel as a full-screen sheet.
    await placeCaret(page, measure.id, 'start');
    await page.getByRole('button', { name: /Zijpaneel/ }).click();
    const sheet = page.locator('.side-panel');
    await page.waitForFunction(() => {
      const r = document.querySelector('.side-panel')!.getBoundingClientRect();
      return r.top === 0 && r.left === 0;
    });
    expect(Math.round((await box(page, '.side-panel')).width)).toBe(viewport);
    await sheet.getByRole('tab', { name: 'Amendementen' }).click();
    await sheet.locator(`.amendments-panel[data-measure="${measure.id}"]`).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await sheet.locator('.am-position-picker select').selectOption('support');
    await expect
      .poll(async () => {
        const answer = await server.api(d66.token, 'GET', `/api/documents/${DOC}/negotiation`);
        return answer.body.positions[measure.id]?.D66?.position;
      })
      .toBe('support');
    await screenshot(page, 'layout-390-panel');
    await sheet.getByRole('button', { name: 'Sluiten' }).click();

    // A comment on words of the same measure.
    await selectText(page, measure.id, QUOTE);
    await page.locator('button.comment-start').click();
    const form = page.locator('.comment-composer');
    await form.locator('textarea').fill('Kan dit concreter?');
    expect(await overflowsSideways(page)).toBe(false);
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
    const threads = await server.api(d66.token, 'GET', `/api/documents/${DOC}/comments`);
    expect(threads.body.map((t: { anchor: { quote: string } }) => t.anchor.quote)).toEqual([QUOTE]);
    await page.locator(`#${measure.id} .comment-span`).first().waitFor();

    // The outline as a sheet too.
    await page.getByRole('button', { name: /Inhoud/ }).click();
    await page.waitForFunction(() => {
      const r = document.querySelector('.outline-holder')!.getBoundingClientRect();
      return r.top === 0 && r.left === 0;
    });
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'layout-390-outline');
    await page.getByRole('button', { name: 'Sluiten' }).click();

    // The narrowest phone the page is made for, and everything between it and a wide screen.
    for (const width of [360, 480, 700, 900, 1279, 1280, 1920]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForFunction((w) => window.innerWidth === w, width);
      expect(await overflowsSideways(page), `at ${width} px`).toBe(false);
      expect((await box(page, '.paper')).width, `at ${width} px`).toBeGreaterThanOrEqual(
        Math.min(320, width - 32),
      );
    }
    await page.context().close();
  });
});
