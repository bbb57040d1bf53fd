import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, signIn } from './page.js';

const DOC = 'd66-cda';
const measure = d66Agenda.chapters[1]!.sections[0]!.measures[0]!;

let server: TestServer;
let browser: Browser;
let attacker: http.Server;
let attackerUrl = '';
let chair: Invited;
let cda: Invited;
let vvd: Invited;
let amendmentId = '';
let versionId = '';

/**
 * The attacker's page, on another port of the same host (the same site for cookies): it tries what the
 * finding did — open a websocket to a room, POST state changes with `mode: 'no-cors'` and the cookie, and
 * submit a plain form — and records what came back in `window.attack`.
 */
const ATTACK_PAGE = `<!doctype html><meta charset="utf-8"><title>Kattenfilmpjes</title><body><script>
const plan = JSON.parse(decodeURIComponent(location.hash.slice(1)));
window.attack = (async () => {
  const sockets = [];
  for (const url of plan.sockets) {
    sockets.push(await new Promise((resolve) => {
      const ws = new WebSocket(url);
      let messages = 0;
      // One message is a leak: note it and hang up (the room would send the rest).
      ws.onmessage = () => { messages++; ws.close(); };
      ws.onclose = (e) => resolve({ url, code: e.code, reason: e.reason, messages });
    }));
  }
  const posts = [];
  for (const url of plan.posts) {
    try {
      await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include',
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ok=1' });
      posts.push('sent');
    } catch (err) { posts.push(String(err)); }
  }
  return { sockets, posts };
})();
if (plan.form) {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = plan.form;
  form.innerHTML = '<input name="ok" value="1">';
  document.body.append(form);
  window.attack.then(() => form.submit());
}
</script>`;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession(DOC));
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Voorzitter' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla CDA' });
  vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vera VVD' });
  const api = `/api/documents/${DOC}`;
  const draft = await server.api(cda.token, 'POST', `${api}/amendments`, {
    measure: measure.id,
    kind: 'replace',
    text: `${measure.text} (CDA)`,
    rationale: 'Vertrouwelijke toelichting van het CDA.',
  });
  amendmentId = draft.body.id;
  await server.api(cda.token, 'POST', `${api}/amendments/${amendmentId}/submit`);
  versionId = (await server.api(chair.token, 'POST', `${api}/versions`, { name: 'Eerste lezing' })).body.id;
  // After the version, the text moves on: a restore would undo this.
  const writer = connectClient(server.wsUrl, DOC, { token: chair.token });
  await synced(writer.provider);
  measureText(writer.fragment, measure.id).insert(0, 'Na de versie: ');
  writer.provider.destroy();

  attacker = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ATTACK_PAGE);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => attacker?.close(resolve));
  await stopBrowserSession({ server, browser });
});

