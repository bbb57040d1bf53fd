import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite.js';
import { importAgenda } from '../../server/documents/import.js';
import { LogHead } from '../../server/sync/logHead.js';
import {
  decodeEvent,
  decodeRoomMessage,
  encodeEvent,
  encodeRoomMessage,
} from '../../server/sync/bus/codec.js';
import { Room } from '../../server/sync/room.js';
import { agenda } from '../helpers/agenda.js';

const opened: SqliteStorage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

/** Two handles on one SQLite file, as two instances on one machine have (the first migrates and seeds). */
async function twoHandles(): Promise<[SqliteStorage, SqliteStorage]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-log-')), 'akkoord.sqlite');
  const first = openSqliteStorage(file);
  await importAgenda(first.store, { id: 'test', agenda: agenda({ A: { B: ['Een maatregel.'] } }) });
  const second = openSqliteStorage(file);
  opened.push(first, second);
  return [first, second];
}

/** A small update that types `text` into a fresh document's map. */
function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(text, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('the head of a room’s log', () => {
  it('moves on for the next update, knows what it has, and sees a gap', () => {
    const head = new LogHead(10);
    expect(head.offer(12, 10)).toBe('next');
    expect(head.seq).toBe(12);
    expect(head.offer(11, 9)).toBe('known');
    expect(head.offer(15, 14)).toBe('gap');
    expect(head.seq).toBe(12);
    head.readTo(15);
    expect(head.offer(16, 15)).toBe('next');
  });
});

describe('messages on the bus', () => {
  it('read back as they were written, with their sender', () => {
    const messages = [
      { kind: 'update', seq: 7, prev: 3, update: new Uint8Array([1, 2, 3]) },
      { kind: 'head', seq: 9, prev: 7 },
      { kind: 'awareness', update: new Uint8Array([4]) },
      { kind: 'queryAwareness' },
    ] as const;
    for (const message of messages)
      expect(decodeRoomMessage(encodeRoomMessage('instance-1', message))).toEqual({
        sender: 'instance-1',
        message,
      });
    const event = { kind: 'endPerson', personId: 'p1' } as const;
    expect(decodeEvent(encodeEvent('i', event))).toEqual({ sender: 'i', event });
  });

  it('refuses bytes that are no message', () => {
    expect(() => decodeRoomMessage(new Uint8Array([1, 65, 9]))).toThrow(RangeError);
    expect(() => decodeEvent('{"event":1}')).toThrow(RangeError);
  });
});

describe('one room’s log shared by two processes’ handles on one SQLite file', () => {
  it('numbers each append after the room’s previous one, whichever handle wrote it', async () => {
    const [a, b] = await twoHandles();
    const [first] = await a.store.fetchLog('test', 0);
    const one = await a.store.appendUpdate('test', update('a'), { personId: null });
    const two = await b.store.appendUpdate('test', update('b'), { personId: null });
    expect(one.prev).toBe(first!.seq);
    expect(two.prev).toBe(one.seq);
    // Each handle reads what the other wrote.
    expect((await a.store.fetchLog('test', one.seq)).map((u) => u.seq)).toEqual([two.seq]);
    expect(await b.store.fetchLog('test', 0)).toHaveLength(3);
  });

  it('compacts only through the seq the compacting room has read, keeping what another stored after it', async () => {
    const [a, b] = await twoHandles();
    const room = await Room.load('test', a.store);
    room.doc.getMap('m').set('here', 1);
    await room.stored();
    // The other instance stores an update this room has not heard of yet.
    const there = await b.store.appendUpdate('test', update('there'), { personId: null });
    await room.compact();
    const fresh = new Y.Doc();
    for (const u of await b.store.fetchUpdates('test')) Y.applyUpdate(fresh, u);
    expect(fresh.getMap('m').toJSON()).toEqual({ here: 1, there: 'there' });
    // The merged update landed after the other's, which the room had not read: it read it then.
    expect(room.doc.getMap('m').get('there')).toBe('there');
    expect(room.head.seq).toBeGreaterThan(there.seq);
    room.destroy();
  });

  it('reads, on a local store, what another handle stored in between', async () => {
    const [a, b] = await twoHandles();
    const room = await Room.load('test', a.store);
    await b.store.appendUpdate('test', update('there'), { personId: null });
    // Its own next append follows the other's: the gap is read from the log once it is stored.
    room.doc.getMap('m').set('here', 1);
    await room.stored();
    expect(room.doc.getMap('m').get('there')).toBe('there');
    room.destroy();
  });
});
