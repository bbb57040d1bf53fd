import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';

const M1 = 'We bouwen jaarlijks 100.000 woningen en schrappen regels voor optoppen van bestaande panden.';
const M2 = 'Minder regels voor optoppen.';
const sample = agenda({
  WONEN: { 'Meer bouwen': [M1, M2] },
  DEFENSIE: { 'Sterke krijgsmacht': ['We investeren in defensie.'] },
});
const DOC = '/api/documents/test';

let server: TestServer;
let chair: Invited;
let vvd: Invited;
let d66: Invited;
let cda: Invited;
const clients: ReturnType<typeof connectClient>[] = [];

beforeEach(async () => {
  server = await startTestServer({ seed: (store) => importAgenda(store, { id: 'test', agenda: sample }) });
  chair = await server.invite({ party: 'SEC', role: 'chair' });
  vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vera VVD' });
  d66 = await server.invite({ party: 'D66', role: 'negotiator' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator' });
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

async function current(measure = 'm-1-1-1'): Promise<string | null> {
  const measures = await ok(chair, 'GET', `${DOC}/measures`);
  return measures.find((m: { id: string }) => m.id === measure)?.current ?? null;
}

describe('decisions with a brake', () => {
  it('asks for confirmation when a party opposes, naming it, and records the note of the decision', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    await ok(cda, 'PUT', `${DOC}/amendments/${a.id}/positions/CDA`, { position: 'oppose', note: 'Te duur' });
    await ok(d66, 'PUT', `${DOC}/amendments/${a.id}/positions/D66`, { position: 'reservation' });
    const braked = await server.api(chair.token, 'POST', `${DOC}/amendments/${a.id}/accept`, {
      note: 'Meerderheid',
    });
    expect(braked.status).toBe(409);
    expect(braked.body).toEqual({
      error:
        'CDA is tegen (Te duur) en D66 heeft een voorbehoud; bevestig dat u amendement A-1 toch aanneemt.',
      objections: [
        { party: 'CDA', position: 'oppose', note: 'Te duur' },
        { party: 'D66', position: 'reservation', note: null },
      ],
    });
    expect(await current()).toBe(M1);

    const result = await ok(chair, 'POST', `${DOC}/amendments/${a.id}/accept`, {
      note: 'Meerderheid van de tafel is voor.',
      confirm: true,
    });
    expect(result.amendment).toMatchObject({
      status: 'accepted',
      decision: { verdict: 'accepted', note: 'Meerderheid van de tafel is voor.' },
    });
    expect(await current()).toBe(M1.replace('100.000', '120.000'));
    const history = await ok(cda, 'GET', `${DOC}/amendments/${a.id}/decisions`);
    expect(history).toEqual([
      expect.objectContaining({
        move: 'accept',
        note: 'Meerderheid van de tafel is voor.',
        by: chair.personId,
      }),
    ]);
  });

  it('rejects with a note, without a confirmation, leaving the text as it was', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    await ok(d66, 'PUT', `${DOC}/amendments/${a.id}/positions/D66`, { position: 'support' });
    const rejected = await ok(chair, 'POST', `${DOC}/amendments/${a.id}/reject`, { note: 'Past niet.' });
    expect(rejected).toMatchObject({
      status: 'rejected',
      decision: { verdict: 'rejected', note: 'Past niet.' },
    });
    expect(await current()).toBe(M1);
    const meta = connectClient(server.wsUrl, 'test/meta', { token: cda.token });
    clients.push(meta);
    await synced(meta.provider);
    expect(meta.doc.getMap('amendments').get(a.id)).toMatchObject({ decision: { note: 'Past niet.' } });
  });

  it("accepts with changes: the party's words written for the party, the compromise's own by the chair", async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000').replace('bestaande ', ''));
    const compromise = M1.replace('100.000', '110.000').replace('bestaande ', '');
    const before = (await server.store.audit.forMeasure('test', 'm-1-1-1')).length;
    const result = await ok(chair, 'POST', `${DOC}/amendments/${a.id}/accept`, {
      text: compromise,
      note: 'Midden gekozen.',
    });
    expect(result.amendment).toMatchObject({
      status: 'accepted',
      decision: { verdict: 'accepted-with-changes', compromise, note: 'Midden gekozen.' },
    });
    expect(result.amendment.decision.steps).toEqual([
      expect.objectContaining({
        by: 'party',
        before: M1,
        after: M1.replace('100.000', '120.000').replace('bestaande ', ''),
      }),
      expect.objectContaining({ by: 'chair', after: compromise }),
    ]);
    expect(await current()).toBe(compromise);
    const entries = await server.store.audit.forMeasure('test', 'm-1-1-1');
    expect(entries.length - before).toBe(2);
    // Newest first: the chair's own words, then the party's words written on its behalf.
    expect(entries.slice(0, 2).map((e) => [e.personId, e.onBehalfOf])).toEqual([
      [chair.personId, null],
      [chair.personId, 'VVD'],
    ]);
  });

  it('decides each change on its own; the rest stays pending, and a stale view is refused', async () => {
    const proposal = M1.replace('100.000', '120.000').replace('bestaande panden', 'kantoren');
    const a = await submitted(vvd, 'm-1-1-1', proposal);
    const first = await ok(chair, 'POST', `${DOC}/amendments/${a.id}/changes/0/accept`, { base: M1 });
    expect(first).toMatchObject({ status: 'submitted', decision: { verdict: null } });
    expect(first.decision.changes).toEqual([
      expect.objectContaining({ verdict: 'accepted', removed: '100.000', inserted: '120.000' }),
    ]);
    const afterFirst = M1.replace('100.000', '120.000');
    expect(await current()).toBe(afterFirst);
    const view = await ok(chair, 'GET', `${DOC}/amendments/${a.id}`);
    expect(view.diffCurrent.filter((op: [number, string]) => op[0] !== 0)).toEqual([
      [-1, 'bestaande panden'],
      [1, 'kantoren'],
    ]);

    const stale = await server.api(chair.token, 'POST', `${DOC}/amendments/${a.id}/changes/0/reject`, {
      base: M1,
    });
    expect(stale).toEqual({
      status: 409,
      body: {
        error:
          'De maatregel is gewijzigd sinds u de wijzigingen van A-1 bekeek; bekijk ze opnieuw en kies dan.',
      },
    });
    const last = await ok(chair, 'POST', `${DOC}/amendments/${a.id}/changes/0/reject`, {
      base: afterFirst,
      note: 'Panden blijven.',
    });
    expect(last).toMatchObject({ status: 'accepted', decision: { verdict: 'accepted-with-changes' } });
    expect(last.decision.changes.map((c: { verdict: string }) => c.verdict)).toEqual([
      'accepted',
      'rejected',
    ]);
    expect(await current()).toBe(afterFirst);
    const wrong = await server.api(chair.token, 'POST', `${DOC}/amendments/${a.id}/changes/x/accept`, {
      base: afterFirst,
    });
    expect(wrong.status).toBe(400);
  });

  it('reopens a decision as a new change by the chair, and refuses when a later decision built on it', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    const b = await submitted(d66, 'm-1-1-1', M1.replace('100.000', '130.000'));
    const del = await submitted(cda, 'm-1-1-2', undefined, 'delete');
    const refused = await server.api(vvd.token, 'POST', `${DOC}/amendments/${a.id}/reopen`);
    expect(refused).toEqual({
      status: 403,
      body: { error: 'Uw rol (negotiator) mag dit niet doen: over amendementen beslissen.' },
    });
    expect((await server.api(chair.token, 'POST', `${DOC}/amendments/${a.id}/reopen`)).status).toBe(409);

    await ok(chair, 'POST', `${DOC}/amendments/${a.id}/accept`);
    const changes = (await server.store.audit.forMeasure('test', 'm-1-1-1')).length;
    const reopened = await ok(chair, 'POST', `${DOC}/amendments/${a.id}/reopen`);
    expect(reopened).toMatchObject({ status: 'submitted', decision: null, decidedBy: null });
    expect(await current()).toBe(M1);
    expect((await server.store.audit.forMeasure('test', 'm-1-1-1')).length).toBe(changes + 1);
    expect((await server.store.audit.forMeasure('test', 'm-1-1-1'))[0]).toMatchObject({
      personId: chair.personId,
      onBehalfOf: null,
    });

    // Accepted again, then D66's amendment on the same words after it: reopening would undo D66's too.
    await ok(chair, 'POST', `${DOC}/amendments/${a.id}/accept`);
    await ok(d66, 'PUT', `${DOC}/amendments/${b.id}`, { text: M1.replace('100.000', '130.000') });
    await ok(chair, 'POST', `${DOC}/amendments/${b.id}/accept`);
    const blocked = await server.api(chair.token, 'POST', `${DOC}/amendments/${a.id}/reopen`);
    expect(blocked).toEqual({
      status: 409,
      body: {
        error:
          'Amendement A-1 kan niet worden heropend: A-2 is daarna aangenomen op dezelfde tekst; maak die wijzigingen eerst ongedaan.',
      },
    });
    expect(await current()).toBe(M1.replace('100.000', '130.000'));

    // A deletion reopened puts the measure back where it was, with its id.
    await ok(chair, 'POST', `${DOC}/amendments/${del.id}/accept`);
    expect(await current('m-1-1-2')).toBeNull();
    await ok(chair, 'POST', `${DOC}/amendments/${del.id}/reopen`);
    expect(await current('m-1-1-2')).toBe(M2);
    const measures = await ok(chair, 'GET', `${DOC}/measures`);
    expect(measures.find((m: { id: string }) => m.id === 'm-1-1-2').number).toBe('1.1.2');
  });

  it('reopens a rejection and an accepted insertion (the new measure goes again)', async () => {
    const ins = await submitted(vvd, 'm-1-1-1', 'Een nieuwe maatregel.', 'insert');
    const result = await ok(chair, 'POST', `${DOC}/amendments/${ins.id}/accept`);
    expect(await current(result.measureId)).toBe('Een nieuwe maatregel.');
    await ok(chair, 'POST', `${DOC}/amendments/${ins.id}/reopen`);
    expect(await current(result.measureId)).toBeNull();
    const rej = await ok(chair, 'POST', `${DOC}/amendments/${ins.id}/reject`, { note: 'Nee.' });
    expect(rej.status).toBe('rejected');
    expect((await ok(chair, 'POST', `${DOC}/amendments/${ins.id}/reopen`)).status).toBe('submitted');
    const history = await ok(vvd, 'GET', `${DOC}/amendments/${ins.id}/decisions`);
    expect(history.map((h: { move: string }) => h.move)).toEqual(['accept', 'reopen', 'reject', 'reopen']);
  });
});

