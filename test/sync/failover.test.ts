import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, eventually, synced } from '../helpers/clients.js';
import { chairTokenFrom, type ServerProcess } from '../helpers/process.js';
import { ensureSharedRedis, startOwnRedis, type OwnRedis } from '../helpers/redis.js';
import {
  SHARED_DATABASES,
  sharedSetting,
  textClient,
  type,
  words,
  wsOf,
  type SharedSetting,
} from './twoInstances.js';

const running: ServerProcess[] = [];
const providers: { destroy(): void }[] = [];
const settings: SharedSetting[] = [];
let redis: OwnRedis | null = null;
// Each test's instances, clients, database and Redis go when it ends.
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  for (const s of running.splice(0)) await s.kill();
  for (const s of settings.splice(0)) await s.dispose();
  await redis?.stop();
  redis = null;
});

/** Instances on one database of this test's own, removed at the end. */
async function setUp(...args: Parameters<typeof sharedSetting>): Promise<SharedSetting> {
  const setting = await sharedSetting(...args);
  settings.push(setting);
  return setting;
}

/** Starts an instance and remembers it for the clean-up. */
async function started(start: () => Promise<ServerProcess>): Promise<ServerProcess> {
  const server = await start();
  running.push(server);
  return server;
}

describe.each(SHARED_DATABASES)('an instance killed during a stream of edits ($database)', ({ database }) => {
  it('loses nothing any client received, and catches up when it is back', async () => {
    const setting = await setUp(await ensureSharedRedis(), {}, database);
    const a = await started(setting.start);
    const b = await started(setting.start);
    const token = chairTokenFrom(a.output());

    const writer = await textClient(a, token);
    const watcherOnA = await textClient(a, token);
    const watcherOnB = await textClient(b, token);
    providers.push(watcherOnA.provider, watcherOnB.provider);
    let n = 0;
    const typing = setInterval(() => type(writer, `w${++n}`), 5);
    await eventually(() => words(watcherOnB, 'w').size >= 30);
    await a.kill();
    clearInterval(typing);
    const seen = new Set([...words(watcherOnA, 'w'), ...words(watcherOnB, 'w')]);
    writer.provider.disconnect();

    // While it is down, people go on on the other instance.
    const onB = await textClient(b, token);
    providers.push(onB.provider);
    for (let i = 1; i <= 10; i++) type(onB, `v${i}`);
    await eventually(() => words(watcherOnB, 'v').size === 10);

    // A fresh client on the surviving instance has everything any client had received.
    const check = await textClient(b, token);
    providers.push(check.provider);
    for (const w of seen) expect(words(check, 'w').has(w)).toBe(true);

    // The killed instance comes back (on a new port) and has caught up: from the log for what was stored
    // while it was down, through Redis for what comes after.
    const again = await started(setting.start);
    const onAgain = await textClient(again, token);
    providers.push(onAgain.provider);
    for (const w of seen) expect(words(onAgain, 'w').has(w)).toBe(true);
    expect(words(onAgain, 'v').size).toBe(10);
    type(onB, 'v11');
    type(onAgain, 'x1');
    await eventually(() => words(onAgain, 'v').has(11) && words(onB, 'x').has(1));

    // The writer's edits that never reached the server merge when it reconnects to the instance back.
    const back = connectClient(wsOf(again), 'd66-cda', { token });
    providers.push(back.provider);
    Y.applyUpdate(back.doc, Y.encodeStateAsUpdate(writer.doc));
    writer.provider.destroy();
    await synced(back.provider);
    await eventually(() => words(onB, 'w').size === n);
  });
});

describe.each(SHARED_DATABASES)(
  'Redis restarted while people edit on two instances ($database)',
  ({ database }) => {
    it('keeps both instances serving, and brings every client in step once Redis is back', async () => {
      redis = await startOwnRedis();
      const setting = await setUp(redis.url, {}, database);
      const a = await started(setting.start);
      const b = await started(setting.start);
      const token = chairTokenFrom(a.output());
      const onA = await textClient(a, token);
      const onB = await textClient(b, token);
      providers.push(onA.provider, onB.provider);
      type(onA, 'a1');
      type(onB, 'b1');
      await eventually(() => words(onA, 'b').has(1) && words(onB, 'a').has(1));

      await redis.stop();
      await eventually(
        () => /Redis is niet bereikbaar/.test(a.output()) && /Redis is niet bereikbaar/.test(b.output()),
      );
      // Each instance goes on serving its own clients, storing every change: first on one, then on the other
      // (whose first store finds the log moved on, and reads it).
      for (let i = 2; i <= 10; i++) type(onA, `a${i}`);
      const localA = await textClient(a, token);
      await eventually(() => words(localA, 'a').size === 10);
      for (let i = 2; i <= 10; i++) type(onB, `b${i}`);
      const localB = await textClient(b, token);
      providers.push(localA.provider, localB.provider);
      await eventually(() => words(localB, 'b').size === 10 && words(onB, 'a').size === 10);
      // Without Redis the first instance hears nothing of the other's changes (it may still read some from the
      // log when a store of its own finds the log moved on); nothing is lost either way:

      await redis.start();
      // Back: each instance reads what the other stored meanwhile, and its clients get it as updates.
      await eventually(() => words(onA, 'b').size === 10 && words(onB, 'a').size === 10);
      await eventually(() => /Redis is weer bereikbaar/.test(a.output()));
      // And the bus carries new edits again.
      type(onA, 'a11');
      type(onB, 'b11');
      await eventually(() => words(onA, 'b').has(11) && words(onB, 'a').has(11));
    });
  },
);
