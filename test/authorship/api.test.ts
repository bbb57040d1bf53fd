import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';

const M1 =
  'We bouwen jaarlijks 100.000 woningen en schrappen regels voor optoppen van bestaande panden, zodat starters sneller een huis vinden.';
const M2 = 'Minder regels voor optoppen.';
const sample = agenda({ WONEN: { 'Meer bouwen': [M1, M2] } });
const DOC = '/api/documents/test';
const D66_TEXT = ' Binnen een jaar ligt er een wetsvoorstel.';
const CDA_TEXT = ' Gemeenten krijgen daar geld voor.';

let server: TestServer;
let chair: Invited;
let d66: Invited;
let cda: Invited;
const clients: ReturnType<typeof connectClient>[] = [];

beforeEach(async () => {
  server = await startTestServer({ seed: (store) => importAgenda(store, { id: 'test', agenda: sample }) });
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Carla Voorzitter' });
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Daan Dijkstra' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Cas Claassen' });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.provider.destroy();
  await server.stop();
});

function client(who: Invited) {
  const c = connectClient(server.wsUrl, 'test', { token: who.token });
  clients.push(c);
  return c;
}

async function ok(who: Invited, method: string, url: string, body?: unknown) {
  const res = await server.api(who.token, method, url, body);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const unit = (diff: any, id: string) => diff.units.find((u: any) => u.id === id);

/** D66 proposes a new text for measure 1.1.2 (submitted, waiting for the chair). */
async function proposedByD66(text: string): Promise<{ id: string }> {
  const draft = await ok(d66, 'POST', `${DOC}/amendments`, {
    measure: 'm-1-1-2',
    kind: 'replace',
    text,
    rationale: 'Meer woningen in bestaande panden.',
  });
  return ok(d66, 'POST', `${DOC}/amendments/${draft.id}/submit`);
}

/** D66 appends a sentence to measure 1.1.1, then CDA appends one and deletes "jaarlijks ", in the same measure. */
async function twoPartiesType(): Promise<void> {
  await ok(chair, 'PUT', `${DOC}/drafting`, { mode: 'open' });
  const a = client(d66);
  const b = client(cda);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  measureText(a.fragment, 'm-1-1-1').insert(M1.length, D66_TEXT);
  await eventually(() => measureText(b.fragment, 'm-1-1-1').toString().endsWith(D66_TEXT));
  const text = measureText(b.fragment, 'm-1-1-1');
  text.insert(text.length, CDA_TEXT);
  text.delete(M1.indexOf('jaarlijks '), 'jaarlijks '.length);
  await eventually(() => measureText(a.fragment, 'm-1-1-1').toString().endsWith(CDA_TEXT));
}

describe('authorship per run of text in the diff API', () => {
  it('credits each party’s run in one measure to that party, inserts by who typed and deletes by who deleted', async () => {
    await twoPartiesType();
    const diff = await ok(chair, 'GET', `${DOC}/diff?from=original&to=live`);
    const ops = unit(diff, 'm-1-1-1').ops;
    const daan = { person: d66.personId, name: 'Daan Dijkstra', party: 'D66', at: expect.any(String) };
    const cas = { person: cda.personId, name: 'Cas Claassen', party: 'CDA', at: expect.any(String) };
    expect(ops).toEqual([
      [0, 'We bouwen '],
      [-1, 'jaarlijks ', cas],
      [0, M1.slice(M1.indexOf('100.000'))],
      [1, D66_TEXT, daan],
      [1, CDA_TEXT, cas],
    ]);
    // Unchanged measures keep two-element equal ops.
    expect(unit(diff, 'm-1-1-2').ops).toEqual([[0, M2]]);
    // Who last changed the measure: CDA, from the same index.
    const last = await ok(d66, 'GET', `${DOC}/last-changes`);
    expect(last.find((c: any) => c.measureId === 'm-1-1-1').author).toMatchObject({
      person: cda.personId,
      party: 'CDA',
    });
  });

  it('records every inserted run under the person its Yjs client id is bound to, the server’s writes under the server', async () => {
    await twoPartiesType();
    const draft = await proposedByD66('Minder regels voor optoppen en splitsen.');
    await ok(chair, 'POST', `${DOC}/amendments/${draft.id}/accept`);
    const rows = server.store.db
      .prepare(
        `SELECT a.person_id AS author, a.decided_by AS decidedBy, c.person_id AS owner, c.client_id AS bound
         FROM attribution a LEFT JOIN client_ids c ON c.document_id = a.document_id AND c.client_id = a.client
         WHERE a.document_id = 'test' AND a.kind = 'insert'`,
      )
      .all() as {
      author: string | null;
      decidedBy: string | null;
      owner: string | null;
      bound: number | null;
    }[];
    const typed = rows.filter((r) => r.decidedBy === null);
    expect(new Set(typed.map((r) => r.author))).toEqual(new Set([d66.personId, cda.personId]));
    for (const row of typed) expect(row.owner).toBe(row.author);
    // The accepted amendment's words: written by the server (its client id bound to nobody), credited to D66.
    const accepted = rows.filter((r) => r.decidedBy !== null);
    expect(accepted.length).toBeGreaterThan(0);
    for (const row of accepted) expect(row).toMatchObject({ author: d66.personId, owner: null });
    for (const row of accepted) expect(row.bound).not.toBeNull();
  });

  it('credits an accepted amendment’s words to the proposing party, with the chair as the one who decided', async () => {
    const draft = await proposedByD66('Minder regels voor optoppen en splitsen.');
    await ok(chair, 'POST', `${DOC}/amendments/${draft.id}/accept`);

    const diff = await ok(cda, 'GET', `${DOC}/diff?from=original&to=live`);
    const inserted = unit(diff, 'm-1-1-2').ops.filter((op: any) => op[0] === 1);
    expect(inserted).toEqual([
      [
        1,
        ' en splitsen',
        {
          person: d66.personId,
          name: 'Daan Dijkstra',
          party: 'D66',
          at: expect.any(String),
          decidedBy: { person: chair.personId, name: 'Carla Voorzitter' },
        },
      ],
    ]);
    const last = await ok(cda, 'GET', `${DOC}/last-changes`);
    expect(last.find((c: any) => c.measureId === 'm-1-1-2').author).toMatchObject({
      party: 'D66',
      decidedBy: { person: chair.personId },
    });
  });

  it('credits an amendment accepted with changes: the proposal’s words to its party, the compromise’s own to the chair', async () => {
    const proposal = 'Minder regels voor optoppen en splitsen.';
    const compromise = 'Minder regels voor optoppen en splitsen, binnen twee jaar.';
    const draft = await proposedByD66(proposal);
    await ok(chair, 'POST', `${DOC}/amendments/${draft.id}/accept`, {
      text: compromise,
      note: 'Met termijn.',
    });

    const diff = await ok(cda, 'GET', `${DOC}/diff?from=original&to=live`);
    const inserted = unit(diff, 'm-1-1-2').ops.filter((op: any) => op[0] !== 0);
    expect(inserted).toEqual([
      [
        1,
        ' en splitsen',
        {
          person: d66.personId,
          name: 'Daan Dijkstra',
          party: 'D66',
          at: expect.any(String),
          decidedBy: { person: chair.personId, name: 'Carla Voorzitter' },
        },
      ],
      [
        1,
        ', binnen twee jaar',
        { person: chair.personId, name: 'Carla Voorzitter', party: 'SEC', at: expect.any(String) },
      ],
    ]);
  });

  it('credits a change accepted on its own to the proposing party, with the chair as the one who decided', async () => {
    const draft = await proposedByD66('Geen regels voor optoppen. Ook in dorpen.');
    const view = await ok(chair, 'GET', `${DOC}/amendments/${draft.id}`);
    const changes = view.diffCurrent.filter((op: [number, string]) => op[0] !== 0);
    expect(changes.at(-1)).toEqual([1, ' Ook in dorpen.']);
    // The last change (the added sentence) accepted, the first ("Minder" → "Geen") left pending.
    await ok(chair, 'POST', `${DOC}/amendments/${draft.id}/changes/1/accept`, { base: M2 });

    const diff = await ok(cda, 'GET', `${DOC}/diff?from=original&to=live`);
    expect(unit(diff, 'm-1-1-2').ops).toEqual([
      [0, M2],
      [
        1,
        ' Ook in dorpen.',
        {
          person: d66.personId,
          name: 'Daan Dijkstra',
          party: 'D66',
          at: expect.any(String),
          decidedBy: { person: chair.personId, name: 'Carla Voorzitter' },
        },
      ],
    ]);
  });

  it('credits a deletion against a version to who deleted, and a restored version’s words to the chair who restored it', async () => {
    await twoPartiesType();
    const version = (await ok(chair, 'POST', `${DOC}/versions`, { name: 'Na het typen' })).id;
    const [a, b] = clients as [ReturnType<typeof client>, ReturnType<typeof client>];
    const text = measureText(b.fragment, 'm-1-1-1');
    text.delete(text.toString().indexOf(D66_TEXT), D66_TEXT.length);
    await eventually(() => !measureText(a.fragment, 'm-1-1-1').toString().includes(D66_TEXT));

    // Against the version (its stored Yjs state): CDA deleted D66's sentence (the word diff aligns the
    // space between the sentences to the other side).
    const sinceVersion = await ok(chair, 'GET', `${DOC}/diff?from=${version}&to=live`);
    expect(unit(sinceVersion, 'm-1-1-1').ops.filter((op: any) => op[0] !== 0)).toEqual([
      [-1, `${D66_TEXT.trim()} `, expect.objectContaining({ person: cda.personId, party: 'CDA' })],
    ]);

    await ok(chair, 'POST', `${DOC}/versions/${version}/restore`);
    await eventually(() => measureText(a.fragment, 'm-1-1-1').toString().includes(D66_TEXT));
    const restored = await ok(chair, 'GET', `${DOC}/diff?from=original&to=live`);
    // The restore wrote the sentence anew, between CDA's space and CDA's words (y-prosemirror keeps the
    // common start and end): those characters are the chair's.
    const byCas = expect.objectContaining({ person: cda.personId, party: 'CDA' });
    expect(unit(restored, 'm-1-1-1').ops.filter((op: any) => op[0] === 1)).toEqual([
      [1, ' ', byCas],
      [1, `${D66_TEXT.trim()} `, expect.objectContaining({ person: chair.personId, party: 'SEC' })],
      [1, CDA_TEXT.trim(), byCas],
    ]);
  });

  it('keeps every credit after compaction and a restart', async () => {
    await twoPartiesType();
    const before = await ok(chair, 'GET', `${DOC}/diff?from=original&to=live`);
    const rows = () =>
      (
        server.store.db
          .prepare("SELECT COUNT(*) AS n FROM attribution WHERE document_id = 'test'")
          .get() as any
      ).n;
    const indexed = rows();
    expect(indexed).toBeGreaterThan(0);

    // The last client leaving compacts the room's log into one update.
    for (const c of clients.splice(0)) c.provider.destroy();
    await eventually(() => server.app.ctx.rooms.peek('test') === null);
    expect(server.store.countUpdates('test')).toBe(1);
    expect(rows()).toBe(indexed);

    server = await server.restart();
    const after = await ok(chair, 'GET', `${DOC}/diff?from=original&to=live`);
    expect(after.units).toEqual(before.units);
    expect(
      unit(after, 'm-1-1-1')
        .ops.filter((op: any) => op.length === 3)
        .map((op: any) => op[2].party),
    ).toEqual(['CDA', 'D66', 'CDA']);
  });
});
