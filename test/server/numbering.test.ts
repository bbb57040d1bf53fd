import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importAgenda } from '../../server/documents/import.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { compareNumbers } from '../../shared/agenda/numbers.js';
import type { SqliteStore } from '../../server/storage/sqlite.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, findMeasure, synced } from '../helpers/clients.js';
import { akkoord } from '../helpers/cli.js';
import fs from 'node:fs';
import path from 'node:path';

const sample = agenda({
  WONEN: { 'Vandaag: beter benutten': ['We bouwen meer woningen.', 'Minder regels.', 'Sneller vergunnen.'] },
  DEFENSIE: { 'Sterke krijgsmacht': ['We investeren in defensie.'] },
});
const DOC = '/api/documents/test';

let server: TestServer | null = null;
let chairToken = '';
const clients: ReturnType<typeof connectClient>[] = [];

async function start(
  seed: (store: SqliteStore) => unknown = (store) => importAgenda(store, { id: 'test', agenda: sample }),
) {
  server = await startTestServer({ seed });
  chairToken = (await server.invite({ party: 'SEC', role: 'chair' })).token;
  return server;
}
function client() {
  const c = connectClient(server!.wsUrl, 'test', { token: chairToken });
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.provider.destroy();
  await server?.stop();
  server = null;
});

/** A new measure element as an editor makes it: a fresh id and no number (only the server numbers). */
function newMeasure(id: string, text: string): Y.XmlElement {
  const el = new Y.XmlElement('measure');
  el.setAttribute('id', id);
  el.setAttribute('number', '');
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}

/** Inserts a measure right after another, in the client's document. */
function insertAfter(fragment: Y.XmlFragment, afterId: string, el: Y.XmlElement): void {
  const after = findMeasure(fragment, afterId)!;
  const section = after.parent as Y.XmlElement;
  section.insert(section.toArray().indexOf(after) + 1, [el]);
}

function numberIn(fragment: Y.XmlFragment, id: string): string | undefined {
  return findMeasure(fragment, id)?.getAttribute('number') as string | undefined;
}

async function measures(): Promise<{ id: string; number: string; current: string | null }[]> {
  const res = await server!.api(chairToken, 'GET', `${DOC}/measures`);
  expect(res.status).toBe(200);
  return res.body;
}
const liveNumbers = async () => (await measures()).filter((m) => m.current !== null).map((m) => m.number);

