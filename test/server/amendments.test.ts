import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { CloseCode } from '../../shared/protocol/protocol.js';

const M1 = 'We bouwen jaarlijks 100.000 woningen en schrappen regels voor optoppen van bestaande panden.';
const sample = agenda({
  WONEN: { 'Meer bouwen': [M1, 'Minder regels voor optoppen.'] },
  DEFENSIE: { 'Sterke krijgsmacht': ['We investeren in defensie.'] },
});
const DOC = '/api/documents/test';

let server: TestServer;
let chair: Invited;
let vvd: Invited;
let vvd2: Invited;
let d66: Invited;
let cda: Invited;
let reviewer: Invited;
const clients: ReturnType<typeof connectClient>[] = [];

function client(room: string, who: Invited) {
  const c = connectClient(server.wsUrl, room, { token: who.token });
  clients.push(c);
  return c;
}

beforeEach(async () => {
  server = await startTestServer({ seed: (store) => importAgenda(store, { id: 'test', agenda: sample }) });
  chair = await server.invite({ party: 'SEC', role: 'chair' });
  vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vera VVD' });
  vvd2 = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Victor VVD' });
  d66 = await server.invite({ party: 'D66', role: 'negotiator' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator' });
  reviewer = await server.invite({ party: 'VVD', role: 'reviewer' });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.provider.destroy();
  await server.stop();
});

async function ok(who: Invited, method: string, url: string, body?: unknown) {
  const res = await server.api(who.token, method, url, body);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function submitted(who: Invited, measure: string, text: string | undefined, kind = 'replace') {
  const draft = await ok(who, 'POST', `${DOC}/amendments`, { measure, kind, text, rationale: 'Omdat.' });
  return ok(who, 'POST', `${DOC}/amendments/${draft.id}/submit`);
}

describe('amendments through the API and live clients', () => {
  it('lets a party draft together live in its own room, then submit to everyone', async () => {
    const draft = await ok(vvd, 'POST', `${DOC}/amendments`, {
      measure: 'm-1-1-1',
      kind: 'replace',
      rationale: 'Ambitie.',
    });
    expect(draft).toMatchObject({ number: 'A-1', status: 'draft', party: 'VVD', text: M1 });

    // A second VVD negotiator edits the draft live with a stock client in the party room.
    const party = client('test/party/VVD', vvd2);
    await synced(party.provider);
    const entry = party.doc.getMap('amendments').get(draft.id) as Y.Map<unknown>;
    const text = entry.get('text') as Y.Text;
    expect(text.toString()).toBe(M1);
    const at = M1.indexOf('100.000');
    text.delete(at, '100.000'.length);
    text.insert(at, '120.000');
    // Whoever types in a draft becomes one of its authors: the server adds them (clients never write authors).
    await eventually(() => (entry.get('authors') as Y.Array<string>).toArray().includes(vvd2.personId));
    const seen = await (async () => {
      for (;;) {
        const got = await ok(vvd, 'GET', `${DOC}/amendments/${draft.id}`);
        if (got.text.includes('120.000')) return got;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    expect(seen.status).toBe('draft');

    // D66 sees nothing of it: not in lists, not by id, and its client cannot open the VVD room.
    expect((await ok(d66, 'GET', `${DOC}/amendments`)).map((a: { id: string }) => a.id)).toEqual([]);
    expect((await server.api(d66.token, 'GET', `${DOC}/amendments/${draft.id}`)).status).toBe(404);
    const spy = client('test/party/VVD', d66);
    const code = await new Promise<number>((resolve) =>
      spy.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    expect(code).toBe(CloseCode.forbidden);

    // Everyone in the meta room sees it appear when VVD submits.
    const meta = client('test/meta', d66);
    await synced(meta.provider);
    const done = await ok(vvd, 'POST', `${DOC}/amendments/${draft.id}/submit`);
    expect(done).toMatchObject({ status: 'submitted', baseText: M1 });
    expect(done.text).toContain('120.000');
    expect(done.authors).toEqual(expect.arrayContaining([vvd.personId, vvd2.personId]));
    await eventually(() => meta.doc.getMap('amendments').has(draft.id));
    expect(meta.doc.getMap('amendments').get(draft.id)).toMatchObject({ number: 'A-1', status: 'submitted' });
    await eventually(() => !party.doc.getMap('amendments').has(draft.id));
    expect((await ok(d66, 'GET', `${DOC}/amendments?party=VVD`)).length).toBe(1);
  });

  it('refuses forbidden moves with a status and a sentence', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    const tries: [Invited, string, string, unknown, number][] = [
      [d66, 'POST', `${DOC}/amendments/${a.id}/accept`, undefined, 403],
      [vvd, 'POST', `${DOC}/amendments/${a.id}/reject`, undefined, 403],
      [reviewer, 'POST', `${DOC}/amendments/${a.id}/accept`, undefined, 403],
      [d66, 'POST', `${DOC}/amendments/${a.id}/withdraw`, undefined, 403],
      [d66, 'PUT', `${DOC}/amendments/${a.id}/positions/CDA`, { position: 'support' }, 403],
      [reviewer, 'PUT', `${DOC}/amendments/${a.id}/positions/VVD`, { position: 'support' }, 403],
      [d66, 'PUT', `${DOC}/measures/m-1-1-1/position/CDA`, { position: 'oppose' }, 403],
      [d66, 'PUT', `${DOC}/measures/m-1-1-1/status`, { status: 'agreed' }, 403],
      [reviewer, 'POST', `${DOC}/amendments`, { measure: 'm-1-1-1', kind: 'delete', rationale: '' }, 403],
      [vvd, 'POST', `${DOC}/amendments`, { measure: 'm-9', kind: 'delete', rationale: '' }, 404],
      [vvd, 'POST', `${DOC}/amendments`, { measure: 'm-1-1-1', kind: 'rewrite', rationale: '' }, 400],
      [vvd, 'POST', `${DOC}/amendments/${a.id}/submit`, undefined, 409],
    ];
    for (const [who, method, url, body, status] of tries) {
      const res = await server.api(who.token, method, url, body);
      expect({ url, method, status: res.status }).toEqual({ url, method, status });
      expect(typeof res.body.error).toBe('string');
    }
    expect((await ok(chair, 'GET', `${DOC}/amendments/${a.id}`)).status).toBe('submitted');
  });

  it('answers each refused move with the status of its kind and one sentence saying why', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    const answers = [
      await server.api(d66.token, 'POST', `${DOC}/amendments/${a.id}/accept`),
      await server.api(d66.token, 'PUT', `${DOC}/measures/m-1-1-1/status`, { status: 'agreed' }),
      await server.api(reviewer.token, 'POST', `${DOC}/amendments`, {
        measure: 'm-1-1-1',
        kind: 'delete',
      }),
      await server.api(d66.token, 'POST', `${DOC}/amendments/${a.id}/withdraw`),
      await server.api(vvd.token, 'POST', `${DOC}/amendments/a-onbekend/submit`),
      await server.api(vvd.token, 'POST', `${DOC}/amendments/${a.id}/submit`),
    ];
    expect(answers.map((res) => ({ status: res.status, body: res.body }))).toEqual([
      { status: 403, body: { error: 'Uw rol (negotiator) mag dit niet doen: over amendementen beslissen.' } },
      {
        status: 403,
        body: { error: 'Uw rol (negotiator) mag dit niet doen: de status van een maatregel vastleggen.' },
      },
      {
        status: 403,
        body: {
          error:
            'Uw rol (reviewer) mag dit niet doen: amendementen van de eigen partij opstellen, indienen, wijzigen of intrekken.',
        },
      },
      { status: 403, body: { error: 'Alleen VVD kan amendement A-1 indienen, wijzigen of intrekken.' } },
      { status: 404, body: { error: 'Er is geen amendement "a-onbekend".' } },
      {
        status: 409,
        body: { error: 'Amendement A-1 is ingediend en kan niet opnieuw worden ingediend.' },
      },
    ]);
    expect(await ok(chair, 'GET', `${DOC}/amendments/${a.id}`)).toMatchObject({ status: 'submitted' });
  });

  it("changes a draft's rationale alone through the API, leaving the text its party drafted", async () => {
    const draft = await ok(vvd, 'POST', `${DOC}/amendments`, {
      measure: 'm-1-1-1',
      kind: 'insert',
      rationale: 'Eerst.',
    });
    const changed = await ok(vvd2, 'PUT', `${DOC}/amendments/${draft.id}`, { rationale: ' Beter. ' });
    expect(changed).toMatchObject({ status: 'draft', text: '', rationale: 'Beter.' });
    expect(changed.authors).toEqual([vvd.personId, vvd2.personId]);
    const other = await server.api(d66.token, 'PUT', `${DOC}/amendments/${draft.id}`, { rationale: 'x' });
    expect(other.status).toBe(404);
    const party = client('test/party/VVD', vvd);
    await synced(party.provider);
    const entry = party.doc.getMap('amendments').get(draft.id) as Y.Map<unknown>;
    expect(String(entry.get('rationale'))).toBe('Beter.');
    expect(String(entry.get('text'))).toBe('');
  });

  it('applies an accepted amendment to the live text as one change, keeping edits made elsewhere meanwhile', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    const text = client('test', chair);
    await synced(text.provider);
    const ytext = measureText(text.fragment, 'm-1-1-1');
    ytext.insert(ytext.length - 1, ' in de hele regio');
    const expected = M1.replace('100.000', '120.000').replace('panden.', 'panden in de hele regio.');
    for (;;) {
      const view = await ok(chair, 'GET', `${DOC}/amendments/${a.id}`);
      if (view.effectiveText === expected) {
        expect(view.conflict).toBe(false);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const updates = await server.store.countUpdates('test');
    const result = await ok(chair, 'POST', `${DOC}/amendments/${a.id}/accept`);
    expect(result.amendment).toMatchObject({ status: 'accepted', decidedBy: chair.personId });
    expect(await server.store.countUpdates('test')).toBe(updates + 1);
    await eventually(() => ytext.toString() === expected);
    const measures = await ok(chair, 'GET', `${DOC}/measures`);
    expect(measures.find((m: { id: string }) => m.id === 'm-1-1-1').current).toBe(expected);
  });

  it('flags an amendment as conflicting when the same words changed, until its party updates it', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    const text = client('test', chair);
    await synced(text.provider);
    const ytext = measureText(text.fragment, 'm-1-1-1');
    const at = M1.indexOf('100.000');
    ytext.delete(at, 7);
    ytext.insert(at, '90.000');
    let view;
    do view = await ok(d66, 'GET', `${DOC}/amendments/${a.id}`);
    while (!view.conflict);
    expect(view.diffCurrent).toEqual(expect.arrayContaining([[-1, '90.000']]));
    expect((await server.api(chair.token, 'POST', `${DOC}/amendments/${a.id}/accept`)).status).toBe(409);
    const updated = await ok(vvd, 'PUT', `${DOC}/amendments/${a.id}`, {
      text: M1.replace('100.000', '110.000'),
    });
    expect(updated.baseText).toContain('90.000');
    expect((await ok(chair, 'GET', `${DOC}/amendments/${a.id}`)).conflict).toBe(false);
    await ok(chair, 'POST', `${DOC}/amendments/${a.id}/accept`);
    await eventually(() => ytext.toString() === M1.replace('100.000', '110.000'));
  });

  it('marks overlapping amendments as colliding; accepting one of a group rejects the others', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    const b = await submitted(d66, 'm-1-1-1', M1.replace('100.000', '80.000'));
    const c = await submitted(cda, 'm-1-1-1', M1.replace('bestaande panden', 'kantoren'));
    const list = await ok(chair, 'GET', `${DOC}/amendments?measure=m-1-1-1`);
    const by = Object.fromEntries(
      list.map((v: { id: string; collidesWith: string[] }) => [v.id, v.collidesWith]),
    );
    expect(by).toEqual({ [a.id]: [b.id], [b.id]: [a.id], [c.id]: [] });
    await ok(chair, 'PUT', `${DOC}/amendments/${a.id}/group`, { group: 'woningen' });
    await ok(chair, 'PUT', `${DOC}/amendments/${b.id}/group`, { group: 'woningen' });
    const result = await ok(chair, 'POST', `${DOC}/amendments/${b.id}/accept`);
    expect(result.rejected.map((r: { id: string }) => r.id)).toEqual([a.id]);
    expect((await ok(vvd, 'GET', `${DOC}/amendments/${a.id}`)).status).toBe('rejected');
    // The third one still applies onto the changed measure.
    await ok(chair, 'POST', `${DOC}/amendments/${c.id}/accept`);
    const measures = await ok(chair, 'GET', `${DOC}/measures`);
    expect(measures.find((m: { id: string }) => m.id === 'm-1-1-1').current).toBe(
      M1.replace('100.000', '80.000').replace('bestaande panden', 'kantoren'),
    );
  });

  it('inserts a new measure after its target and deletes a measure', async () => {
    const ins = await submitted(vvd, 'm-1-1-1', 'Een nieuwe maatregel.', 'insert');
    const del = await submitted(d66, 'm-1-1-2', undefined, 'delete');
    await ok(chair, 'POST', `${DOC}/amendments/${ins.id}/accept`);
    await ok(chair, 'POST', `${DOC}/amendments/${del.id}/accept`);
    const measures = await ok(chair, 'GET', `${DOC}/measures`);
    const live = measures.filter((m: { current: string | null }) => m.current !== null);
    expect(live.map((m: { current: string }) => m.current)).toEqual([
      M1,
      'Een nieuwe maatregel.',
      'We investeren in defensie.',
    ]);
    // Numbers never move: the new measure is 1.1.1a, the removed 1.1.2 keeps its number (listed as gone).
    expect(live[1].number).toBe('1.1.1a');
    expect(measures.find((m: { id: string }) => m.id === 'm-1-1-2')).toMatchObject({
      number: '1.1.2',
      current: null,
    });
    expect(live[1].id).toMatch(/^m-[0-9a-z]{10}$/);
  });

  it('records positions and statuses, mirrors them live and counts them on the dashboard', async () => {
    const meta = client('test/meta', reviewer);
    await synced(meta.provider);
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    await ok(d66, 'PUT', `${DOC}/amendments/${a.id}/positions/D66`, { position: 'support', note: 'Prima.' });
    await ok(cda, 'PUT', `${DOC}/amendments/${a.id}/positions/CDA`, { position: 'reservation' });
    await ok(cda, 'PUT', `${DOC}/measures/m-1-1-2/position/CDA`, { position: 'oppose', note: 'Te ruim.' });
    await ok(chair, 'PUT', `${DOC}/measures/m-1-1-2/status`, { status: 'disputed' });
    await ok(chair, 'PUT', `${DOC}/measures/m-2-1-1/status`, { status: 'agreed' });
    await eventually(() => {
      const mirrored = meta.doc.getMap('amendments').get(a.id) as
        { positions: Record<string, { position: string }> } | undefined;
      return mirrored?.positions.CDA?.position === 'reservation';
    });
    await eventually(() => meta.doc.getMap('measureStatuses').size === 2);
    expect(meta.doc.getMap('measurePositions').get('m-1-1-2')).toMatchObject({
      CDA: { position: 'oppose', note: 'Te ruim.' },
    });
    expect((await ok(reviewer, 'GET', `${DOC}/amendments/${a.id}`)).positions.D66).toMatchObject({
      position: 'support',
      note: 'Prima.',
      by: d66.personId,
    });
    const board = await ok(reviewer, 'GET', `${DOC}/dashboard?chapter=c-1`);
    expect(board.chapters).toEqual([
      expect.objectContaining({ id: 'c-1', measures: 2, open: 1, disputed: 1, pendingAmendments: 1 }),
      expect.objectContaining({ id: 'c-2', measures: 1, agreed: 1, pendingAmendments: 0 }),
    ]);
    expect(board.matrix.rows).toEqual(
      expect.arrayContaining([
        { party: 'D66', cells: ['support'], notes: ['Prima.'] },
        { party: 'CDA', cells: ['reservation'], notes: [null] },
        { party: 'VVD', cells: ['proposer'], notes: [null] },
      ]),
    );
    const negotiation = await ok(reviewer, 'GET', `${DOC}/negotiation`);
    expect(negotiation.statuses['m-1-1-2'].status).toBe('disputed');
  });

  it('never reuses a number, also after a withdrawal and a restart', async () => {
    const a = await ok(vvd, 'POST', `${DOC}/amendments`, {
      measure: 'm-1-1-1',
      kind: 'delete',
      rationale: '',
    });
    expect((await ok(vvd, 'POST', `${DOC}/amendments/${a.id}/withdraw`)).status).toBe('withdrawn');
    server = await server.restart();
    const b = await ok(vvd, 'POST', `${DOC}/amendments`, {
      measure: 'm-1-1-1',
      kind: 'delete',
      rationale: '',
    });
    expect([a.number, b.number]).toEqual(['A-1', 'A-2']);
  });
});
