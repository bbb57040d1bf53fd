import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { startBrowserSession, stopBrowserSession } from './session.js';
import { screenshot, signIn, textOf } from './page.js';

const DOCX = path.resolve('fixtures/agendas/d66-cda.docx');
const SCAN = path.resolve('fixtures/agendas/fout/scan.pdf');
/** Line 16 of the Word agenda: the intro of section 1.1, which the administrator makes a measure. */
const INTRO_LINE = 16;
const INTRO_START = 'Het duurt nu vaak tien jaar voordat een woning wordt opgeleverd';

let server: TestServer;
let browser: Browser;
let admin: Invited;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession());
  admin = await server.appointAdmin('Bea Beheer');
});
afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

/** A page that records every message of the console that tells of a refused CSP. */
async function watchedPage(context: Awaited<ReturnType<Browser['newContext']>>): Promise<{
  page: Page;
  cspViolations: string[];
}> {
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/iu.test(m.text())) cspViolations.push(m.text());
  });
  return { page, cspViolations };
}

describe('a new negotiation in the browser', () => {
  it('uploads the Word agenda, corrects one line, creates it, and the chair’s link opens it in a fresh browser', async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const { page, cspViolations } = await watchedPage(adminContext);

    // Signing in as administrator opens the home page: every negotiation, and the way to a new one.
    await page.goto(admin.url.replace(/^http:\/\/localhost:\d+/, server.app.url));
    await page.waitForURL(`${server.app.url}/`);
    await page.locator('.cards a[href="/d/d66-cda"]').waitFor();
    expect(await page.locator('.me').textContent()).toContain('Bea Beheer');
    // A chair for an existing negotiation: their link at once.
    const card = page.locator('.cards li').filter({ has: page.locator('a[href="/d/d66-cda"]') });
    await card.getByRole('button', { name: 'Voorzitter aanstellen' }).click();
    await card.getByLabel('Naam van de nieuwe voorzitter').fill('Vera Vervanger');
    await card.getByRole('button', { name: 'Aanstellen' }).click();
    expect(await card.locator('.invite-link input').inputValue()).toMatch(/\/signin#token=/u);
    expect((await server.storage.people.people('d66-cda')).map((p) => p.name)).toContain('Vera Vervanger');
    await page.getByRole('link', { name: 'Nieuwe onderhandeling' }).click();
    await page.waitForURL(`${server.app.url}/nieuw`);

    // A file the importer cannot use: one sentence, nothing else happens.
    await page.locator('input[type=file]').setInputFiles(SCAN);
    await page.getByRole('alert').filter({ hasText: 'geen tekst' }).waitFor();

    // The Word agenda: the source beside the outline.
    await page.locator('input[type=file]').setInputFiles(DOCX);
    const line = page.locator(`.source-line[data-line="${INTRO_LINE}"]`);
    await line.waitFor();
    expect(await line.getAttribute('data-role')).toBe('section-intro');
    expect(await page.locator('.warnings h3').textContent()).toBe('Te controleren (0)');
    expect(await page.locator('.outline-pane .muted').first().textContent()).toBe(
      '6 hoofdstukken, 29 secties, 124 maatregelen',
    );

    // Correct one line: the intro of section 1.1 becomes its first measure.
    await line.locator('.source-text').click();
    await line.getByRole('button', { name: 'Maak maatregel' }).click();
    await page.locator(`.source-line[data-line="${INTRO_LINE}"][data-role="measure"]`).waitFor();
    expect(await page.locator('.outline-pane .muted').first().textContent()).toBe(
      '6 hoofdstukken, 29 secties, 125 maatregelen',
    );
    expect(await page.locator('.draft-measure[data-id="m-1-1-1"] .draft-text').textContent()).toMatch(
      new RegExp(`^${INTRO_START}`, 'u'),
    );
    expect(await page.getByRole('button', { name: 'Ongedaan maken' }).isEnabled()).toBe(true);
    await screenshot(page, 'new-negotiation-corrected');

    // The details: an id, the default parties, the chair.
    await page.locator('input[name=id]').fill('d66-cda-word');
    await page.locator('input[name=chair]').fill('Carla Voorzitter');
    await page.getByRole('button', { name: 'Onderhandeling aanmaken' }).click();
    await page.locator('.created[data-created="d66-cda-word"]').waitFor();
    const chairUrl = await page.locator('.created .invite-link input').inputValue();
    expect(chairUrl).toMatch(/\/signin#token=/u);
    expect(await page.locator('.created .invite-link button').textContent()).toBe('Kopiëren');

    // The chair, in a browser of their own, signs in and sees the agenda as corrected.
    const chairContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const chairPage = await chairContext.newPage();
    await signIn(chairPage, chairUrl.replace(/^http:\/\/localhost:\d+/, server.app.url));
    expect(chairPage.url()).toBe(`${server.app.url}/d/d66-cda-word`);
    expect(await textOf(chairPage, 'm-1-1-1')).toMatch(new RegExp(`^${INTRO_START}`, 'u'));
    expect(await textOf(chairPage, 'm-1-1-2')).toMatch(/^We willen schrappen in bezwaarprocedures/u);
    expect(await chairPage.locator('.me').textContent()).toContain('Carla Voorzitter');
    expect(await chairPage.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true');
    await screenshot(chairPage, 'new-negotiation-chair');

    // The administrator opens the negotiation: its text, read-only.
    await page.getByRole('link', { name: 'Onderhandeling openen' }).click();
    await page.waitForURL(`${server.app.url}/d/d66-cda-word`);
    await page.locator('.editor-mount[data-ready="true"] .ProseMirror').waitFor();
    await page.locator('.notice.read-only').filter({ hasText: 'als beheerder' }).waitFor();
    expect(await page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    expect(await textOf(page, 'm-1-1-1')).toMatch(new RegExp(`^${INTRO_START}`, 'u'));

    expect(cspViolations).toEqual([]);
    await chairContext.close();
    await adminContext.close();
  });

  it('tells a chair that only an administrator creates negotiations, and lists only their own', async () => {
    const chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Voorzitter D66-CDA' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, chair.url);
    await page.goto(`${server.app.url}/`);
    await page.locator('.cards a').first().waitFor();
    expect(await page.locator('.cards a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
      ['/d/d66-cda'],
    );
    expect(await page.getByRole('link', { name: 'Nieuwe onderhandeling' }).count()).toBe(0);
    await page.goto(`${server.app.url}/nieuw`);
    await page.getByText('Alleen een beheerder maakt onderhandelingen aan.').waitFor();
    await context.close();
  });
});
