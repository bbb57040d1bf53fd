import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { step1Message } from '../helpers/raw.js';
import { importAgenda } from '../../server/documents/import.js';
import { sessionIdleHours } from '../../server/config.js';
import { compileTrustProxy } from '../../server/http/origin.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import {
  ownPageHeaders,
  send,
  signInForCookie,
  socketWith,
  type HeadedSocket,
} from '../helpers/browserRequests.js';

const seed = (store: Parameters<typeof importAgenda>[0]) =>
  importAgenda(store, { id: 'test', agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.'] } }) });

const HOUR = 3_600_000;
let server: TestServer;
let chair: Invited;
let cda: Invited;
/** The sessions' clock: tests move it instead of waiting. */
let clock = new Date('2025-06-02T09:00:00Z');
const sockets: HeadedSocket[] = [];

async function start(app: NonNullable<Parameters<typeof startTestServer>[0]>['app'] = {}) {
  clock = new Date('2025-06-02T09:00:00Z');
  server = await startTestServer({ seed, app: { now: () => clock, ...app } });
  chair = await server.invite({ party: 'SEC', role: 'chair' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla CDA' });
}
afterEach(async () => {
  for (const s of sockets.splice(0)) s.ws.terminate();
  await server?.stop();
});

/** GET /api/me from Akkoord's own page with a session cookie. */
const me = (session: string) => send(server, '/api/me', { session, headers: ownPageHeaders(server) });
/** The CDA room over the websocket, signed by a session cookie, from Akkoord's own page. */
function partySocket(session: string) {
  const socket = socketWith(server, 'test/party/CDA', { session, origin: server.app.url });
  sockets.push(socket);
  return socket;
}
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

describe('the browser session', () => {
  it('keeps a random session id in an HttpOnly, SameSite=Strict cookie — never the invitation token', async () => {
    await start();
    const { reply, session } = await signInForCookie(server, cda.token);
    expect(session).not.toBe(cda.token);
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const line = reply.setCookie.find((l) => l.startsWith('akkoord_session='))!;
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Strict/);
    expect(line).not.toMatch(/; Secure/); // plain http, no proxy
    expect(line).not.toMatch(/Expires|Max-Age/); // the server decides when it ends
    expect((await me(session)).body.person.name).toBe('Carla CDA');

    // The cookie of before (the token itself) signs no one in any more.
    expect((await me(cda.token)).status).toBe(401);
    // The database holds a hash of the id: a copy of the table is no key.
    const rows = server.store.db.prepare('SELECT id_hash FROM sessions').all() as { id_hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).not.toBe(session);
  });

  it('rotates the session when someone signs in with a link: the session id from before stops working', async () => {
    await start();
    const first = await signInForCookie(server, cda.token);
    // Someone planted `first.session` in this browser; the person then signs in with their own link.
    const second = await signInForCookie(server, chair.token, { session: first.session });
    expect(second.session).not.toBe(first.session);
    expect((await me(first.session)).status).toBe(401);
    expect((await me(second.session)).body.person.role).toBe('chair');
  });

  it('sets Secure when a proxy trusted with AKKOORD_TRUST_PROXY says https, and not when the proxy is not trusted', async () => {
    await start({ trustProxy: 'loopback' });
    const behind = await signInForCookie(server, cda.token, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behind.reply.setCookie.join('\n')).toMatch(/; Secure/);
    const direct = await signInForCookie(server, cda.token);
    expect(direct.reply.setCookie.join('\n')).not.toMatch(/; Secure/);
    await server.stop();

    await start(); // no AKKOORD_TRUST_PROXY: the header is anyone's word
    const untrusted = await signInForCookie(server, cda.token, { headers: { 'x-forwarded-proto': 'https' } });
    expect(untrusted.reply.setCookie.join('\n')).not.toMatch(/; Secure/);
  });

  it('sets Secure when the public address (AKKOORD_URL) is https', async () => {
    await start({ publicUrl: 'https://akkoord.example.org' });
    const { reply } = await signInForCookie(server, cda.token);
    expect(reply.setCookie.join('\n')).toMatch(/; Secure/);
  });

  it('ends after the idle time without use, closing its open connection; use keeps it alive', async () => {
    await start({ sessionIdleMs: 12 * HOUR });
    const { session } = await signInForCookie(server, cda.token);
    advance(11 * HOUR);
    expect((await me(session)).status).toBe(200); // a use: the idle time starts again
    advance(11 * HOUR);
    expect((await me(session)).status).toBe(200);
    const socket = partySocket(session);
    expect(await socket.opened).toBe(true);

    advance(12 * HOUR);
    // The server's sweep notices (it runs every few seconds): the connection ends with 4401 and a reason.
    const closed = await socket.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/sessie is verlopen/);
    expect((await me(session)).status).toBe(401);
    expect(server.store.db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
  });

  it('counts writing over the websocket as use, so someone typing for hours stays signed in', async () => {
    await start({ sessionIdleMs: 12 * HOUR });
    const { session } = await signInForCookie(server, cda.token);
    const socket = partySocket(session);
    expect(await socket.opened).toBe(true);
    for (let hour = 0; hour < 30; hour += 6) {
      advance(6 * HOUR);
      // A sync step 1 (type 0): what a client sends; the server answers with step 2, which tells us it was read.
      const before = socket.received.length;
      socket.ws.send(step1Message(new Y.Doc()));
      await new Promise<void>((resolve) => {
        const check = () => (socket.received.length > before ? resolve() : setTimeout(check, 10));
        check();
      });
    }
    expect((await me(session)).status).toBe(200);
  });

  it('ends at sign-out: the cookie is cleared, the session refused, its open connection closed', async () => {
    await start();
    const { session } = await signInForCookie(server, cda.token);
    const other = await signInForCookie(server, cda.token); // the same person in another browser
    const socket = partySocket(session);
    expect(await socket.opened).toBe(true);

    const out = await send(server, '/api/session', {
      method: 'DELETE',
      session,
      headers: ownPageHeaders(server),
    });
    expect(out.status).toBe(204);
    expect(out.setCookie.join('\n')).toMatch(/akkoord_session=;.*Expires=Thu, 01 Jan 1970/);
    const closed = await socket.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/afgemeld/);
    expect((await me(session)).status).toBe(401);
    // Only this browser signed out.
    expect((await me(other.session)).status).toBe(200);
  });

  it('ends at revocation: every session of the person is deleted and their open connections end', async () => {
    await start();
    const { session } = await signInForCookie(server, cda.token);
    const socket = partySocket(session);
    expect(await socket.opened).toBe(true);
    const res = await server.api(chair.token, 'POST', `/api/documents/test/people/${cda.personId}/revoke`);
    expect(res.status).toBe(200);
    expect((await socket.closed).code).toBe(4401);
    expect((await me(session)).status).toBe(401);
    const left = server.store.db
      .prepare('SELECT COUNT(*) AS n FROM sessions WHERE person_id = ?')
      .get(cda.personId);
    expect(left).toEqual({ n: 0 });
  });
});

describe('session and proxy settings', () => {
  it('reads AKKOORD_SESSION_IDLE_HOURS, 12 by default, and refuses nonsense with a sentence', () => {
    expect(sessionIdleHours({})).toBe(12);
    expect(sessionIdleHours({ AKKOORD_SESSION_IDLE_HOURS: '0.5' })).toBe(0.5);
    expect(() => sessionIdleHours({ AKKOORD_SESSION_IDLE_HOURS: '-1' })).toThrow(
      /AKKOORD_SESSION_IDLE_HOURS/,
    );
    expect(() => sessionIdleHours({ AKKOORD_SESSION_IDLE_HOURS: 'twaalf' })).toThrow(/positief/);
  });

  it('reads AKKOORD_TRUST_PROXY as express does, and refuses a list it cannot read', () => {
    expect(compileTrustProxy(undefined)('127.0.0.1', 0)).toBe(false);
    expect(compileTrustProxy('loopback')('127.0.0.1', 0)).toBe(true);
    expect(compileTrustProxy('loopback')('10.0.0.1', 0)).toBe(false);
    expect(compileTrustProxy('10.0.0.0/8, 192.168.1.1')('10.2.3.4', 0)).toBe(true);
    expect(compileTrustProxy('1')('203.0.113.9', 0)).toBe(true);
    expect(compileTrustProxy('1')('203.0.113.9', 1)).toBe(false);
    expect(() => compileTrustProxy('not-an-address')).toThrow(/AKKOORD_TRUST_PROXY/);
  });
});
