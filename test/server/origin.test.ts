import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import {
  ownPageHeaders,
  send,
  signInForCookie,
  socketWith,
  type HeadedSocket,
} from '../helpers/browserRequests.js';

const DOC = '/api/documents/test';
const EVIL = 'http://evil.example';
/** What a plain HTML form on another site sends: no preflight, the browser adds the cookie. */
const FORM = 'application/x-www-form-urlencoded';

let server: TestServer;
let chair: Invited;
let cda: Invited;
let vvd: Invited;
let chairSession = '';
let amendmentId = '';
let versionId = '';
const sockets: HeadedSocket[] = [];

beforeEach(async () => {
  server = await startTestServer({
    seed: (store) =>
      importAgenda(store, { id: 'test', agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.'] } }) }),
  });
  chair = await server.invite({ party: 'SEC', role: 'chair' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator' });
  vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vera VVD' });
  chairSession = (await signInForCookie(server, chair.token)).session;
  const draft = await server.api(cda.token, 'POST', `${DOC}/amendments`, {
    measure: 'm-1-1-1',
    kind: 'replace',
    text: 'Veel meer bouwen.',
    rationale: 'Omdat.',
  });
  amendmentId = draft.body.id;
  expect((await server.api(cda.token, 'POST', `${DOC}/amendments/${amendmentId}/submit`)).status).toBe(200);
  const version = await server.api(chair.token, 'POST', `${DOC}/versions`, { name: 'Eerste lezing' });
  versionId = version.body.id;
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.ws.terminate();
  await server.stop();
});

/** The three state changes of the finding, as the chair's browser would send them. */
const changes = () => [
  `${DOC}/people/${vvd.personId}/revoke`,
  `${DOC}/versions/${versionId}/restore`,
  `${DOC}/amendments/${amendmentId}/reject`,
];

/** Nothing the refused requests aimed at happened. */
async function nothingChanged() {
  expect((await server.app.ctx.people.person(vvd.personId))!.revokedAt).toBeNull();
  const amendment = await server.api(chair.token, 'GET', `${DOC}/amendments/${amendmentId}`);
  expect(amendment.body.status).toBe('submitted');
}

function socket(room: string, options: Parameters<typeof socketWith>[2]) {
  const s = socketWith(server, room, options);
  sockets.push(s);
  return s;
}

describe('requests from another origin', () => {
  it('refuses revoke, version restore and amendment reject with the cookie, a foreign Origin and a form body: 403 and a sentence', async () => {
    for (const path of changes()) {
      const res = await send(server, path, {
        method: 'POST',
        session: chairSession,
        headers: { origin: EVIL, 'content-type': FORM },
        body: 'x=1',
      });
      expect(res.status, path).toBe(403);
      expect(res.body.error).toMatch(/andere website/);
    }
    await nothingChanged();
  });

  it('refuses a foreign Origin whatever the credential, also a bearer token', async () => {
    const res = await fetch(`${server.app.url}${changes()[0]}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chair.token}`, origin: EVIL },
    });
    expect(res.status).toBe(403);
    await nothingChanged();
  });

  it('refuses cookie-signed state changes from a page of the same site on another port, and without any proof', async () => {
    const sameSite = { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site', 'content-type': FORM };
    const noProof = { 'content-type': FORM }; // no Origin, no Fetch Metadata: not a page of Akkoord's
    const crossSiteNoOrigin = { 'sec-fetch-site': 'cross-site', 'content-type': FORM };
    for (const headers of [sameSite, noProof, crossSiteNoOrigin])
      for (const path of changes()) {
        const res = await send(server, path, { method: 'POST', session: chairSession, headers, body: 'x=1' });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(res.body.error).toMatch(/Geweigerd/);
      }
    // Reading from another site with the cookie is refused too (Fetch Metadata), reading from the page is not.
    const read = await send(server, '/api/me', {
      session: chairSession,
      headers: { 'sec-fetch-site': 'same-site' },
    });
    expect(read.status).toBe(403);
    await nothingChanged();
  });

  it("lets Akkoord's own pages change state with the cookie: Fetch Metadata same-origin, or an old browser's own Origin", async () => {
    const [revoke, , reject] = changes();
    const own = await send(server, reject!, {
      method: 'POST',
      session: chairSession,
      headers: ownPageHeaders(server),
    });
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('rejected');
    const oldBrowser = await send(server, revoke!, {
      method: 'POST',
      session: chairSession,
      headers: { origin: server.app.url },
    });
    expect(oldBrowser.status).toBe(200);
    // The address it was reached at counts as its own, as does its public address.
    const direct = `http://127.0.0.1:${server.app.port}`;
    const byHost = await fetch(`${direct}${DOC}/versions`, {
      method: 'POST',
      headers: {
        cookie: `akkoord_session=${chairSession}`,
        origin: direct,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'Tweede lezing' }),
    });
    expect(byHost.status).toBe(201);
  });

  it('judges requests without Origin by their bearer token (command line, scripts)', async () => {
    const res = await server.api(chair.token, 'POST', changes()[2]!);
    expect(res.status).toBe(200);
    expect((await server.api(null, 'POST', changes()[0]!)).status).toBe(401);
  });
});

describe('websocket upgrades from another origin', () => {
  it('refuses a foreign Origin with 4403 and a reason before anything of the room is sent, with the cookie or a token', async () => {
    const cdaSession = (await signInForCookie(server, cda.token)).session;
    const attempts = [
      socket('test/party/CDA', { session: cdaSession, origin: EVIL }),
      socket('test/party/CDA', { session: cdaSession, origin: 'http://localhost:1' }),
      socket('test/party/CDA', { token: cda.token, origin: EVIL }),
      socket('test', { session: chairSession, origin: EVIL }),
    ];
    for (const attempt of attempts) {
      const closed = await attempt.closed;
      expect(closed.code).toBe(4403);
      expect(closed.reason).toMatch(/andere website/);
      expect(attempt.received).toEqual([]);
    }
  });

  it('refuses a cookie-signed upgrade without Origin, and admits it from its own page or with ?token=', async () => {
    const cdaSession = (await signInForCookie(server, cda.token)).session;
    const bare = socket('test/party/CDA', { session: cdaSession });
    expect((await bare.closed).code).toBe(4403);
    expect(bare.received).toEqual([]);

    const own = socket('test/party/CDA', { session: cdaSession, origin: server.app.url });
    expect(await own.opened).toBe(true);
    await eventually(() => own.received.length > 0); // the room answers

    // A stock client with a token and no Origin still edits.
    const writer = connectClient(server.wsUrl, 'test', { token: chair.token });
    await synced(writer.provider);
    measureText(writer.fragment, 'm-1-1-1').insert(0, 'Nog: ');
    writer.provider.destroy();
  });
});
