import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { importAgenda } from '../../server/documents/import.js';
import { liveAgenda } from '../../server/documents/live.js';
import { DailyVersions } from '../../server/versions/daily.js';
import { planDaily } from '../../server/versions/dailyPlan.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';

const DAY_MS = 24 * 3600 * 1000;

describe('planning daily versions', () => {
  const seen = (stateVector: string, lastUpdateDay: string | null = null) => ({ stateVector, lastUpdateDay });

  it('only starts watching on the first check', () => {
    const plan = planDaily(null, seen('a', '2026-03-01'), '2026-03-02');
    expect(plan.actions).toEqual([]);
    expect(plan.next).toEqual({ stateVector: 'a', changeDay: null, pending: false });
  });

  it('keeps nothing for a day without changes', () => {
    const watch = { stateVector: 'a', changeDay: '2026-03-01', pending: false };
    expect(planDaily(watch, seen('a'), '2026-03-05').actions).toEqual([]);
  });

  it('marks a change seen today as pending, and keeps that day at the first check of the next day', () => {
    const today = planDaily(
      { stateVector: 'a', changeDay: null, pending: false },
      seen('b', '2026-03-01'),
      '2026-03-01',
    );
    expect(today.actions).toEqual([]);
    expect(today.next).toEqual({ stateVector: 'b', changeDay: '2026-03-01', pending: true });
    const tomorrow = planDaily(today.next, seen('b', '2026-03-01'), '2026-03-02');
    expect(tomorrow.actions).toEqual([{ kind: 'store-snapshot', day: '2026-03-01' }]);
    expect(tomorrow.next.pending).toBe(false);
    expect(planDaily(tomorrow.next, seen('b', '2026-03-01'), '2026-03-03').actions).toEqual([]);
  });

  it('keeps the current text when every change since the last check was made before today', () => {
    const watch = { stateVector: 'b', changeDay: '2026-03-01', pending: true };
    const plan = planDaily(watch, seen('c', '2026-03-01'), '2026-03-02');
    expect(plan.actions).toEqual([{ kind: 'store-current', day: '2026-03-01' }]);
    expect(plan.next).toEqual({ stateVector: 'c', changeDay: '2026-03-01', pending: false });
  });

  it('keeps the last text seen on a pending day when the newest change may be from today', () => {
    const watch = { stateVector: 'b', changeDay: '2026-03-01', pending: true };
    const plan = planDaily(watch, seen('c', '2026-03-02'), '2026-03-02');
    expect(plan.actions).toEqual([{ kind: 'store-snapshot', day: '2026-03-01' }]);
    expect(plan.next).toEqual({ stateVector: 'c', changeDay: '2026-03-02', pending: true });
  });
});

describe('daily versions on a running server, with an injected clock', () => {
  let server: TestServer | null = null;
  const clients: ReturnType<typeof connectClient>[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.provider.destroy();
    await server?.stop();
    server = null;
  });

  const sample = agenda({ WONEN: { Bouwen: ['We bouwen meer woningen.', 'Minder regels.'] } });

  async function setUp() {
    server = await startTestServer({ seed: (store) => importAgenda(store, { id: 'test', agenda: sample }) });
    const chair = await server.invite({ party: 'SEC', role: 'chair' });
    const c = connectClient(server.wsUrl, 'test', { token: chair.token });
    clients.push(c);
    await synced(c.provider);
    const { store, rooms, versions } = server.app.ctx;
    const daily = new DailyVersions(store, rooms, versions);
    const text = async (id: string) =>
      (await liveAgenda(store, rooms, 'test')).chapters[0]!.sections[0]!.measures.find((m) => m.id === id)!
        .text;
    const edit = async (fragment: Y.XmlFragment, id: string, insert: string) => {
      measureText(fragment, id).insert(0, insert);
      await eventually(async () => (await text(id)).startsWith(insert));
    };
    return { c, versions, daily, text, edit };
  }

  it('keeps the text as the day ended at the first check of the next day, once', async () => {
    const { c, versions, daily, edit } = await setUp();
    const today = new Date();
    const tomorrow = new Date(today.getTime() + DAY_MS);
    await daily.check('test', today);
    await edit(c.fragment, 'm-1-1-1', 'Vandaag: ');
    expect(await daily.check('test', today)).toEqual([]);
    await edit(c.fragment, 'm-1-1-2', 'Later vandaag: ');

    const stored = await daily.check('test', tomorrow);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'daily', createdBy: null });
    expect(stored[0]!.name).toMatch(/^Stand van \d\d-\d\d-\d{4}$/);
    const kept = (await versions.get('test', stored[0]!.id))!;
    // Both edits of the day are in it, as the update log shows all of them were made before "tomorrow".
    expect(kept.agenda.chapters[0]!.sections[0]!.measures.map((m) => m.text)).toEqual([
      'Vandaag: We bouwen meer woningen.',
      'Later vandaag: Minder regels.',
    ]);
    expect(await daily.check('test', tomorrow)).toEqual([]);
    expect(await daily.check('test', new Date(tomorrow.getTime() + DAY_MS))).toEqual([]);
  });

  it('keeps no daily version after a day without changes', async () => {
    const { daily, versions } = await setUp();
    const today = new Date();
    await daily.check('test', today);
    await daily.check('test', new Date(today.getTime() + DAY_MS));
    expect(await versions.list('test')).toEqual([]);
  });

  it('lists the daily version through the API once the day is over', async () => {
    const { c, daily, edit } = await setUp();
    const today = new Date();
    await daily.check('test', today);
    await edit(c.fragment, 'm-1-1-1', 'Gewijzigd: ');
    await daily.check('test', today);
    await daily.check('test', new Date(today.getTime() + DAY_MS));
    const chair = await server!.invite({ party: 'SEC', role: 'chair', name: 'Tweede voorzitter' });
    const list = await server!.api(chair.token, 'GET', '/api/documents/test/versions');
    expect(list.body).toEqual([
      expect.objectContaining({ kind: 'original' }),
      expect.objectContaining({ kind: 'daily' }),
    ]);
    const diff = await server!.api(
      chair.token,
      'GET',
      `/api/documents/test/diff?from=original&to=${list.body[1].id}`,
    );
    expect(diff.body.total.changed).toBe(1);
  });
});