/** A browser of its own for a person, which records every CSP violation its pages report. */
async function personBrowser(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  return context;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Opens the attacker's page with a plan and waits for what came of it. */
async function attack(
  context: BrowserContext,
  plan: { sockets: string[]; posts: string[]; form?: string },
): Promise<{ sockets: { url: string; code: number; reason: string; messages: number }[]; posts: string[] }> {
  const page = await context.newPage();
  await page.goto(`${attackerUrl}#${encodeURIComponent(JSON.stringify(plan))}`);
  const result = await page.evaluate(() => (window as unknown as { attack: Promise<unknown> }).attack);
  if (plan.form) await page.waitForURL(plan.form); // the form's POST arrived (and was answered)
  await page.close();
  return result as Awaited<ReturnType<typeof attack>>;
}

describe('a page of the same site on another port, in the browser of a signed-in person', () => {
  it('cannot open a party room or the text, nor revoke, restore or reject; the CSP lets Akkoord itself run', async () => {
    const ws = `ws://localhost:${server.app.port}/sync`;
    const api = `${server.app.url}/api/documents/${DOC}`;
    const chairBrowser = await personBrowser();
    const cdaBrowser = await personBrowser();
    const chairPage = await chairBrowser.newPage();
    const cdaPage = await cdaBrowser.newPage();
    await signIn(chairPage, chair.url);
    await signIn(cdaPage, cda.url);

    // The cookie is the session's, not the token, and script cannot read it.
    const [cookie] = await cdaBrowser.cookies(server.app.url);
    expect(cookie).toMatchObject({ name: 'akkoord_session', httpOnly: true, sameSite: 'Strict' });
    expect(cookie!.value).not.toBe(cda.token);

    // Control: from Akkoord's own page the same cookie opens the CDA room (so a leak would show below).
    const own = await cdaPage.evaluate(
      (url) =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(url);
          socket.onmessage = () => {
            socket.close();
            resolve(1);
          };
          socket.onclose = () => resolve(0);
        }),
      `${ws}/${DOC}/party/CDA`,
    );
    expect(own).toBe(1);

    // The chair's cursor shows in CDA's editor in the secretariat's colour: y-prosemirror's widgets set it with
    // a style attribute, which the CSP allows (style-src-attr).
    await placeCaret(chairPage, measure.id, 'start');
    const cursor = cdaPage.locator('.ProseMirror-yjs-cursor', { hasText: 'Voorzitter' });
    await cursor.waitFor();
    expect(await cursor.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe('rgb(75, 85, 99)');

    const cdaAttack = await attack(cdaBrowser, {
      sockets: [`${ws}/${DOC}/party/CDA`, `${ws}/${DOC}`, `${ws}/${DOC}/meta`],
      posts: [],
    });
    const chairAttack = await attack(chairBrowser, {
      sockets: [`${ws}/${DOC}/party/SEC`],
      posts: [`${api}/people/${vvd.personId}/revoke`, `${api}/versions/${versionId}/restore`],
      form: `${api}/amendments/${amendmentId}/reject`,
    });

    for (const socket of [...cdaAttack.sockets, ...chairAttack.sockets]) {
      expect(socket, socket.url).toMatchObject({ code: 4403, messages: 0 });
      expect(socket.reason).toMatch(/andere website/);
    }
    // Nothing changed on the server.
    expect((await server.app.ctx.people.person(vvd.personId))!.revokedAt).toBeNull();
    const amendment = await server.api(chair.token, 'GET', `/api/documents/${DOC}/amendments/${amendmentId}`);
    expect(amendment.body.status).toBe('submitted');
    const reader = connectClient(server.wsUrl, DOC, { token: chair.token });
    await synced(reader.provider);
    expect(measureText(reader.fragment, measure.id).toString()).toMatch(/^Na de versie: /);
    reader.provider.destroy();

    // Both people are still signed in and connected; Akkoord's pages broke no rule of the CSP.
    await chairPage.locator('.status-connected').waitFor();
    await cdaPage.locator('.status-connected').waitFor();
    expect(await violations(chairPage)).toEqual([]);
    expect(await violations(cdaPage)).toEqual([]);
    await chairBrowser.close();
    await cdaBrowser.close();
  });

  it('signs out from the header: the session ends on the server, the page asks for the link again', async () => {
    const context = await personBrowser();
    const page = await context.newPage();
    await signIn(page, vvd.url);
    const [cookie] = await context.cookies(server.app.url);
    const session = cookie!.value;
    const sessionsOf = () =>
      (
        server.store.db
          .prepare('SELECT COUNT(*) AS n FROM sessions WHERE person_id = ?')
          .get(vvd.personId) as { n: number }
      ).n;
    expect(sessionsOf()).toBe(1);

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL(`${server.app.url}/`);
    await page.getByRole('heading', { name: 'Aanmelden nodig' }).waitFor();
    await eventually(() => sessionsOf() === 0);
    // The old session id, replayed, is refused.
    const replay = await fetch(`${server.app.url}/api/me`, {
      headers: { cookie: `akkoord_session=${session}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(replay.status).toBe(401);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
