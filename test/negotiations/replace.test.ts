import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { rawConnect, type RawConnection } from '../helpers/raw.js';
import { CloseCode } from '../../shared/protocol/protocol.js';

const before = agenda({ WONEN: { Vandaag: ['Meer bouwen.', 'Minder regels.'] } }, 'Oude agenda');
const after = agenda(
  { ZORG: { Dichtbij: ['Een huisarts in elke wijk.'] }, ONDERWIJS: { Basis: ['Kleinere klassen.'] } },
  'Nieuwe agenda',
);

let server: TestServer;
let admin: Invited;
let chair: Invited;
let d66: Invited;
const closers: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer({ seed: (store) => importAgenda(store, { id: 'test', agenda: before }) });
  admin = await server.appointAdmin();
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne' });
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk' });
});
afterAll(async () => {
  for (const close of closers.splice(0)) close();
  await server.stop();
});

async function raw(room: string, token: string): Promise<RawConnection> {
  const conn = await rawConnect(`${server.wsUrl}/${room}?token=${token}`);
  closers.push(() => conn.ws.close());
  return conn;
}

describe('PUT /api/documents/:id (an administrator replaces the agenda while people work in it)', () => {
  it('refuses a chair (403), an unknown negotiation (404) and an invalid agenda (400), changing nothing', async () => {
    expect((await server.api(chair.token, 'PUT', '/api/documents/test', { agenda: after })).status).toBe(403);
    expect((await server.api(admin.token, 'PUT', '/api/documents/onbekend', { agenda: after })).status).toBe(
      404,
    );
    const bad = await server.api(admin.token, 'PUT', '/api/documents/test', {
      agenda: { ...after, chapters: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^De agenda is ongeldig/u);
    expect(await server.store.getBaseline('test')).toEqual(before);
  });

  it('closes every open room of the document for a reload, replaces it, and the server and storage agree', async () => {
    // Work in progress: the chair typing, a D66 draft amendment, people in the meta and party rooms.
    const typing = connectClient(server.wsUrl, 'test', { token: chair.token });
    closers.push(() => typing.provider.destroy());
    await synced(typing.provider);
    const closeCodes: number[] = [];
    typing.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closeCodes.push(event.code);
    });
    measureText(typing.fragment, 'm-1-1-1').insert(0, 'OUD ');
    await eventually(
      async () =>
        server.app.ctx.rooms.peek('test')?.doc !== undefined && (await server.store.countUpdates('test')) > 1,
    );
    const draft = await server.api(d66.token, 'POST', '/api/documents/test/amendments', {
      measure: 'm-1-1-1',
      kind: 'replace',
      rationale: 'Ambitie.',
    });
    expect(draft.status).toBe(201);
    const meta = await raw('test/meta', chair.token);
    const party = await raw('test/party/D66', d66.token);

    const res = await server.api(admin.token, 'PUT', '/api/documents/test', { agenda: after });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'test', title: 'Nieuwe agenda' });

    // Every connection is told, with the final code (no stock client reconnects with the old text).
    expect((await meta.closed).code).toBe(CloseCode.replaced);
    expect((await party.closed).code).toBe(CloseCode.replaced);
    await eventually(() => closeCodes.includes(CloseCode.replaced));

    // Stored and live agree: the new text, nothing of the old, no amendment; people and parties stay.
    expect(await server.store.getBaseline('test')).toEqual(after);
    const fresh = connectClient(server.wsUrl, 'test', { token: chair.token });
    closers.push(() => fresh.provider.destroy());
    await synced(fresh.provider);
    expect(measureText(fresh.fragment, 'm-1-1-1').toString()).toBe('Een huisarts in elke wijk.');
    expect(fresh.fragment.toString()).not.toContain('OUD');
    expect(server.app.ctx.rooms.peek('test')!.peers.size).toBe(1);
    expect((await server.api(chair.token, 'GET', '/api/documents/test/amendments')).body).toEqual([]);
    expect((await server.storage.people.people('test')).map((p) => p.name)).toEqual(['Anne', 'Dirk']);
    expect(await server.storage.people.party('test', 'D66')).not.toBeNull();
    expect(await server.storage.audit.verify()).toEqual([]);
  });
});
