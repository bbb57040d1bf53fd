import { afterEach, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';

const sample = agenda({
  WONEN: { 'Vandaag: beter benutten': ['We bouwen meer woningen.', 'Minder regels voor optoppen.'] },
  DEFENSIE: { 'Sterke krijgsmacht': ['We investeren in defensie.'] },
});

const seed = (store: Parameters<typeof importAgenda>[0]) =>
  importAgenda(store, { id: 'test', agenda: sample });

let server: TestServer | null = null;
let chairToken = '';
const clients: ReturnType<typeof connectClient>[] = [];
function client(room = 'test', token = chairToken) {
  if (!server) throw new Error('no server');
  const c = connectClient(server.wsUrl, room, { token });
  clients.push(c);
  return c;
}
async function start() {
  server = await startTestServer({ seed });
  chairToken = (await server.invite({ party: 'SEC', role: 'chair' })).token;
  return server;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.provider.destroy();
  await server?.stop();
  server = null;
});

async function measuresOf(s: TestServer) {
  const res = await s.api(chairToken, 'GET', '/api/documents/test/measures');
  expect(res.status).toBe(200);
  return res.body as {
    id: string;
    number: string;
    chapter: string;
    section: string;
    original: string;
    current: string;
  }[];
}

describe('live sync over the y-websocket protocol', () => {
  it('gives a joining stock client the agenda seeded on the server', async () => {
    server = await start();
    const a = client();
    await synced(a.provider);
    expect(measureText(a.fragment, 'm-1-1-1').toString()).toBe('We bouwen meer woningen.');
  });

  it('lets two clients edit the same measure at the same time and converge', async () => {
    server = await start();
    const a = client();
    const b = client();
    await Promise.all([synced(a.provider), synced(b.provider)]);
    measureText(a.fragment, 'm-1-1-1').insert(0, 'Samen: ');
    measureText(b.fragment, 'm-1-1-1').insert('We bouwen meer woningen.'.length, ' Snel.');
    await eventually(
      () =>
        measureText(a.fragment, 'm-1-1-1').toString() === measureText(b.fragment, 'm-1-1-1').toString() &&
        measureText(a.fragment, 'm-1-1-1').length > 30,
    );
    expect(measureText(a.fragment, 'm-1-1-1').toString()).toBe('Samen: We bouwen meer woningen. Snel.');
  });

  it('keeps every edit after the server is stopped and started again', async () => {
    server = await start();
    const a = client();
    await synced(a.provider);
    measureText(a.fragment, 'm-2-1-1').insert(0, 'Vandaag al: ');
    await eventually(async () => (await server!.store.countUpdates('test')) > 1);
    a.provider.destroy();
    clients.splice(0);
    server = await server.restart();
    const b = client();
    await synced(b.provider);
    expect(measureText(b.fragment, 'm-2-1-1').toString()).toBe('Vandaag al: We investeren in defensie.');
    expect((await measuresOf(server)).find((m) => m.id === 'm-2-1-1')?.current).toBe(
      'Vandaag al: We investeren in defensie.',
    );
  });

  it('shows a live edit in the measures API with the original text beside it', async () => {
    server = await start();
    const a = client();
    await synced(a.provider);
    const text = measureText(a.fragment, 'm-1-1-2');
    text.delete(0, text.length);
    text.insert(0, 'Geen regels voor optoppen.');
    await eventually(async () => (await server!.store.countUpdates('test')) > 1);
    const measures = await measuresOf(server);
    expect(measures.map((m) => m.number)).toEqual(['1.1.1', '1.1.2', '2.1.1']);
    expect(measures[1]).toMatchObject({
      id: 'm-1-1-2',
      chapter: 'WONEN',
      section: 'Vandaag: beter benutten',
      original: 'Minder regels voor optoppen.',
      current: 'Geen regels voor optoppen.',
    });
  });

  it('writes an update to the database before another client receives it', async () => {
    server = await start();
    const a = client();
    const b = client();
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const before = await server.store.countUpdates('test');
    let storedWhenReceived = -1;
    // SQLite's count answers at once (a resolved promise): read the moment b receives the update.
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === b.provider && storedWhenReceived < 0)
        void server!.store.countUpdates('test').then((n) => (storedWhenReceived = n));
    });
    measureText(a.fragment, 'm-1-1-1').insert(0, 'X');
    await eventually(() => storedWhenReceived >= 0);
    expect(storedWhenReceived).toBeGreaterThan(before);
  });

  it('keeps the update log short by compacting it, without losing an edit', async () => {
    server = await start();
    const a = client();
    await synced(a.provider);
    // 1,200 stored updates while the room is open (compaction keeps the log short on the way) …
    for (let i = 0; i < 1200; i++) measureText(a.fragment, 'm-1-1-1').insert(0, 'x');
    await eventually(() =>
      (server!.app.ctx.rooms.peek('test')?.doc.getXmlFragment('prosemirror').toString() ?? '').includes(
        'x'.repeat(1200),
      ),
    );
    expect(await server.store.countUpdates('test')).toBeLessThan(600);
    a.provider.destroy();
    clients.splice(0);
    // … and when the last person leaves, the room is compacted to one update and unloaded.
    await eventually(() => server!.app.ctx.rooms.peek('test') === null);
    expect(await server.store.countUpdates('test')).toBe(1);
    const b = client();
    await synced(b.provider);
    expect(measureText(b.fragment, 'm-1-1-1').toString()).toBe('x'.repeat(1200) + 'We bouwen meer woningen.');
  });

  it('refuses a room of a document that does not exist', async () => {
    server = await start();
    const c = client('bestaat-niet');
    const code = await new Promise<number>((resolve) =>
      c.provider.on('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)),
    );
    expect(code).toBe(4404);
  });
});
