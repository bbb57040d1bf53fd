import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { importAgenda } from '../../server/documents/import.js';
import { liveAgenda } from '../../server/documents/live.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import * as Yjs from 'yjs';
import { connectClient, eventually, findMeasure, measureText, synced } from '../helpers/clients.js';

const sample = agenda({
  WONEN: { 'Vandaag: beter benutten': ['We bouwen meer woningen.', 'Minder regels voor optoppen.'] },
  DEFENSIE: { 'Sterke krijgsmacht': ['We investeren in defensie.'] },
});

let server: TestServer | null = null;
let chair = { token: '', personId: '' };
let negotiator = { token: '', personId: '' };
const clients: ReturnType<typeof connectClient>[] = [];

async function start(): Promise<TestServer> {
  server = await startTestServer({ seed: (store) => importAgenda(store, { id: 'test', agenda: sample }) });
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Voorzitter' });
  negotiator = await server.invite({ party: 'D66', role: 'negotiator', name: 'Onderhandelaar' });
  return server;
}

async function client(token = chair.token) {
  const c = connectClient(server!.wsUrl, 'test', { token });
  clients.push(c);
  await synced(c.provider);
  return c;
}

/** Replaces a measure's text through a live client, and waits until the server has it. */
async function edit(fragment: Y.XmlFragment, id: string, text: string) {
  const ytext = measureText(fragment, id);
  fragment.doc!.transact(() => {
    ytext.delete(0, ytext.length);
    ytext.insert(0, text);
  });
  await eventually(() => measureOnServer(id) === text);
}

function measureOnServer(id: string): string | undefined {
  const live = liveAgenda(server!.store, server!.app.ctx.rooms, 'test');
  return live.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures)).find((m) => m.id === id)?.text;
}

