import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { connectClient, measureText, synced } from '../helpers/clients.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, screenshot, signIn, textOf, waitForText } from './page.js';

const agenda = d66Agenda;
const measure = agenda.chapters[1]!.sections[0]!.measures[0]!;

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

describe('roles in the browser', () => {
  it('lets a reviewer sign in with a link and read live, but not type into the text', async () => {
    const reviewer = await server.invite({ party: 'D66', role: 'reviewer', name: 'Rita Meelezer' });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, reviewer.url);
    await page.locator('.notice.read-only').waitFor();
    expect(await page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');

    // Typing does nothing.
    await placeCaret(page, measure.id, 'start');
    await page.keyboard.type('Niet toegestaan ');
    expect(await textOf(page, measure.id)).toBe(measure.text);

    // The chair's edit arrives live.
    const c = connectClient(server.wsUrl, 'd66-cda', { token: chair.token });
    await synced(c.provider);
    measureText(c.fragment, measure.id).insert(0, 'Live: ');
    await waitForText(page, measure.id, `Live: ${measure.text}`);
    await screenshot(page, 'reviewer-read-only');
    c.provider.destroy();

    // And the server refuses what the UI hides.
    const res = await server.api(reviewer.token, 'PUT', '/api/documents/d66-cda/drafting', { mode: 'open' });
    expect(res.status).toBe(403);
    await page.close();
  });

  it("never shows one party's notes to another party, and shows them live within the party", async () => {
    const vvd1 = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vera' });
    const vvdObserver = await server.invite({ party: 'VVD', role: 'observer', name: 'Otto' });
    const cdaObserver = await server.invite({ party: 'CDA', role: 'observer', name: 'Carla' });
    const [a, b, c] = await Promise.all(
      [0, 1, 2].map(() => browser.newContext({ viewport: { width: 1400, height: 900 } })),
    );
    const writer = await a!.newPage();
    const sameParty = await b!.newPage();
    const otherParty = await c!.newPage();
    await signIn(writer, vvd1.url);
    await signIn(sameParty, vvdObserver.url);
    await signIn(otherParty, cdaObserver.url);
    for (const page of [writer, sameParty, otherParty])
      await page.getByRole('tab', { name: 'Partijnotities' }).click();

    await writer.locator('.notes-text').fill('VVD: geen akkoord over 2.1.1 zonder dekking.');
    await sameParty.waitForFunction(() =>
      (document.querySelector('.notes-text') as HTMLTextAreaElement).value.includes('zonder dekking'),
    );
    expect(await sameParty.locator('.notes-text').getAttribute('readonly')).not.toBeNull();
    await screenshot(sameParty, 'party-notes');

    // The other party's panel is their own, empty notes; nothing of VVD's arrives.
    await otherParty.waitForTimeout(500);
    expect(await otherParty.locator('.notes-text').inputValue()).toBe('');
    expect(await otherParty.content()).not.toContain('zonder dekking');
    for (const ctx of [a, b, c]) await ctx!.close();
  });

  it('lets the chair open drafting, invite a person and revoke them in the UI, which ends their open page', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, chair.url);
    await page.getByRole('tab', { name: 'Deelnemers' }).click();
    await page.getByRole('button', { name: /Open redactie/ }).click();
    await page.locator('.notice.drafting').waitFor();
    await page.getByLabel('Naam').fill('Gert Nieuw');
    await page.getByLabel('Partij').selectOption('GL-PvdA');
    await page.getByLabel('Rol').selectOption('negotiator');
    await page.locator('.invite-form').getByRole('button', { name: 'Uitnodigen' }).click();
    const url = await page.locator('.invite-link input').inputValue();
    expect(url).toContain('/signin#token=');
    await screenshot(page, 'chair-people-panel');

    // The invited negotiator signs in and may edit, since drafting is open.
    const guest = await browser.newPage();
    await signIn(guest, url.replace(/^http:\/\/localhost:\d+/, server.app.url));
    expect(await guest.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true');

    page.once('dialog', (d) => void d.accept());
    await page
      .locator('.people-list li', { hasText: 'Gert Nieuw' })
      .getByRole('button', { name: 'Intrekken' })
      .click();
    await guest.locator('.banner').waitFor();
    expect(await guest.locator('.banner').textContent()).toContain('ingetrokken');
    await page.getByRole('button', { name: /Redactie sluiten/ }).click();
    await page.close();
    await guest.close();
  });

  it('shows no people panel to a negotiator, and the server refuses their invitations', async () => {
    const negotiator = await server.invite({ party: 'D66', role: 'negotiator', name: 'Niels' });
    const page = await browser.newPage();
    await signIn(page, negotiator.url);
    expect(await page.getByRole('tab', { name: 'Deelnemers' }).count()).toBe(0);
    const res = await server.api(negotiator.token, 'POST', '/api/documents/d66-cda/people', {
      name: 'X',
      party: 'D66',
      role: 'chair',
    });
    expect(res.status).toBe(403);
    await page.close();
  });

  it('filters the outline to the measures with pending amendments and by status', async () => {
    const vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vince' });
    const target = agenda.chapters[2]!.sections[1]!.measures[0]!;
    const draft = await server.api(vvd.token, 'POST', '/api/documents/d66-cda/amendments', {
      measure: target.id,
      kind: 'replace',
      text: `${target.text} Met een jaarlijkse evaluatie.`,
      rationale: 'Meetbaar maken.',
    });
    expect(draft.status).toBe(201);
    expect(
      (await server.api(vvd.token, 'POST', `/api/documents/d66-cda/amendments/${draft.body.id}/submit`))
        .status,
    ).toBe(200);
    const other = agenda.chapters[0]!.sections[0]!.measures[1]!;
    expect(
      (
        await server.api(chair.token, 'PUT', `/api/documents/d66-cda/measures/${other.id}/status`, {
          status: 'agreed',
        })
      ).status,
    ).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, chair.url);
    await page.getByLabel('Inhoud filteren').selectOption('pending');
    await page.locator('.outline-measure').first().waitFor();
    expect(await page.locator('.outline-measure .num').allTextContents()).toEqual([target.number]);
    await page.getByLabel('Inhoud filteren').selectOption('status:agreed');
    await page.waitForFunction(
      (n) => document.querySelector('.outline-measure .num')?.textContent === n,
      other.number,
    );
    expect(await page.locator('.outline-measure').count()).toBe(1);
    await screenshot(page, 'outline-filter');
    await page.close();
  });
});