describe('amendments to amendments', () => {
  it('numbers them A-1.1, A-1.2 and decides them before their parent', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    const sub = await ok(d66, 'POST', `${DOC}/amendments`, {
      parent: a.id,
      text: M1.replace('100.000', '120.000').replace('bestaande panden', 'kantoren'),
      rationale: 'Ook kantoren.',
    });
    expect(sub).toMatchObject({ number: 'A-1.1', parent: a.id, measureId: 'm-1-1-1', status: 'draft' });
    const sub2 = await ok(cda, 'POST', `${DOC}/amendments`, { parent: a.id, rationale: '' });
    expect(sub2.number).toBe('A-1.2');
    expect(sub2.text).toBe(M1.replace('100.000', '120.000'));
    await ok(d66, 'POST', `${DOC}/amendments/${sub.id}/submit`);
    const next = await submitted(cda, 'm-1-1-2', 'Anders.');
    expect(next.number).toBe('A-2');

    // The sub-amendment is shown against its parent's text.
    const view = await ok(chair, 'GET', `${DOC}/amendments/${sub.id}`);
    expect(view.diffCurrent.filter((op: [number, string]) => op[0] !== 0)).toEqual([
      [-1, 'bestaande panden'],
      [1, 'kantoren'],
    ]);
    const list = await ok(chair, 'GET', `${DOC}/amendments`);
    expect(list.map((x: { number: string }) => x.number)).toEqual(['A-1', 'A-1.1', 'A-2']);

    const early = await server.api(chair.token, 'POST', `${DOC}/amendments/${a.id}/accept`);
    expect(early).toEqual({
      status: 409,
      body: { error: 'Over A-1.1 moet eerst worden beslist: dat wijzigt amendement A-1.' },
    });
    const nested = await server.api(cda.token, 'POST', `${DOC}/amendments`, {
      parent: sub.id,
      rationale: '',
    });
    expect(nested.status).toBe(400);
    expect(nested.body.error).toContain('A-1.1 is zelf een amendement op een amendement');

    await ok(chair, 'POST', `${DOC}/amendments/${sub.id}/accept`, { note: 'Goed idee.' });
    expect((await ok(vvd, 'GET', `${DOC}/amendments/${a.id}`)).text).toBe(
      M1.replace('100.000', '120.000').replace('bestaande panden', 'kantoren'),
    );
    await ok(chair, 'POST', `${DOC}/amendments/${a.id}/accept`);
    expect(await current()).toBe(M1.replace('100.000', '120.000').replace('bestaande panden', 'kantoren'));
    // A draft to a decided amendment cannot be submitted any more.
    const late = await server.api(cda.token, 'POST', `${DOC}/amendments/${sub2.id}/submit`);
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('Over het amendement dat A-1.2 wijzigt is al beslist; A-1.2 kan niet meer.');
  });
});