async function diff(from: string, to: string, token = chair.token) {
  const res = await server!.api(token, 'GET', `/api/documents/test/diff?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return res.body as {
    units: { id: string; number: string; kind: string; status: string; ops: [number, string, unknown?][] }[];
    chapters: { chapterId: string; changed: number; added: number; removed: number; moved: number }[];
    total: Record<string, number>;
  };
}

const unit = (d: Awaited<ReturnType<typeof diff>>, id: string) => d.units.find((u) => u.id === id)!;
const unitWithAttribution = (d: Awaited<ReturnType<typeof diff>>, id: string) =>
  unit(d, id) as ReturnType<typeof unit> & { attribution?: { person: string; party: string; at: string } };

afterEach(async () => {
  for (const c of clients.splice(0)) c.provider.destroy();
  await server?.stop();
  server = null;
});

describe('versions and the diff API', () => {
  it('compares every pair of original, a version and the live text after edits through live clients', async () => {
    await start();
    const a = await client();
    await edit(a.fragment, 'm-1-1-1', 'We bouwen meer betaalbare woningen.');
    const made = await server!.api(chair.token, 'POST', '/api/documents/test/versions', {
      name: 'Na ronde 1',
    });
    expect(made.status).toBe(201);
    const version = made.body.id as string;
    expect(version).toMatch(/^v-/);
    await edit(a.fragment, 'm-2-1-1', 'We investeren fors in defensie.');

    const list = await server!.api(negotiator.token, 'GET', '/api/documents/test/versions');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ id: 'original', kind: 'original', createdBy: null }),
      expect.objectContaining({ id: version, name: 'Na ronde 1', kind: 'named', createdBy: chair.personId }),
    ]);

    // Every insert and delete carries who made it (the attribution index), equal text does not.
    const byChair = expect.objectContaining({ person: chair.personId, name: 'Voorzitter', party: 'SEC' });
    const originalToVersion = await diff('original', version);
    expect(unit(originalToVersion, 'm-1-1-1').status).toBe('changed');
    expect(unit(originalToVersion, 'm-1-1-1').ops).toEqual([
      [0, 'We bouwen meer '],
      [1, 'betaalbare ', byChair],
      [0, 'woningen.'],
    ]);
    expect(unit(originalToVersion, 'm-2-1-1').status).toBe('unchanged');
    expect(originalToVersion.total.changed).toBe(1);

    const versionToLive = await diff(version, 'live');
    expect(unit(versionToLive, 'm-1-1-1').status).toBe('unchanged');
    expect(unit(versionToLive, 'm-2-1-1').ops).toEqual([
      [0, 'We investeren '],
      [1, 'fors ', byChair],
      [0, 'in defensie.'],
    ]);
    expect(versionToLive.chapters.map((c) => c.changed)).toEqual([0, 1]);

    const originalToLive = await diff('original', 'live');
    expect(originalToLive.total.changed).toBe(2);
    // The audit trail records who sent each update: the diff names them per changed measure.
    expect(unitWithAttribution(originalToLive, 'm-2-1-1').attribution).toMatchObject({
      person: 'Voorzitter',
      party: 'SEC',
      at: expect.any(String),
    });
    expect(unitWithAttribution(originalToLive, 'm-1-1-2').attribution).toBeUndefined();
    expect(originalToLive.units.map((u) => u.id)).toEqual(versionToLive.units.map((u) => u.id));

    // Backwards, "fors " was never deleted and nobody changed the original: no author to name.
    const liveToOriginal = await diff('live', 'original');
    expect(unit(liveToOriginal, 'm-2-1-1').ops).toEqual([
      [0, 'We investeren '],
      [-1, 'fors '],
      [0, 'in defensie.'],
    ]);
    const versionToOriginal = await diff(version, 'original');
    expect(versionToOriginal.total.changed).toBe(1);
    const liveToVersion = await diff('live', version);
    expect(liveToVersion.total.changed).toBe(1);
    expect((await diff(version, version)).total.changed).toBe(0);
  });

  it('restores a version as a new change by the chair that a connected client sees live', async () => {
    await start();
    const a = await client();
    const watcher = await client(negotiator.token);
    await edit(a.fragment, 'm-1-1-1', 'We bouwen snel meer woningen.');
    const version = (
      await server!.api(chair.token, 'POST', '/api/documents/test/versions', { name: 'Voor de herstelling' })
    ).body.id as string;
    await edit(a.fragment, 'm-1-1-1', 'Iets heel anders.');
    await edit(a.fragment, 'm-1-1-2', 'Ook dit is anders.');
    const updatesBefore = server!.store.countUpdates('test');

    const restored = await server!.api(
      chair.token,
      'POST',
      `/api/documents/test/versions/${version}/restore`,
    );
    expect(restored.status).toBe(200);

    await eventually(
      () => measureText(watcher.fragment, 'm-1-1-1').toString() === 'We bouwen snel meer woningen.',
    );
    expect(measureText(watcher.fragment, 'm-1-1-2').toString()).toBe('Minder regels voor optoppen.');
    expect((await diff(version, 'live')).total.changed).toBe(0);
    const stored = await server!.api(chair.token, 'GET', `/api/documents/test/versions/${version}`);
    expect(liveAgenda(server!.store, server!.app.ctx.rooms, 'test')).toEqual(stored.body.agenda);

    // One new update in the log, attributed to the chair: history is added to, not rewritten.
    expect(server!.store.countUpdates('test')).toBe(updatesBefore + 1);
    const last = server!.store.db
      .prepare('SELECT person_id AS personId FROM updates WHERE room = ? ORDER BY seq DESC LIMIT 1')
      .get('test') as { personId: string };
    expect(last.personId).toBe(chair.personId);
    // The original is still there to compare with, and the restore itself can be undone by another restore.
    expect(unit(await diff('original', 'live'), 'm-1-1-1').status).toBe('changed');
  });

  it('always lists the original import as a version, to read, compare with and restore', async () => {
    await start();
    const list = await server!.api(negotiator.token, 'GET', '/api/documents/test/versions');
    expect(list.body).toEqual([
      {
        id: 'original',
        documentId: 'test',
        name: 'Origineel',
        createdAt: server!.store.getDocument('test')!.createdAt,
        createdBy: null,
        kind: 'original',
      },
    ]);
    const read = await server!.api(negotiator.token, 'GET', '/api/documents/test/versions/original');
    expect(read.body).toMatchObject({ kind: 'original', agenda: server!.store.getBaseline('test') });

    // Edits, a measure removed and one added; then the original is restored.
    const a = await client();
    const watcher = await client(negotiator.token);
    await edit(a.fragment, 'm-1-1-1', 'Iets heel anders.');
    const removed = findMeasure(a.fragment, 'm-1-1-2')!;
    (removed.parent as Yjs.XmlElement).delete(
      (removed.parent as Yjs.XmlElement).toArray().indexOf(removed),
      1,
    );
    const added = new Yjs.XmlElement('measure');
    added.setAttribute('id', 'm-added00001');
    added.setAttribute('number', '');
    added.insert(0, [new Yjs.XmlText('Later toegevoegd.')]);
    const first = findMeasure(a.fragment, 'm-1-1-1')!;
    const section = first.parent as Yjs.XmlElement;
    section.insert(section.toArray().indexOf(first) + 1, [added]);
    // At the end of its section, after the removed 1.1.2: the next number never given.
    await eventually(() => findMeasure(a.fragment, 'm-added00001')?.getAttribute('number') === '1.1.3');
    expect((await diff('original', 'live')).total).toMatchObject({ changed: 1, added: 1, removed: 1 });

    const restored = await server!.api(chair.token, 'POST', '/api/documents/test/versions/original/restore');
    expect(restored.status).toBe(200);
    expect(restored.body).toEqual({ restored: 'original', name: 'Origineel' });
    await eventually(() => findMeasure(watcher.fragment, 'm-1-1-2') !== null);
    expect(findMeasure(watcher.fragment, 'm-added00001')).toBeNull();
    expect(measureText(watcher.fragment, 'm-1-1-1').toString()).toBe('We bouwen meer woningen.');
    expect(findMeasure(watcher.fragment, 'm-1-1-2')!.getAttribute('number')).toBe('1.1.2');
    expect((await diff('original', 'live')).total).toMatchObject({ changed: 0, added: 0, removed: 0 });
    expect(liveAgenda(server!.store, server!.app.ctx.rooms, 'test')).toEqual(
      server!.store.getBaseline('test'),
    );
    // Restoring is the chair's: a negotiator may not.
    const refused = await server!.api(
      negotiator.token,
      'POST',
      '/api/documents/test/versions/original/restore',
    );
    expect(refused.status).toBe(403);
  });

  it('refuses versions and restores to a negotiator and to requests without sign-in', async () => {
    await start();
    const version = (
      await server!.api(chair.token, 'POST', '/api/documents/test/versions', { name: 'Eerste' })
    ).body.id as string;
    const make = await server!.api(negotiator.token, 'POST', '/api/documents/test/versions', {
      name: 'Niet',
    });
    expect(make.status).toBe(403);
    expect(make.body.error).toMatch(/mag dit niet/);
    const restore = await server!.api(
      negotiator.token,
      'POST',
      `/api/documents/test/versions/${version}/restore`,
    );
    expect(restore.status).toBe(403);
    expect((await server!.api(null, 'GET', '/api/documents/test/versions')).status).toBe(401);
    expect((await server!.api(null, 'GET', '/api/documents/test/diff?from=original&to=live')).status).toBe(
      401,
    );
    expect((await server!.api(null, 'POST', '/api/documents/test/versions', { name: 'x' })).status).toBe(401);
  });

  it('answers a clear sentence for a bad comparison or an unknown version', async () => {
    await start();
    const bad = await server!.api(chair.token, 'GET', '/api/documents/test/diff?from=gisteren&to=live');
    expect(bad.status).toBe(400);
    const unknown = await server!.api(chair.token, 'GET', '/api/documents/test/diff?from=v-onbekend&to=live');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/versie/);
    const empty = await server!.api(chair.token, 'POST', '/api/documents/test/versions', { name: '  ' });
    expect(empty.status).toBe(400);
  });

  it('shows what changed since a person last opened the document', async () => {
    await start();
    const first = await server!.api(negotiator.token, 'POST', '/api/documents/test/visits');
    expect(first.body).toEqual({ previousVisit: null });
    const a = await client();
    await edit(a.fragment, 'm-1-1-2', 'Geen regels voor optoppen.');
    const second = await server!.api(negotiator.token, 'POST', '/api/documents/test/visits');
    expect(second.body.previousVisit).toEqual(expect.any(String));

    const since = await diff('since-last-visit', 'live', negotiator.token);
    expect(since.total.changed).toBe(1);
    // A visit keeps no Yjs state: the deletion is credited to who last changed the measure.
    const byChair = expect.objectContaining({ person: chair.personId, party: 'SEC' });
    expect(unit(since, 'm-1-1-2').ops).toEqual([
      [-1, 'Minder', byChair],
      [1, 'Geen', byChair],
      [0, ' regels voor optoppen.'],
    ]);
    // The chair never opened it: no previous visit to compare with.
    const never = await server!.api(
      chair.token,
      'GET',
      '/api/documents/test/diff?from=since-last-visit&to=live',
    );
    expect(never.status).toBe(404);
  });
});
