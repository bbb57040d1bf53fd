import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { openSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite.js';
import { importAgenda } from '../../server/documents/import.js';
import { Room, type Peer } from '../../server/sync/room.js';
import type { RoomBus, RoomMessage } from '../../server/sync/bus.js';
import { MemoryClientIds } from '../../server/sync/clientIds.js';
import { DEFAULT_SYNC_SETTINGS } from '../../server/sync/settings.js';
import { agenda } from '../helpers/agenda.js';

/**
 * A bus in memory between two instances that the test drives: every message waits in the receiver's queue
 * until the test delivers it or loses it (Redis away), so any interleaving can be tried.
 */
class HeldBus implements RoomBus {
  readonly shared = true;
  readonly queue: RoomMessage[] = [];
  other!: HeldBus;
  private handler: ((m: RoomMessage) => void) | null = null;
  constructor(private readonly locks: Set<string>) {}
  join(_room: string, onMessage: (m: RoomMessage) => void) {
    this.handler = onMessage;
    return Promise.resolve();
  }
  leave() {
    this.handler = null;
  }
  publish(_room: string, message: RoomMessage) {
    this.other.queue.push(message);
  }
  deliver(count: number) {
    for (const m of this.queue.splice(0, count)) this.handler?.(m);
  }
  lose(count: number) {
    this.queue.splice(0, count);
  }
  announce() {}
  onEvent() {}
  onReconnect() {}
  async exclusive(name: string, _ttl: number, work: () => void | Promise<void>) {
    if (this.locks.has(name)) return false;
    this.locks.add(name);
    try {
      await work();
    } finally {
      this.locks.delete(name);
    }
    return true;
  }
  close() {
    return Promise.resolve();
  }
}

const opened: SqliteStorage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

/** A connection's side as the room sees it (its updates are stored and published). */
const peer = (): Peer => ({ send() {}, personId: null, awarenessClients: new Set() });

type Step =
  | { kind: 'edit'; on: 0 | 1; key: string }
  | { kind: 'deliver'; to: 0 | 1; count: number }
  | { kind: 'lose'; to: 0 | 1; count: number }
  | { kind: 'compact'; on: 0 | 1 };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      on: fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>,
      key: fc.constantFrom('a', 'b', 'c', 'd'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      to: fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>,
      count: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('lose' as const),
      to: fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>,
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('compact' as const),
      on: fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>,
    }),
  },
);

describe('two instances on one log, whatever the bus delivers', () => {
  it('end equal to each other and to a fresh load of the log, once each has caught up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), async (steps) => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-converge-')), 'akkoord.sqlite');
        const first = openSqliteStorage(file);
        await importAgenda(first.store, { id: 'test', agenda: agenda({ A: { B: ['Een maatregel.'] } }) });
        const second = openSqliteStorage(file);
        opened.push(first, second);
        const locks = new Set<string>();
        const options = { claims: new MemoryClientIds(), settings: DEFAULT_SYNC_SETTINGS };
        const buses = [new HeldBus(locks), new HeldBus(locks)] as const;
        buses[0].other = buses[1];
        buses[1].other = buses[0];
        const rooms = [
          await Room.load('test', first.store, { ...options, bus: buses[0] }),
          await Room.load('test', second.store, { ...options, bus: buses[1] }),
        ] as const;
        // Each step runs to its end: the rooms' queued stores and catch-ups are done before the next.
        const settle = () => Promise.all(rooms.map((room) => room.stored()));
        rooms.forEach((room, i) => void buses[i]!.join('test', (m) => room.receive(m)));
        const peers = [peer(), peer()];
        let n = 0;
        for (const s of steps) {
          if (s.kind === 'edit')
            rooms[s.on].doc.transact(() => rooms[s.on].doc.getMap('m').set(s.key, ++n), peers[s.on]);
          else if (s.kind === 'deliver') buses[s.to].deliver(s.count);
          else if (s.kind === 'lose') buses[s.to].lose(s.count);
          else await rooms[s.on].compact();
          await settle();
        }
        const state = (doc: Y.Doc) => doc.getMap('m').toJSON();
        while (buses.some((bus) => bus.queue.length > 0)) {
          buses.forEach((bus) => bus.deliver(Infinity));
          await settle();
        }
        // With nothing lost, the messages alone bring both rooms in step (a gap is read from the log).
        if (!steps.some((s) => s.kind === 'lose')) expect(state(rooms[0].doc)).toEqual(state(rooms[1].doc));
        // After an outage each room reads what it missed, as on a reconnect.
        await Promise.all(rooms.map((room) => room.catchUp()));
        const fresh = new Y.Doc();
        for (const u of await first.store.fetchUpdates('test')) Y.applyUpdate(fresh, u);
        expect(state(rooms[0].doc)).toEqual(state(fresh));
        expect(state(rooms[1].doc)).toEqual(state(fresh));
        expect(rooms[0].head.seq).toBe(rooms[1].head.seq);
        rooms.forEach((room) => room.destroy());
      }),
      { numRuns: 60 },
    );
  });
});
