import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { liveAgenda } from '../../server/documents/live.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, screenshot, signIn } from './page.js';

const agenda = d66Agenda;
const section = agenda.chapters[0]!.sections.find((s) => s.measures.length >= 3)!;
const [first, second, third] = section.measures as [
  (typeof section.measures)[0],
  (typeof section.measures)[0],
  (typeof section.measures)[0],
];

let server: TestServer;
let browser: Browser;
let chair: Invited;
const clients: ReturnType<typeof connectClient>[] = [];

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession());
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne de Vries' });
});

afterAll(async () => {
  for (const c of clients) c.provider.destroy();
  await stopBrowserSession({ server, browser });
});

async function measureOnServer(id: string): Promise<string> {
  const live = await liveAgenda(server.store, server.app.ctx.rooms, 'd66-cda');
  return (
    live.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures)).find((m) => m.id === id)?.text ?? ''
  );
}

/** A stock client of someone else at the table, editing live. */
async function otherClient() {
  const other = await server.invite({ party: 'SEC', role: 'chair', name: 'Bram Jansen' });
  const c = connectClient(server.wsUrl, 'd66-cda', { token: other.token });
  clients.push(c);
  await synced(c.provider);
  return c;
}

describe('what changed, in the browser', () => {
  it('marks a live-edited measure with struck-through deletions and underlined insertions', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await signIn(page, chair.url);
    const other = await otherClient();
    // Someone else rewrites the start of the first measure while the page is open.
    const text = measureText(other.fragment, first.id);
    const firstWord = first.text.split(' ')[0]!;
    other.doc.transact(() => {
      text.delete(0, firstWord.length);
      text.insert(0, 'Samen en snel');
    });
    await page.locator(`#${first.id}`, { hasText: 'Samen en snel' }).waitFor();

    await page.getByRole('button', { name: 'Wijzigingen tonen' }).click();
    const measure = page.locator(`#${first.id}`);
    await measure.locator('ins.diff-ins').first().waitFor();
    expect(await measure.locator('del.diff-del').first().textContent()).toBe(firstWord);
    expect(await measure.locator('ins.diff-ins').first().textContent()).toContain('Samen en snel');
    expect(await page.locator(`#${second.id} ins, #${second.id} del`).count()).toBe(0);

    // Typing in a measure updates its marks as one types.
    await placeCaret(page, second.id, 'end');
    await page.keyboard.type(' Ook in de regio.');
    await page.locator(`#${second.id} ins.diff-ins`, { hasText: 'Ook in de regio.' }).waitFor();

    // Another remote edit: every mark is recomputed after y-prosemirror replaced the view's document.
    other.doc.transact(() => measureText(other.fragment, third.id).insert(0, 'Vandaag: '));
    await page.locator(`#${third.id} ins.diff-ins`, { hasText: 'Vandaag:' }).waitFor();
    expect(await measure.locator('del.diff-del').first().textContent()).toBe(firstWord);
    await screenshot(page, 'diff-inline-changes');

    await page.getByRole('button', { name: 'Alleen gewijzigde maatregelen' }).click();
    const unchanged =
      section.measures[3] ??
      agenda.chapters[0]!.sections.find((s) => s !== section && s.measures.length)!.measures[0]!;
    await page.waitForFunction(
      (id) => getComputedStyle(document.getElementById(id)!).display === 'none',
      unchanged.id,
    );
    expect(await measure.isVisible()).toBe(true);
    await screenshot(page, 'diff-only-changed');
    // Everything typed has reached the server before the page goes (the next test makes a version of it).
    await eventually(async () => (await measureOnServer(second.id)).endsWith('Ook in de regio.'));
    await page.close();
  });

  it('compares a version with now, chapter by chapter, jumping from change to change', async () => {
    const made = await server.api(chair.token, 'POST', '/api/documents/d66-cda/versions', {
      name: 'Na ronde 2',
    });
    expect(made.status).toBe(201);
    const other = await otherClient();
    const lastChapter = agenda.chapters.at(-1)!;
    const late = lastChapter.sections.find((s) => s.measures.length > 0)!.measures[0]!;
    other.doc.transact(() => {
      measureText(other.fragment, second.id).insert(0, 'Nog sneller: ');
      measureText(other.fragment, late.id).insert(0, 'Ook na de ronde: ');
    });

    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await signIn(page, chair.url);
    await page.getByRole('tab', { name: 'Vergelijken' }).click();
    const version = page.locator('.diff-versions li', { hasText: 'Na ronde 2' });
    await version.getByRole('button', { name: 'Vergelijk met nu' }).click();
    const units = page.locator('.diff-units .diff-unit');
    await page.locator(`.diff-unit[data-unit="${late.id}"] ins`, { hasText: 'Ook na de ronde:' }).waitFor();
    expect(await units.evaluateAll((els) => els.map((el) => el.getAttribute('data-unit')))).toEqual([
      second.id,
      late.id,
    ]);
    expect(await page.locator(`.diff-unit[data-unit="${second.id}"] ins`).textContent()).toContain(
      'Nog sneller:',
    );
    expect(await page.locator('.diff-summary tbody tr').count()).toBe(2);
    expect(await page.locator('.diff-summary tfoot td').first().textContent()).toBe('2');
    expect(await page.locator('.diff-chapter').count()).toBe(2);

    await page.getByRole('button', { name: /Volgende wijziging/ }).click();
    await page.locator(`.diff-unit.current[data-unit="${late.id}"]`).waitFor();
    await page.getByRole('button', { name: 'Naast elkaar' }).click();
    await page.locator('.diff-unit.current .diff-columns').waitFor();
    await screenshot(page, 'diff-compare-version-now');

    // The chair restores the version (after confirming): the live text is the version's again.
    page.once('dialog', (dialog) => void dialog.accept());
    await version.getByRole('button', { name: 'Herstellen' }).click();
    await page.locator(`#${late.id}`, { hasText: late.text.slice(0, 30) }).waitFor();
    await page.waitForFunction(
      (id) => !document.getElementById(id)!.textContent!.includes('Ook na de ronde'),
      late.id,
    );
    await page.close();
  });

  it('opens a named version read-only, with its text as it was', async () => {
    const made = await server.api(chair.token, 'POST', '/api/documents/d66-cda/versions', {
      name: 'Ter inzage',
    });
    expect(made.status).toBe(201);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, chair.url);
    await page.getByRole('tab', { name: 'Vergelijken' }).click();
    const version = page.locator(`[data-version="${made.body.id}"]`);
    await version.getByRole('button', { name: 'Lezen' }).click();
    const reader = page.getByRole('dialog', { name: 'Versie "Ter inzage" (alleen lezen)' });
    await reader.locator('.version-measure').first().waitFor();
    expect(await reader.locator('.version-measure').count()).toBe(
      agenda.chapters.flatMap((c) => c.sections.flatMap((x) => x.measures)).length,
    );
    expect(await reader.locator('[contenteditable="true"]').count()).toBe(0);
    await screenshot(page, 'version-read-only');
    await reader.getByRole('button', { name: 'Sluiten' }).click();
    await reader.waitFor({ state: 'hidden' });
    await page.close();
  });
});
