import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { normalizeText } from '../../shared/diff/index.js';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, screenshot, signIn, waitForText } from './page.js';

const DOC = '/api/documents/d66-cda';
const measures = d66Agenda.chapters[1]!.sections.flatMap((s) => s.measures);

let server: TestServer;
let browser: Browser;
let chair: Invited;
let vvd: Invited;
let d66: Invited;
let cda: Invited;
const pages: Page[] = [];

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession());
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne de Vries' });
  vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vera Visser' });
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Daan Dekker' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla Claes' });
});

afterAll(async () => {
  for (const page of pages) await page.context().close();
  await stopBrowserSession({ server, browser });
});

async function ok(who: Invited, method: string, url: string, body?: unknown) {
  const res = await server.api(who.token, method, url, body);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A submitted amendment of a party replacing one word of a measure by another. */
async function submitted(who: Invited, measureId: string, text: string) {
  const draft = await ok(who, 'POST', `${DOC}/amendments`, { measure: measureId, kind: 'replace', text });
  return ok(who, 'POST', `${DOC}/amendments/${draft.id}/submit`);
}

/** The agreed text of a measure as the server holds it. */
async function agreed(measureId: string): Promise<string | null> {
  const list = (await ok(chair, 'GET', `${DOC}/measures`)) as { id: string; current: string | null }[];
  return list.find((m) => m.id === measureId)?.current ?? null;
}

async function open(who: Invited): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  const page = await context.newPage();
  pages.push(page);
  await signIn(page, who.url);
  await page.getByRole('tab', { name: 'Amendementen' }).click();
  return page;
}

/** The page with the caret in a measure, its amendments beside it. */
async function at(page: Page, measureId: string): Promise<void> {
  await placeCaret(page, measureId, 'start');
  await page.locator(`.amendments-panel[data-measure="${measureId}"]`).waitFor();
}

const card = (page: Page, number: string) => page.locator(`.am-card[data-number="${number}"]`);

/** The first and last words of a text swapped for others: an amendment with two separate changes. */
function twoChanges(text: string): string {
  const words = text.split(' ');
  words[1] = 'EERSTE';
  words[words.length - 2] = 'LAATSTE';
  return words.join(' ');
}

