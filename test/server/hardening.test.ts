import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { rawConnect, step1Message, updateMessage } from '../helpers/raw.js';
import { Limits } from '../../server/sync/limits.js';

const seed = (store: Parameters<typeof importAgenda>[0]) =>
  importAgenda(store, { id: 'test', agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.'] } }) });

let server: TestServer;
let chair = '';
const open: { provider: { destroy(): void } }[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.provider.destroy();
  await server?.stop();
});
async function start() {
  server = await startTestServer({ seed });
  chair = (await server.invite({ party: 'SEC', role: 'chair' })).token;
}
function honest() {
  const c = connectClient(server.wsUrl, 'test', { token: chair });
  open.push(c);
  return c;
}

/** After an attack: an honest client still edits, and a fresh one sees the edit (the server carries on). */
async function serverStillWorks() {
  const a = honest();
  await synced(a.provider);
  measureText(a.fragment, 'm-1-1-1').insert(0, 'Nog steeds: ');
  const b = honest();
  await synced(b.provider);
  await eventually(() => measureText(b.fragment, 'm-1-1-1').toString().startsWith('Nog steeds: '));
}

describe('bad input on the websocket', () => {
  it('closes a connection that sends random bytes with 4400 and a reason, and carries on', async () => {
    await start();
    const raw = await rawConnect(`${server.wsUrl}/test?token=${chair}`);
    raw.send(new Uint8Array([0, 2, 250, 1, 2, 3, 255, 255, 255, 255]));
    const closed = await raw.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason.length).toBeGreaterThan(0);
    await serverStillWorks();
  });

  it('refuses a message over the size limit with 4413', async () => {
    await start();
    const raw = await rawConnect(`${server.wsUrl}/test?token=${chair}`);
    const doc = new Y.Doc();
    doc.getText('x').insert(0, 'a'.repeat(Limits.maxSyncBytes));
    raw.send(updateMessage(Y.encodeStateAsUpdate(doc)));
    expect((await raw.closed).code).toBe(4413);
    expect(await server.store.countUpdates('test')).toBe(1);
    await serverStillWorks();
  });

  it('closes a connection that floods the server with messages (4290, so the stock client retries)', async () => {
    await start();
    const raw = await rawConnect(`${server.wsUrl}/test?token=${chair}`);
    const doc = new Y.Doc();
    for (let i = 0; i < Limits.burst + 50; i++) raw.send(step1Message(doc));
    expect((await raw.closed).code).toBe(4290);
    await serverStillWorks();
  });

  it('ignores empty updates without storing or forwarding them', async () => {
    await start();
    const watcher = honest();
    await synced(watcher.provider);
    const raw = await rawConnect(`${server.wsUrl}/test?token=${chair}`);
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    const before = await server.store.countUpdates('test');
    raw.send(updateMessage(empty));
    raw.send(step1Message(new Y.Doc()));
    await eventually(() => raw.received.length >= 2);
    expect(await server.store.countUpdates('test')).toBe(before);
    raw.ws.close();
  });

  it('tells a read-only connection that its update was refused (an auth message), and forwards nothing', async () => {
    await start();
    const observer = (await server.invite({ party: 'JA21', role: 'observer' })).token;
    const watcher = honest();
    await synced(watcher.provider);
    let forwarded = 0;
    watcher.doc.on('update', (_u: Uint8Array, origin: unknown) => origin === watcher.provider && forwarded++);
    const raw = await rawConnect(`${server.wsUrl}/test?token=${observer}`);
    const doc = new Y.Doc();
    doc.getXmlFragment('prosemirror').insert(0, [new Y.XmlText('vervalst')]);
    raw.send(updateMessage(Y.encodeStateAsUpdate(doc)));
    await eventually(() => raw.received.some((m) => m[0] === 2));
    expect(forwarded).toBe(0);
    expect(await server.store.countUpdates('test')).toBe(1);
  });

  it('drops an update that depends on changes the server never saw, so it cannot pile up', async () => {
    await start();
    const raw = await rawConnect(`${server.wsUrl}/test?token=${chair}`);
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'eerst');
    const before = Y.encodeStateVector(doc);
    text.insert(5, ' daarna');
    raw.send(updateMessage(Y.encodeStateAsUpdate(doc, before)));
    expect((await raw.closed).code).toBe(4000);
    const room = server.app.ctx.rooms.peek('test');
    expect(room?.doc.store.pendingStructs ?? null).toBeNull();
    await serverStillWorks();
  });
});
