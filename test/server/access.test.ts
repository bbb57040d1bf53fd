import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';

const seed = (store: Parameters<typeof importAgenda>[0]) =>
  importAgenda(store, {
    id: 'test',
    agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.', 'Minder regels.'] } }),
  });

let server: TestServer;
const open: { provider: { destroy(): void } }[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.provider.destroy();
  await server?.stop();
});
function client(room: string, token: string) {
  const c = connectClient(server.wsUrl, room, { token });
  open.push(c);
  return c;
}

/** Opens a raw websocket and resolves with its close code and reason. */
function closeOf(url: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('error', () => {});
  });
}

describe('who may connect, read and write', () => {
  it('refuses a connection without a token, or with a forged one, with 4401', async () => {
    server = await startTestServer({ seed });
    expect((await closeOf(`${server.wsUrl}/test`)).code).toBe(4401);
    const { token } = await server.invite({ party: 'SEC', role: 'chair' });
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await closeOf(`${server.wsUrl}/test?token=${forged}`)).code).toBe(4401);
  });

  it("refuses another party's private room with 4403, and lets the party in", async () => {
    server = await startTestServer({ seed });
    const d66 = await server.invite({ party: 'D66', role: 'negotiator' });
    const vvd = await server.invite({ party: 'VVD', role: 'negotiator' });
    const refused = await closeOf(`${server.wsUrl}/test/party/VVD?token=${d66.token}`);
    expect(refused.code).toBe(4403);
    const own = client('test/party/VVD', vvd.token);
    await synced(own.provider);
  });

  it('answers the API with 401 without a sign-in and 404 for another document', async () => {
    server = await startTestServer({ seed });
    expect((await server.api(null, 'GET', '/api/documents/test/measures')).status).toBe(401);
    const chair = await server.invite({ party: 'SEC', role: 'chair' });
    expect((await server.api(chair.token, 'GET', '/api/documents/other/measures')).status).toBe(404);
    const me = await server.api(chair.token, 'GET', '/api/me');
    expect(me.body.person).toMatchObject({ party: 'SEC', role: 'chair', documentId: 'test' });
  });

  it('drops the writes of a reviewer: never applied, never broadcast, never stored; the reviewer still reads live', async () => {
    server = await startTestServer({ seed });
    const chair = await server.invite({ party: 'SEC', role: 'chair' });
    const reviewer = await server.invite({ party: 'D66', role: 'reviewer' });
    const c = client('test', chair.token);
    const r = client('test', reviewer.token);
    await Promise.all([synced(c.provider), synced(r.provider)]);
    const before = server.store.countUpdates('test');
    measureText(r.fragment, 'm-1-1-1').insert(0, 'GESMOKKELD ');
    // The chair's edit arrives at the reviewer: reading live still works.
    measureText(c.fragment, 'm-1-1-2').insert(0, 'Veel ');
    await eventually(() => measureText(r.fragment, 'm-1-1-2').toString().startsWith('Veel '));
    expect(measureText(c.fragment, 'm-1-1-1').toString()).toBe('Meer bouwen.');
    expect(server.store.countUpdates('test')).toBe(before + 1);
    const measures = await server.api(chair.token, 'GET', '/api/documents/test/measures');
    expect(measures.body[0].current).toBe('Meer bouwen.');
  });

  it("lets a party's negotiators write its private room, and its reviewers only read it", async () => {
    server = await startTestServer({ seed });
    const negotiator = await server.invite({ party: 'GL-PvdA', role: 'negotiator' });
    const reviewer = await server.invite({ party: 'GL-PvdA', role: 'reviewer' });
    const n = client('test/party/GL-PvdA', negotiator.token);
    const r = client('test/party/GL-PvdA', reviewer.token);
    await Promise.all([synced(n.provider), synced(r.provider)]);
    n.doc.getText('notes').insert(0, 'Van de onderhandelaar. ');
    await eventually(() => r.doc.getText('notes').toString() === 'Van de onderhandelaar. ');
    r.doc.getText('notes').insert(0, 'Van de meelezer. ');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(n.doc.getText('notes').toString()).toBe('Van de onderhandelaar. ');
  });

  it('lets a negotiator edit the text only while the chair has opened drafting', async () => {
    server = await startTestServer({ seed });
    const chair = await server.invite({ party: 'SEC', role: 'chair' });
    const negotiator = await server.invite({ party: 'CDA', role: 'negotiator' });
    const c = client('test', chair.token);
    const n = client('test', negotiator.token);
    await Promise.all([synced(c.provider), synced(n.provider)]);
    measureText(n.fragment, 'm-1-1-1').insert(0, 'Dicht: ');
    await new Promise((r) => setTimeout(r, 200));
    expect(measureText(c.fragment, 'm-1-1-1').toString()).toBe('Meer bouwen.');
    expect(
      (await server.api(negotiator.token, 'PUT', '/api/documents/test/drafting', { mode: 'open' })).status,
    ).toBe(403);
    expect(
      (await server.api(chair.token, 'PUT', '/api/documents/test/drafting', { mode: 'open' })).status,
    ).toBe(200);
    measureText(n.fragment, 'm-1-1-2').insert(0, 'Open: ');
    await eventually(() => measureText(c.fragment, 'm-1-1-2').toString() === 'Open: Minder regels.');
  });

  it('stamps awareness with the real name, party and colour, whatever the client claims', async () => {
    server = await startTestServer({ seed });
    const chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Voorzitter Vos' });
    const vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Echte Naam' });
    const watcher = client('test', chair.token);
    const liar = client('test', vvd.token);
    await Promise.all([synced(watcher.provider), synced(liar.provider)]);
    liar.provider.awareness.setLocalStateField('user', {
      name: 'Voorzitter Vos',
      party: 'SEC',
      color: '#000000',
    });
    // A second, invented client id in the same connection is ignored.
    const fake = new Y.Doc();
    fake.clientID = 424242;
    await eventually(() =>
      [...watcher.provider.awareness.getStates().values()].some(
        (s) => (s.user as { party?: string })?.party === 'VVD',
      ),
    );
    const users = [...watcher.provider.awareness.getStates().entries()]
      .filter(([id]) => id !== watcher.doc.clientID)
      .map(([, s]) => s.user as { name: string; party: string; color: string });
    expect(users).toEqual([{ name: 'Echte Naam', party: 'VVD', color: '#994b02', role: 'negotiator' }]);
  });

  it('ends an open connection at once when the chair revokes the person', async () => {
    server = await startTestServer({ seed });
    const chair = await server.invite({ party: 'SEC', role: 'chair' });
    const cda = await server.invite({ party: 'CDA', role: 'negotiator' });
    const n = client('test', cda.token);
    await synced(n.provider);
    const closed = new Promise<number>((resolve) =>
      n.provider.on('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)),
    );
    const res = await server.api(chair.token, 'POST', `/api/documents/test/people/${cda.personId}/revoke`);
    expect(res.status).toBe(200);
    expect(await closed).toBe(4401);
    expect((await server.api(cda.token, 'GET', '/api/me')).status).toBe(401);
  });

  it('refuses an expired sign-in link', async () => {
    server = await startTestServer({ seed });
    const chair = await server.invite({ party: 'SEC', role: 'chair' });
    const invited = await server.api(chair.token, 'POST', '/api/documents/test/people', {
      name: 'Tijdelijk',
      party: 'D66',
      role: 'observer',
      expiresInDays: 1,
    });
    expect(invited.status).toBe(201);
    server.store.db
      .prepare('UPDATE people SET expires_at = ? WHERE id = ?')
      .run('2000-01-01T00:00:00.000Z', invited.body.person.id);
    expect((await server.api(invited.body.token, 'GET', '/api/me')).status).toBe(401);
  });

  it('lets only the chair invite people, and refuses a party that does not exist with a sentence', async () => {
    server = await startTestServer({ seed });
    const chair = await server.invite({ party: 'SEC', role: 'chair' });
    const negotiator = await server.invite({ party: 'D66', role: 'negotiator' });
    const body = { name: 'Nieuw', party: 'D66', role: 'reviewer' };
    expect((await server.api(negotiator.token, 'POST', '/api/documents/test/people', body)).status).toBe(403);
    const bad = await server.api(chair.token, 'POST', '/api/documents/test/people', {
      ...body,
      party: 'PVV',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('PVV');
  });
});
