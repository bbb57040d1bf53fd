import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { importAgenda } from '../../server/documents/import.js';
import { CloseCode, TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { rawConnect } from '../helpers/raw.js';
import { attacker } from '../helpers/attack.js';

/**
 * What one person or connection may cost, each limit a setting (set here through the environment, as an
 * operator would): over it, the connection is closed with the limit's own code, or — awareness faster
 * than allowed — the surplus is merged away.
 */
const seed = (store: Parameters<typeof importAgenda>[0]) =>
  importAgenda(store, { id: 'test', agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.'] } }) });

let server: TestServer;
const open: { provider: { destroy(): void } }[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.provider.destroy();
  await server?.stop();
});

/** Starts a server whose limits come from `env`, as they would from the environment of `npm start`. */
async function startWith(env: Record<string, string>) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    server = await startTestServer({ seed });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const chair = (await server.invite({ party: 'SEC', role: 'chair' })).token;
  return chair;
}

/** An awareness message for one client: `state` as JSON at `clock`. */
function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

describe('limits per connection, person and room', () => {
  it('closes a connection whose awareness state is over the size limit (4413)', async () => {
    const chair = await startWith({ AKKOORD_AWARENESS_STATE_BYTES: '2048' });
    const raw = await rawConnect(`${server.wsUrl}/test?token=${chair}`);
    raw.send(awarenessMessage(4711, 1, { cursor: 'x'.repeat(100) }));
    raw.send(awarenessMessage(4711, 2, { cursor: 'x'.repeat(4000) }));
    expect((await raw.closed).code).toBe(CloseCode.tooLarge);
  });

  it('relays awareness at the allowed rate: a flood is merged, and the newest state still arrives', async () => {
    const chair = await startWith({ AKKOORD_AWARENESS_PER_SECOND: '2' });
    const watcher = connectClient(server.wsUrl, 'test', { token: chair });
    open.push(watcher);
    await synced(watcher.provider);
    const seen: number[] = [];
    watcher.provider.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(4712)) {
        seen.push((watcher.provider.awareness.getStates().get(4712) as { n: number }).n);
      }
    });
    const raw = await rawConnect(`${server.wsUrl}/test?token=${chair}`);
    for (let n = 1; n <= 60; n++) raw.send(awarenessMessage(4712, n, { n }));
    await eventually(() => seen.includes(60));
    // At two a second, 60 states sent at once are a handful relayed: the first ones, then the newest.
    expect(seen.length).toBeLessThan(30);
    expect(seen[seen.length - 1]).toBe(60);
    raw.ws.close();
  });

  it('closes a writer past their bytes per minute (4291), counting all their connections together', async () => {
    const chair = await startWith({ AKKOORD_WRITE_BYTES_PER_MINUTE: '20000' });
    const first = await attacker(server.wsUrl, 'test', chair);
    first.send((doc) =>
      measureText(doc.getXmlFragment(TEXT_FRAGMENT), 'm-1-1-1').insert(0, 'a'.repeat(12_000)),
    );
    const second = await attacker(server.wsUrl, 'test', chair);
    second.send((doc) =>
      measureText(doc.getXmlFragment(TEXT_FRAGMENT), 'm-1-1-1').insert(0, 'b'.repeat(12_000)),
    );
    expect((await second.raw.closed).code).toBe(CloseCode.writeQuota);
    expect(first.raw.ws.readyState).toBe(first.raw.ws.OPEN);
    first.raw.ws.close();
  });

  it('refuses growth of the text room past its size (4414), and keeps what it had', async () => {
    const chair = await startWith({ AKKOORD_TEXT_ROOM_BYTES: '6000' });
    const evil = await attacker(server.wsUrl, 'test', chair);
    evil.send((doc) => measureText(doc.getXmlFragment(TEXT_FRAGMENT), 'm-1-1-1').insert(0, 'x'.repeat(8000)));
    expect((await evil.raw.closed).code).toBe(CloseCode.roomFull);
    const measures = await server.api(chair, 'GET', '/api/documents/test/measures');
    expect(measures.body[0].current).toBe('Meer bouwen.');
  });

  it('refuses growth of a party room past its size (4414)', async () => {
    await startWith({ AKKOORD_PARTY_ROOM_BYTES: '4000' });
    const cda = (await server.invite({ party: 'CDA', role: 'negotiator' })).token;
    const evil = await attacker(server.wsUrl, 'test/party/CDA', cda);
    evil.send((doc) => doc.getText('notes').insert(0, 'x'.repeat(5000)));
    expect((await evil.raw.closed).code).toBe(CloseCode.roomFull);
    const notes = connectClient(server.wsUrl, 'test/party/CDA', { token: cda });
    open.push(notes);
    await synced(notes.provider);
    expect(notes.doc.getText('notes').toString()).toBe('');
  });

  it('refuses more connections per person than allowed (4429)', async () => {
    const chair = await startWith({ AKKOORD_CONNECTIONS_PER_PERSON: '3' });
    const held = await Promise.all([1, 2, 3].map(() => rawConnect(`${server.wsUrl}/test?token=${chair}`)));
    const extra = await rawConnect(`${server.wsUrl}/test?token=${chair}`);
    expect((await extra.closed).code).toBe(CloseCode.tooManyConnections);
    held[0]!.ws.close();
    await held[0]!.closed;
    const again = await rawConnect(`${server.wsUrl}/test?token=${chair}`);
    // Room again once one closed: the server answers with its sync step 1 instead of closing.
    await eventually(() => again.received.length > 0);
    for (const c of [...held, again]) c.ws.close();
  });

  it('closes a connection that never completes its upgrade request', async () => {
    await startWith({ AKKOORD_UPGRADE_TIMEOUT_MS: '300' });
    const socket = net.connect(server.app.port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => {});
    socket.resume(); // read what the server sends (its 408), so the end of the connection is seen
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET /sync/test HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n');
    await closed; // the server ended it: the test's own timeout is the bound
    expect(socket.destroyed).toBe(true);
  });

  it('keeps stock clients open in a busy room although each sends everyone’s awareness back', async () => {
    const chair = await startWith({});
    // Twelve people move their cursors twenty times a second for ten seconds: the server relays each at its
    // awareness rate, and every stock client echoes all it receives (~110 messages a second, over the rate).
    const clients = Array.from({ length: 13 }, () => connectClient(server.wsUrl, 'test', { token: chair }));
    open.push(...clients);
    const closes: number[] = [];
    for (const c of clients)
      c.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    await Promise.all(clients.map((c) => synced(c.provider)));
    const movers = clients.slice(1);
    let tick = 0;
    const timer = setInterval(() => {
      tick++;
      for (const c of movers) c.provider.awareness.setLocalStateField('cursor', { at: tick });
    }, 50);
    await new Promise((r) => setTimeout(r, 10_000));
    clearInterval(timer);
    expect(closes).toEqual([]);
    // And the cursors got through: the still reader sees every mover's latest state.
    await eventually(() => clients[0]!.provider.awareness.getStates().size >= movers.length);
  }, 30_000);

  it('keeps an honest reader and writer going under all these limits', async () => {
    const chair = await startWith({
      AKKOORD_AWARENESS_PER_SECOND: '5',
      AKKOORD_WRITE_BYTES_PER_MINUTE: '100000',
    });
    const a = connectClient(server.wsUrl, 'test', { token: chair });
    const b = connectClient(server.wsUrl, 'test', { token: chair });
    open.push(a, b);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    for (let i = 0; i < 50; i++) measureText(a.fragment, 'm-1-1-1').insert(0, `${i} `);
    await eventually(() => measureText(b.fragment, 'm-1-1-1').toString().startsWith('49 '));
    expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(a.doc));
  });
});
