import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { RedisBus } from '../../server/sync/bus/redis.js';
import type { BusEvent, RoomMessage } from '../../server/sync/bus.js';
import { ensureSharedRedis } from '../helpers/redis.js';
import { eventually } from '../helpers/clients.js';

const buses: RedisBus[] = [];
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
});

/** Two instances' buses on the machine's Redis, under a prefix of this test's own. */
async function twoBuses(): Promise<[RedisBus, RedisBus]> {
  const url = await ensureSharedRedis();
  const prefix = `akkoord-test-${randomUUID()}`;
  const quiet = { error: () => {}, log: () => {} };
  const made = [0, 1].map(() => new RedisBus({ url, prefix, log: quiet }).start());
  buses.push(...made);
  return made as [RedisBus, RedisBus];
}

describe('the bus on Redis', () => {
  it("hands a room's messages to the other instances listening to it, not back to the sender", async () => {
    const [a, b] = await twoBuses();
    const heardA: RoomMessage[] = [];
    const heardB: RoomMessage[] = [];
    await Promise.all([a.join('doc', (m) => heardA.push(m)), b.join('doc', (m) => heardB.push(m))]);
    await eventually(() => a.ready && b.ready);
    const message: RoomMessage = { kind: 'update', seq: 5, prev: 4, update: new Uint8Array([1, 2]) };
    a.publish('doc', message);
    a.publish('doc', { kind: 'queryAwareness' });
    await eventually(() => heardB.length === 2);
    expect(heardB[0]).toEqual(message);
    expect(heardA).toEqual([]);
  });

  it('tells every other instance an event', async () => {
    const [a, b] = await twoBuses();
    const heard: BusEvent[] = [];
    b.onEvent((e) => heard.push(e));
    await eventually(() => a.ready && b.ready);
    a.announce({ kind: 'endPerson', personId: 'p1' });
    await eventually(() => heard.length === 1);
    expect(heard[0]).toEqual({ kind: 'endPerson', personId: 'p1' });
  });

  it('runs work under a lock only while no other instance holds it, and frees it afterwards', async () => {
    const url = await ensureSharedRedis();
    const [a] = await twoBuses();
    await eventually(() => a.ready);
    const other = createClient({ url });
    await other.connect();
    try {
      const key = `${a.prefix}:lock:compact:doc`;
      await other.set(key, 'another instance', {
        condition: 'NX',
        expiration: { type: 'PX', value: 10_000 },
      });
      let ran = 0;
      expect(await a.exclusive('compact:doc', 10_000, () => void ran++)).toBe(false);
      await other.del(key);
      expect(await a.exclusive('compact:doc', 10_000, () => void ran++)).toBe(true);
      expect(ran).toBe(1);
      // Released after the work: the other instance may take it now.
      expect(await other.exists(key)).toBe(0);
    } finally {
      await other.close();
    }
  });
});