describe('decisions in the browser', () => {
  it('accepts over an objection after confirming it, with a note; rejects with a note; reopens', async () => {
    const [m1, m2] = measures;
    const a = await submitted(vvd, m1!.id, `${m1!.text} Binnen budget.`);
    const b = await submitted(vvd, m2!.id, `${m2!.text} Zonder uitzonderingen.`);
    await ok(cda, 'PUT', `${DOC}/amendments/${a.id}/positions/CDA`, { position: 'oppose', note: 'Te duur' });
    const page = await open(chair);

    await at(page, m1!.id);
    await card(page, a.number).locator('.am-accept').click();
    const confirm = card(page, a.number).locator('.am-confirm');
    expect(await confirm.locator('.am-objections li').allInnerTexts()).toEqual(['CDA: tegen — Te duur']);
    await confirm.locator('.am-decision-note').fill('Meerderheid is voor.');
    await screenshot(page, 'decision-confirm-objection');
    await confirm.getByRole('button', { name: 'Toch aannemen' }).click();
    await waitForText(page, m1!.id, normalizeText(`${m1!.text} Binnen budget.`));
    await card(page, a.number).locator('.am-decision', { hasText: 'Meerderheid is voor.' }).waitFor();

    // Reopen: the text goes back, the amendment is pending again.
    await card(page, a.number).getByRole('button', { name: 'Heropenen' }).click();
    await waitForText(page, m1!.id, m1!.text);
    await card(page, a.number).locator('.am-status.st-submitted').waitFor();

    await at(page, m2!.id);
    await card(page, b.number).locator('.am-reject').click();
    await card(page, b.number).locator('.am-decision-note').fill('Niet haalbaar.');
    await card(page, b.number).locator('.am-confirm-decision').click();
    await card(page, b.number).locator('.am-decision', { hasText: 'verworpen' }).waitFor();
    expect(await card(page, b.number).locator('.am-decision').innerText()).toContain('Niet haalbaar.');
    const history = await ok(vvd, 'GET', `${DOC}/amendments/${b.id}/decisions`);
    expect(history).toEqual([expect.objectContaining({ move: 'reject', note: 'Niet haalbaar.' })]);
  });

  it('accepts with changes and decides changes one by one', async () => {
    const [, , m3, m4] = measures;
    const a = await submitted(d66, m3!.id, `${m3!.text} Met steun van gemeenten.`);
    const b = await submitted(d66, m4!.id, twoChanges(m4!.text));
    const page = await open(chair);

    await at(page, m3!.id);
    await card(page, a.number).locator('.am-accept-changes').click();
    const compromise = normalizeText(`${m3!.text} Met steun van provincies.`);
    await card(page, a.number).locator('.am-compromise').fill(compromise);
    await card(page, a.number).locator('.am-confirm-decision').click();
    await waitForText(page, m3!.id, compromise);
    await card(page, a.number).locator('.am-decision', { hasText: 'aangenomen met wijzigingen' }).waitFor();

    await at(page, m4!.id);
    await card(page, b.number).locator('.am-changes summary').click();
    expect(await card(page, b.number).locator('.am-changes li').count()).toBe(2);
    await card(page, b.number).getByRole('button', { name: 'Wijziging aannemen 1' }).click();
    const words = m4!.text.split(' ');
    words[1] = 'EERSTE';
    // (The measure shows its pending-amendments badge in front, so the text is read from the server.)
    while ((await agreed(m4!.id)) !== words.join(' ')) await page.waitForTimeout(50);
    // The other change stays pending.
    await card(page, b.number).locator('.am-status.st-submitted').waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll(`.am-card[data-number="${n}"] .am-vs-current ins`).length === 1,
      b.number,
    );
    await screenshot(page, 'decision-per-change');
  });

  it('decides an amendment to an amendment before its parent', async () => {
    const m5 = measures[4]!;
    const parent = await submitted(vvd, m5.id, `${m5.text} Voor iedereen.`);
    const d = await open(d66);
    await at(d, m5.id);
    await card(d, parent.number).locator('.am-propose-sub').click();
    const draft = d.locator(`.am-draft`, { hasText: `${parent.number}.1` });
    await draft.waitFor();
    await draft.locator('.am-draft-text').fill(`${m5.text} Voor iedereen die het nodig heeft.`);
    await draft.getByRole('button', { name: 'Indienen' }).click();
    await draft.waitFor({ state: 'detached' });

    const page = await open(chair);
    await at(page, m5.id);
    await card(page, `${parent.number}.1`).waitFor();
    await card(page, parent.number).locator('.am-accept').click();
    await card(page, parent.number).locator('.am-confirm-decision').click();
    expect(await card(page, parent.number).locator('.am-error').innerText()).toContain(
      `Over ${parent.number}.1 moet eerst worden beslist`,
    );
    await card(page, parent.number).getByRole('button', { name: 'Annuleren' }).click();
    await card(page, `${parent.number}.1`).locator('.am-accept').click();
    await card(page, `${parent.number}.1`).locator('.am-confirm-decision').click();
    await card(page, `${parent.number}.1`).locator('.am-status.st-accepted').waitFor();
    await card(page, parent.number).locator('.am-accept').click();
    await card(page, parent.number).locator('.am-confirm-decision').click();
    await waitForText(page, m5.id, normalizeText(`${m5.text} Voor iedereen die het nodig heeft.`));
  });

  it('keeps a position and its note typed fast through a reload', async () => {
    const m6 = measures[5]!;
    const a = await submitted(vvd, m6.id, `${m6.text} Snel.`);
    const page = await open(cda);
    await at(page, m6.id);
    const picker = card(page, a.number).locator('.am-position-picker');
    expect(await picker.locator('label').first().innerText()).toContain(`Standpunt CDA over ${a.number}`);
    await picker.locator('select').selectOption('reservation');
    await picker.locator('.am-note').pressSequentially('Eerst doorrekenen', { delay: 5 });
    await page.reload();
    await page.locator('.editor-mount[data-ready="true"] .ProseMirror').waitFor();
    await page.getByRole('tab', { name: 'Amendementen' }).click();
    await at(page, m6.id);
    const again = card(page, a.number).locator('.am-position-picker');
    await page.waitForFunction(
      (n) =>
        (document.querySelector(`.am-card[data-number="${n}"] .am-note`) as HTMLInputElement | null)
          ?.value === 'Eerst doorrekenen',
      a.number,
    );
    expect(await again.locator('select').inputValue()).toBe('reservation');
    const stored = await ok(chair, 'GET', `${DOC}/amendments/${a.id}`);
    expect(stored.positions.CDA).toMatchObject({ position: 'reservation', note: 'Eerst doorrekenen' });
    // Others read the reason on hover.
    const chairPage = await open(chair);
    await at(chairPage, m6.id);
    expect(await card(chairPage, a.number).locator('.am-chip[data-party="CDA"]').getAttribute('title')).toBe(
      'CDA: voorbehoud — Eerst doorrekenen',
    );
    // The measure's own picker is labelled as the measure's; no secretariat picker for the chair.
    expect(await page.locator('.amendments-panel > .am-position-picker label').first().innerText()).toContain(
      'Standpunt CDA over maatregel',
    );
    expect(await chairPage.locator('.am-position-picker').count()).toBe(0);
  });

  it('says where one types that a proposal can be made, instead of dropping the keys', async () => {
    const m7 = measures[6]!;
    const page = await open(cda);
    await page.getByRole('button', { name: 'Voorstellen' }).click();
    expect(await page.getByRole('button', { name: 'Voorstellen' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await placeCaret(page, m7.id, 'end');
    await page.keyboard.type('x');
    const hint = page.locator(`#${m7.id} .sg-hint`);
    await hint.waitFor();
    expect(await hint.innerText()).toBe('U kunt hier een voorstel doen — Voorstellen aan');
    await screenshot(page, 'suggest-read-only-hint');
    expect(await page.locator('.notice.read-only').innerText()).toContain('Redactie gesloten');
    // Drafting opens: the banner changes live.
    await ok(chair, 'PUT', `${DOC}/drafting`, { mode: 'open' });
    await page.locator('.notice.drafting', { hasText: 'u mag de tekst direct wijzigen' }).waitFor();
    await ok(chair, 'PUT', `${DOC}/drafting`, { mode: 'closed' });
    await page.locator('.notice.read-only').waitFor();
  });
});
