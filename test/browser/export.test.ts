import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { part, revisions } from '../export/ooxml.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { screenshot, signIn } from './page.js';

const DOC = 'd66-cda';
const agenda = d66Agenda;
const measure = agenda.chapters[0]!.sections[0]!.measures[0]!;
const addition = 'Bezwaarprocedures duren hoogstens een half jaar.';

let server: TestServer;
let browser: Browser;
let chair: Invited;
let observer: Invited;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession(DOC));
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne de Vries' });
  observer = await server.invite({ party: 'JA21', role: 'observer', name: 'Olaf Waarnemer' });
  const cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla Bos' });

  // CDA amends the first measure; the chair accepts it, which writes it into the live text.
  const proposed = await server.api(cda.token, 'POST', `/api/documents/${DOC}/amendments`, {
    measure: measure.id,
    kind: 'replace',
    text: `${measure.text} ${addition}`,
    rationale: 'Sneller duidelijkheid voor bouwers.',
  });
  expect(proposed.status).toBe(201);
  const aid = proposed.body.id as string;
  expect((await server.api(cda.token, 'POST', `/api/documents/${DOC}/amendments/${aid}/submit`)).status).toBe(
    200,
  );
  expect(
    (await server.api(chair.token, 'POST', `/api/documents/${DOC}/amendments/${aid}/accept`)).status,
  ).toBe(200);
  expect(
    (await server.api(chair.token, 'POST', `/api/documents/${DOC}/versions`, { name: 'Na ronde 1' })).status,
  ).toBe(201);
});

afterAll(async () => {
  await stopBrowserSession({ server, browser });
});

describe('the export dialog', () => {
  it('downloads a Word file with the accepted amendment as a tracked change by its party', async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, chair.url);
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ontwerp exporteren' });
    await dialog.waitFor();
    // The named version is offered next to the live text.
    await dialog
      .locator('select[name="version"] option', { hasText: 'Na ronde 1' })
      .waitFor({ state: 'attached' });
    await screenshot(page, 'export-dialog');

    // Slowed down on the way back, so the dialog shows that it is working.
    await page.route('**/api/documents/*/export?*', async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 1_500));
      await route.fulfill({ response });
    });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Downloaden' }).click();
    await dialog.getByText('Bezig met exporteren…').waitFor();
    await screenshot(page, 'export-dialog-busy');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^d66-cda_live_gemarkeerd_\d{4}-\d{2}-\d{2}\.docx$/);
    const bytes = fs.readFileSync((await download.path())!);
    const xml = part(bytes, 'word/document.xml');
    expect(revisions(xml, 'ins')).toContainEqual(
      expect.objectContaining({ author: 'CDA', text: ` ${addition}` }),
    );
    await dialog.getByText(/is gedownload/).waitFor();
    await context.close();
  });

  it('downloads the clean Markdown of a named version, and shows the server’s sentence when it refuses', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, chair.url);
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('select[name="format"]').selectOption('md');
    await dialog
      .locator('select[name="version"] option', { hasText: 'Na ronde 1' })
      .waitFor({ state: 'attached' });
    const version = dialog.locator('select[name="version"] option', { hasText: 'Na ronde 1' });
    await dialog.locator('select[name="version"]').selectOption((await version.getAttribute('value'))!);
    await dialog.getByLabel('Schoon (alle wijzigingen verwerkt)').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^d66-cda_na-ronde-1_schoon_.*\.md$/);
    const markdown = fs.readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain(addition);
    expect(markdown).not.toContain('~~');

    // The chair's access is revoked meanwhile: the dialog says what the server says.
    const other = await server.invite({ party: 'SEC', role: 'chair', name: 'Tweede voorzitter' });
    const revoked = await server.api(
      other.token,
      'POST',
      `/api/documents/${DOC}/people/${chair.personId}/revoke`,
    );
    expect(revoked.status).toBe(200);
    await dialog.getByRole('button', { name: 'Downloaden' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(
      /^Exporteren mislukt: U bent niet aangemeld/,
    );
    await context.close();
  });

  it('is not offered to an observer', async () => {
    const page = await browser.newPage();
    await signIn(page, observer.url);
    await page.locator('.toolbar').waitFor({ state: 'attached' });
    expect(await page.getByRole('button', { name: 'Exporteren' }).count()).toBe(0);
    await page.close();
  });
});