describe('positions and the secretariat', () => {
  it('lets the secretariat record positions only when it is a party to the agreement', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    const refused = await server.api(chair.token, 'PUT', `${DOC}/amendments/${a.id}/positions/SEC`, {
      position: 'support',
    });
    expect(refused).toEqual({
      status: 403,
      body: { error: 'Het secretariaat is geen partij bij dit akkoord en neemt geen standpunt in.' },
    });
    expect(
      (await server.api(vvd.token, 'PUT', `${DOC}/settings/secretariat-party`, { value: true })).status,
    ).toBe(403);
    const meta = connectClient(server.wsUrl, 'test/meta', { token: vvd.token });
    clients.push(meta);
    await synced(meta.provider);
    await ok(chair, 'PUT', `${DOC}/settings/secretariat-party`, { value: true });
    await eventually(() => meta.doc.getMap('settings').get('secretariatIsParty') === true);
    await ok(chair, 'PUT', `${DOC}/amendments/${a.id}/positions/SEC`, { position: 'support', note: 'Prima' });
    expect((await ok(vvd, 'GET', `${DOC}/negotiation`)).secretariatIsParty).toBe(true);
    const board = await ok(vvd, 'GET', `${DOC}/dashboard?chapter=c-1`);
    expect(board.matrix.rows.map((r: { party: string }) => r.party)).toContain('SEC');
  });

  it('saves a position and its note together, and a note alone keeps the position', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    await ok(cda, 'PUT', `${DOC}/amendments/${a.id}/positions/CDA`, {
      position: 'reservation',
      note: 'Eerst',
    });
    await ok(cda, 'PUT', `${DOC}/amendments/${a.id}/positions/CDA`, {
      position: 'reservation',
      note: 'Eerst doorrekenen',
    });
    expect((await ok(d66, 'GET', `${DOC}/amendments/${a.id}`)).positions.CDA).toMatchObject({
      position: 'reservation',
      note: 'Eerst doorrekenen',
    });
  });
});

describe('the live text while amendments are decided', () => {
  it('keeps edits made elsewhere in the measure when a change is accepted on its own', async () => {
    const a = await submitted(vvd, 'm-1-1-1', M1.replace('100.000', '120.000'));
    const text = connectClient(server.wsUrl, 'test', { token: chair.token });
    clients.push(text);
    await synced(text.provider);
    const ytext = measureText(text.fragment, 'm-1-1-1');
    ytext.insert(0, 'Samen: ');
    const base = `Samen: ${M1}`;
    while ((await current()) !== base) await new Promise((r) => setTimeout(r, 20));
    await ok(chair, 'POST', `${DOC}/amendments/${a.id}/changes/0/accept`, { base });
    await eventually(() => ytext.toString() === base.replace('100.000', '120.000'));
  });
});