describe('measure numbers that never move', () => {
  it('numbers a measure inserted after 1.1.1 as 1.1.1a and the next after it 1.1.1b, moving no other', async () => {
    await start();
    const a = client();
    await synced(a.provider);
    insertAfter(a.fragment, 'm-1-1-1', newMeasure('m-new0000001', 'Eerste nieuwe.'));
    await eventually(() => numberIn(a.fragment, 'm-new0000001') === '1.1.1a');
    insertAfter(a.fragment, 'm-new0000001', newMeasure('m-new0000002', 'Tweede nieuwe.'));
    await eventually(() => numberIn(a.fragment, 'm-new0000002') === '1.1.1b');
    expect(await liveNumbers()).toEqual(['1.1.1', '1.1.1a', '1.1.1b', '1.1.2', '1.1.3', '2.1.1']);
    // Between 1.1.1a and 1.1.1b.
    insertAfter(a.fragment, 'm-new0000001', newMeasure('m-new0000003', 'Ertussen.'));
    await eventually(() => numberIn(a.fragment, 'm-new0000003') === '1.1.1aa');
    // The server wrote the numbers, as itself.
    const audit = await server!.api(chairToken, 'GET', `${DOC}/audit?measure=m-new0000003`);
    expect(audit.body.map((e: { person: string | null }) => e.person).sort()).toEqual(['chair SEC', null]);
  });

  it('gives measures inserted at once after the same measure by two clients distinct, ordered numbers', async () => {
    await start();
    const a = client();
    const b = client();
    await Promise.all([synced(a.provider), synced(b.provider)]);
    // Both insert before either has seen the other's insert.
    a.doc.transact(() => insertAfter(a.fragment, 'm-1-1-1', newMeasure('m-fromaaaaaa', 'Van A.')));
    b.doc.transact(() => insertAfter(b.fragment, 'm-1-1-1', newMeasure('m-frombbbbbb', 'Van B.')));
    const numbered = (f: Y.XmlFragment) => !!numberIn(f, 'm-fromaaaaaa') && !!numberIn(f, 'm-frombbbbbb');
    await eventually(() => numbered(a.fragment) && numbered(b.fragment));
    const numbers = await liveNumbers();
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort(compareNumbers)).toEqual(numbers);
    expect(numbers.filter((n) => !['1.1.1', '1.1.2', '1.1.3', '2.1.1'].includes(n))).toHaveLength(2);
    expect(numberIn(a.fragment, 'm-fromaaaaaa')).toBe(numberIn(b.fragment, 'm-fromaaaaaa'));
  });

  it('keeps a removed measure’s number: the others keep theirs, and it is never given again', async () => {
    await start();
    const a = client();
    await synced(a.provider);
    insertAfter(a.fragment, 'm-1-1-1', newMeasure('m-gone000001', 'Gaat weg.'));
    await eventually(() => numberIn(a.fragment, 'm-gone000001') === '1.1.1a');
    const gone = findMeasure(a.fragment, 'm-gone000001')!;
    (gone.parent as Y.XmlElement).delete((gone.parent as Y.XmlElement).toArray().indexOf(gone), 1);
    const m2 = findMeasure(a.fragment, 'm-1-1-2')!;
    (m2.parent as Y.XmlElement).delete((m2.parent as Y.XmlElement).toArray().indexOf(m2), 1);
    await eventually(async () => (await server!.store.countUpdates('test')) >= 4);
    // The original's 1.1.2 is listed as gone with its number; 1.1.3 is still 1.1.3.
    const list = await measures();
    expect(list.filter((m) => m.current !== null).map((m) => m.number)).toEqual(['1.1.1', '1.1.3', '2.1.1']);
    expect(list.find((m) => m.id === 'm-1-1-2')).toMatchObject({ number: '1.1.2', current: null });
    // A new measure after 1.1.1 does not take the removed 1.1.1a.
    insertAfter(a.fragment, 'm-1-1-1', newMeasure('m-later00001', 'Later.'));
    await eventually(() => numberIn(a.fragment, 'm-later00001') === '1.1.1b');
    // Nor after a restart.
    a.provider.destroy();
    clients.splice(0);
    server = await server!.restart();
    const b = client();
    await synced(b.provider);
    insertAfter(b.fragment, 'm-later00001', newMeasure('m-after00001', 'Na een herstart.'));
    await eventually(() => numberIn(b.fragment, 'm-after00001') === '1.1.1c');
  });

  it('gives a measure that comes back with a restored version its old number', async () => {
    await start();
    const a = client();
    await synced(a.provider);
    insertAfter(a.fragment, 'm-1-1-2', newMeasure('m-kept000001', 'Blijft bewaard.'));
    await eventually(() => numberIn(a.fragment, 'm-kept000001') === '1.1.2a');
    const version = await server!.api(chairToken, 'POST', `${DOC}/versions`, { name: 'Voor het schrappen' });
    expect(version.status).toBe(201);
    for (const id of ['m-kept000001', 'm-1-1-1']) {
      const el = findMeasure(a.fragment, id)!;
      (el.parent as Y.XmlElement).delete((el.parent as Y.XmlElement).toArray().indexOf(el), 1);
    }
    insertAfter(a.fragment, 'm-1-1-2', newMeasure('m-other00001', 'Een andere.'));
    await eventually(() => numberIn(a.fragment, 'm-other00001') === '1.1.2b');
    const restored = await server!.api(chairToken, 'POST', `${DOC}/versions/${version.body.id}/restore`);
    expect(restored.status).toBe(200);
    await eventually(() => numberIn(a.fragment, 'm-kept000001') !== undefined);
    expect(await liveNumbers()).toEqual(['1.1.1', '1.1.2', '1.1.2a', '1.1.3', '2.1.1']);
    expect(numberIn(a.fragment, 'm-kept000001')).toBe('1.1.2a');
    expect(numberIn(a.fragment, 'm-1-1-1')).toBe('1.1.1');
  });

  it('numbers a measure inserted by an accepted amendment, the others keeping theirs', async () => {
    await start();
    const vvd = await server!.invite({ party: 'VVD', role: 'negotiator' });
    const draft = await server!.api(vvd.token, 'POST', `${DOC}/amendments`, {
      measure: 'm-1-1-1',
      kind: 'insert',
      text: 'Nieuwe maatregel erna.',
      rationale: 'Omdat.',
    });
    await server!.api(vvd.token, 'POST', `${DOC}/amendments/${draft.body.id}/submit`);
    const accepted = await server!.api(chairToken, 'POST', `${DOC}/amendments/${draft.body.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(await liveNumbers()).toEqual(['1.1.1', '1.1.1a', '1.1.2', '1.1.3', '2.1.1']);
  });

  it('numbers a document made before numbers were stable once, from the original’s numbers', async () => {
    // The live text as an older Akkoord left it: a split copied 1.1.1's number, an insert left it empty,
    // and a measure of the original carries a stale positional number.
    await start(async (store) => {
      await importAgenda(store, { id: 'test', agenda: sample });
      const doc = new Y.Doc();
      for (const u of await store.fetchUpdates('test')) Y.applyUpdate(doc, u);
      const before = Y.encodeStateVector(doc);
      const fragment = doc.getXmlFragment(TEXT_FRAGMENT);
      const copied = newMeasure('m-copied0001', 'Gesplitst.');
      copied.setAttribute('number', '1.1.1');
      insertAfter(fragment, 'm-1-1-1', copied);
      insertAfter(fragment, 'm-1-1-2', newMeasure('m-empty00001', 'Ingevoegd.'));
      findMeasure(fragment, 'm-1-1-3')!.setAttribute('number', '1.1.5');
      await store.appendUpdate('test', Y.encodeStateAsUpdate(doc, before), { personId: null });
      store.db.exec('DELETE FROM node_numbers');
    });
    expect(await liveNumbers()).toEqual(['1.1.1', '1.1.1a', '1.1.2', '1.1.2a', '1.1.3', '2.1.1']);
  });

  it('exports the stable numbers: a removed measure as “vervallen” when marked, and final numbering on request', async () => {
    await start();
    const a = client();
    await synced(a.provider);
    insertAfter(a.fragment, 'm-1-1-1', newMeasure('m-export0001', 'Ingevoegd.'));
    await eventually(() => numberIn(a.fragment, 'm-export0001') === '1.1.1a');
    const m2 = findMeasure(a.fragment, 'm-1-1-2')!;
    (m2.parent as Y.XmlElement).delete((m2.parent as Y.XmlElement).toArray().indexOf(m2), 1);
    await eventually(async () => (await server!.store.audit.forMeasure('test', 'm-1-1-2')).length > 0);
    const get = async (query: string) => {
      const res = await fetch(`${server!.app.url}${DOC}/export?${query}`, {
        headers: { authorization: `Bearer ${chairToken}` },
      });
      return { status: res.status, text: await res.text() };
    };
    const marked = await get('format=md&changes=marked');
    expect(marked.text).toMatch(/^~~1\.1\.2\. Minder regels\.~~ _\(vervallen\)_$/m);
    expect(marked.text).toMatch(/^\*\*1\.1\.1a\. Ingevoegd\.\*\*$/m);
    expect(marked.text).toMatch(/^1\.1\.3\. Sneller vergunnen\.$/m);
    const clean = await get('format=md&changes=clean');
    expect(clean.text).not.toContain('Minder regels');
    expect(clean.text).toMatch(/^1\.1\.1a\. Ingevoegd\.$/m);
    const final = await get('format=md&changes=clean&numbering=final');
    expect(final.status).toBe(200);
    expect(final.text).toMatch(/^1\.1\.2\. Ingevoegd\.$/m);
    expect(final.text).toMatch(/^1\.1\.3\. Sneller vergunnen\.$/m);
    expect(final.text).toContain('## Definitieve nummering');
    expect(final.text).toContain('- Maatregel 1.1.1a → 1.1.2');
    expect(final.text).not.toContain('1.1.3 → 1.1.3');
    // Numbers in the negotiation stay as they were: only the export was numbered anew.
    expect(await liveNumbers()).toEqual(['1.1.1', '1.1.1a', '1.1.3', '2.1.1']);
    const refused = await get('format=md&changes=marked&numbering=final');
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).error).toMatch(/Definitieve nummering kan alleen/);

    // The same from the command line.
    a.provider.destroy();
    clients.splice(0);
    const file = path.join(server!.dir, 'definitief.md');
    const cli = akkoord(
      ['export', 'test', '--format', 'md', '--changes', 'clean', '--numbering', 'final', '-o', file],
      server!.dir,
    );
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('- Maatregel 1.1.1a → 1.1.2');
  });
});
