import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { rawConnect, step1Message, updateMessage, type RawConnection } from '../helpers/raw.js';
import { CloseCode } from '../../shared/protocol/protocol.js';

const existing = agenda({ WONEN: { Vandaag: ['Meer bouwen.', 'Minder regels.'] } });
const fresh = agenda(
  {
    ZORG: { Dichtbij: ['Een huisarts in elke wijk.', 'Minder formulieren.'] },
    ONDERWIJS: { Basis: ['Kleinere klassen.'] },
  },
  'Coalitieakkoord Utrecht',
);
const SECRET = 'GEHEIM-D66-partijruimte-91c2';

let server: TestServer;
let admin: string;
let chair: string;
let negotiator: string;
const closers: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer({
    seed: (store) => importAgenda(store, { id: 'd66-cda', agenda: existing }),
  });
  admin = (await server.appointAdmin('Bea Beheer')).token;
  chair = (await server.invite({ party: 'SEC', role: 'chair', name: 'Anne' })).token;
  negotiator = (await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk' })).token;
});
afterAll(async () => {
  for (const close of closers.splice(0)) close();
  await server.stop();
});

/** The token of a sign-in link (`…/signin#token=…`). */
const tokenOf = (url: string) => decodeURIComponent(url.split('#token=')[1]!);

async function raw(room: string, token: string): Promise<RawConnection> {
  const conn = await rawConnect(`${server.wsUrl}/${room}?token=${token}`);
  closers.push(() => conn.ws.close());
  return conn;
}
const bytesOf = (conn: RawConnection) => Buffer.concat(conn.received.map((b) => Buffer.from(b)));

describe('POST /api/documents (administrators create negotiations)', () => {
  it('creates the document with its baseline, first update, parties and a chair whose link opens it: 201', async () => {
    const res = await server.api(admin, 'POST', '/api/documents', {
      id: 'utrecht-2026',
      title: 'Coalitieakkoord Utrecht 2026',
      agenda: fresh,
      parties: [
        { short: 'GL', name: 'GroenLinks', color: '#39a935' },
        { short: 'D66', name: 'D66', color: '#00a651' },
      ],
      chair: { name: 'Carla Voorzitter' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'utrecht-2026', title: 'Coalitieakkoord Utrecht 2026' });
    expect(res.body.parties.map((p: any) => p.short)).toEqual(['SEC', 'GL', 'D66']);
    expect(res.body.chair).toMatchObject({ name: 'Carla Voorzitter' });
    expect(res.body.chair.url).toMatch(/\/signin#token=/u);

    expect(await server.store.getBaseline('utrecht-2026')).toEqual({
      ...fresh,
      title: 'Coalitieakkoord Utrecht 2026',
    });
    const newChair = tokenOf(res.body.chair.url);
    const me = await server.api(newChair, 'GET', '/api/me');
    expect(me.body).toMatchObject({
      kind: 'person',
      person: { documentId: 'utrecht-2026', role: 'chair', party: 'SEC', name: 'Carla Voorzitter' },
    });
    const doc = await server.api(newChair, 'GET', '/api/documents/utrecht-2026');
    expect(doc.body).toMatchObject({ title: 'Coalitieakkoord Utrecht 2026', counts: { measures: 3 } });
    // The live room holds the agenda, numbered, and the chair writes in it.
    const c = connectClient(server.wsUrl, 'utrecht-2026', { token: newChair });
    closers.push(() => c.provider.destroy());
    await synced(c.provider);
    expect(measureText(c.fragment, 'm-2-1-1').toString()).toBe('Kleinere klassen.');
    const stored = (await server.store.fetchUpdates('utrecht-2026')).length;
    measureText(c.fragment, 'm-2-1-1').insert(0, 'Veel ');
    await eventually(async () => (await server.store.fetchUpdates('utrecht-2026')).length > stored);
  });

  it('gives the default parties and a chair named Voorzitter when the request names none', async () => {
    const res = await server.api(admin, 'POST', '/api/documents', {
      id: 'kort',
      title: 'Kort',
      agenda: fresh,
    });
    expect(res.status).toBe(201);
    expect(res.body.parties.map((p: any) => p.short)).toEqual([
      'SEC',
      'D66',
      'CDA',
      'VVD',
      'GL-PvdA',
      'JA21',
    ]);
    expect(res.body.chair.name).toBe('Voorzitter');
  });

  it('refuses an id that exists with 409 and a sentence, and leaves that document as it was', async () => {
    const before = await server.store.fetchUpdates('d66-cda');
    const res = await server.api(admin, 'POST', '/api/documents', {
      id: 'd66-cda',
      title: 'Anders',
      agenda: fresh,
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe(
      'Er bestaat al een onderhandeling met id "d66-cda"; kies een andere id (er is niets gewijzigd).',
    );
    expect(await server.store.getBaseline('d66-cda')).toEqual(existing);
    expect(await server.store.fetchUpdates('d66-cda')).toEqual(before);
    expect((await server.storage.people.people('d66-cda')).map((p) => p.name)).toEqual(['Anne', 'Dirk']);
  });

  it.each([
    [
      'without chapters',
      { ...fresh, chapters: [] },
      'De agenda is ongeldig: De agenda heeft geen hoofdstukken (agenda.chapters); er is niets opgeslagen.',
    ],
    [
      'with a measure without text',
      (() => {
        const a = structuredClone(fresh) as any;
        delete a.chapters[0].sections[0].measures[1].text;
        return a;
      })(),
      'De agenda is ongeldig: het veld agenda.chapters[0].sections[0].measures[1].text ontbreekt; er is niets opgeslagen.',
    ],
    [
      'with an id used twice',
      (() => {
        const a = structuredClone(fresh);
        a.chapters[1]!.sections[0]!.measures[0]!.id = 'm-1-1-1';
        return a;
      })(),
      'De agenda is ongeldig: De id "m-1-1-1" komt twee keer voor (agenda.chapters[1].sections[0].measures[0].id); er is niets opgeslagen.',
    ],
    [
      'that is no agenda at all',
      'hoofdstuk 1',
      'De agenda is ongeldig: het veld agenda moet een object zijn; er is niets opgeslagen.',
    ],
  ])('refuses an agenda %s with 400 and a sentence, and stores nothing', async (_what, bad, sentence) => {
    const res = await server.api(admin, 'POST', '/api/documents', {
      id: 'ongeldig',
      title: 'X',
      agenda: bad,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(sentence);
    expect(await server.store.getDocument('ongeldig')).toBeNull();
    expect(await server.storage.people.parties('ongeldig')).toEqual([]);
  });

  it('refuses a bad id, title or chair with 400 and a sentence naming the field', async () => {
    const bad = await server.api(admin, 'POST', '/api/documents', {
      id: 'Met Spaties',
      title: 'X',
      agenda: fresh,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^Geef een id van kleine letters/u);
    const noChair = await server.api(admin, 'POST', '/api/documents', {
      id: 'x',
      title: 'X',
      agenda: fresh,
      chair: { name: '  ' },
    });
    expect(noChair.status).toBe(400);
    expect(noChair.body.error).toBe('Geef de naam van de voorzitter, hoogstens 80 tekens.');
    expect(await server.store.getDocument('x')).toBeNull();
  });

  it('is for administrators only: 401 without a sign-in, 403 for a chair and a negotiator', async () => {
    const input = { id: 'niet-toegestaan', title: 'X', agenda: fresh };
    expect((await server.api(null, 'POST', '/api/documents', input)).status).toBe(401);
    for (const [token, role] of [
      [chair, 'chair'],
      [negotiator, 'negotiator'],
    ] as const) {
      const res = await server.api(token, 'POST', '/api/documents', input);
      expect(res.status).toBe(403);
      expect(res.body.error).toBe(
        `Uw rol (${role}) mag dit niet doen: een onderhandeling aanmaken of haar agenda vervangen.`,
      );
    }
    expect(await server.store.getDocument('niet-toegestaan')).toBeNull();
  });
});

describe('what an administrator sees', () => {
  it('lists every negotiation to an administrator, and only their own to a person', async () => {
    const all = await server.api(admin, 'GET', '/api/documents');
    expect(all.body.map((d: any) => d.id)).toEqual(
      expect.arrayContaining(['d66-cda', 'utrecht-2026', 'kort']),
    );
    const own = await server.api(chair, 'GET', '/api/documents');
    expect(own.body.map((d: any) => d.id)).toEqual(['d66-cda']);
    expect((await server.api(admin, 'GET', '/api/me')).body).toEqual({
      kind: 'admin',
      admin: { id: expect.any(String), name: 'Bea Beheer' },
    });
  });

  it('appoints a chair of an existing negotiation: 201 with their link; 403 for a chair', async () => {
    const res = await server.api(admin, 'POST', '/api/documents/d66-cda/chairs', {
      name: 'Tweede voorzitter',
    });
    expect(res.status).toBe(201);
    const me = await server.api(tokenOf(res.body.url), 'GET', '/api/me');
    expect(me.body.person).toMatchObject({ documentId: 'd66-cda', role: 'chair', party: 'SEC' });
    expect((await server.api(chair, 'POST', '/api/documents/d66-cda/chairs', { name: 'X' })).status).toBe(
      403,
    );
    expect(
      (await server.api(admin, 'POST', '/api/documents/bestaat-niet/chairs', { name: 'X' })).status,
    ).toBe(404);
  });

  it('cannot open any party room or the meta room, reads the text room without writing, and gets no party data over the API', async () => {
    // A party's private content: a party thread and a draft note in the D66 room.
    const thread = await server.api(negotiator, 'POST', '/api/documents/d66-cda/comments', {
      measure: 'm-1-1-1',
      quote: 'Meer bouwen',
      audience: 'party',
      text: SECRET,
    });
    expect(thread.status).toBe(201);
    const d66 = connectClient(server.wsUrl, 'd66-cda/party/D66', { token: negotiator });
    closers.push(() => d66.provider.destroy());
    await synced(d66.provider);
    d66.doc.getMap('notes').set('n1', SECRET);
    await eventually(async () => (await server.store.fetchUpdates('d66-cda/party/D66')).length > 0);

    for (const room of [
      'd66-cda/party/D66',
      'd66-cda/party/SEC',
      'd66-cda/party/VVD',
      'd66-cda/meta',
      'utrecht-2026/party/D66',
    ]) {
      const conn = await raw(room, admin);
      expect(await conn.closed).toMatchObject({ code: CloseCode.forbidden });
      expect(bytesOf(conn).includes(SECRET)).toBe(false);
    }

    // The text room: read-only. A write is dropped, never stored or applied.
    const text = await raw('d66-cda', admin);
    text.send(step1Message(new Y.Doc()));
    const writer = new Y.Doc();
    writer.getMap('x').set('beheer', 'schrijft');
    const storedBefore = (await server.store.fetchUpdates('d66-cda')).length;
    text.send(updateMessage(Y.encodeStateAsUpdate(writer)));
    // Wait for the refusal the server sends (y-protocols auth message), not for time.
    await eventually(() => text.received.some((m) => m[0] === 2));
    expect((await server.store.fetchUpdates('d66-cda')).length).toBe(storedBefore);
    expect(bytesOf(text).includes(SECRET)).toBe(false);

    for (const path of [
      'comments',
      `comments/${thread.body.id}`,
      'amendments',
      'negotiation',
      'dashboard',
      'people',
      'parties',
      'measures',
      'baseline',
      'versions',
      'export?format=json',
      'last-changes',
    ]) {
      const res = await server.api(admin, 'GET', `/api/documents/d66-cda/${path}`);
      expect(res.status, path).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
      expect(res.body.error).toMatch(/^Een beheerder neemt niet deel aan onderhandelingen/u);
    }
    const invite = await server.api(admin, 'POST', '/api/documents/d66-cda/people', {
      name: 'Spion',
      party: 'D66',
      role: 'negotiator',
    });
    expect(invite.status).toBe(403);
  });
});

describe('POST /api/imports then POST /api/documents', () => {
  it('makes a negotiation of the importer output as it comes', async () => {
    const form = new FormData();
    const bytes = readFileSync(new URL('../../fixtures/agendas/d66-cda.docx', import.meta.url));
    form.append('file', new Blob([new Uint8Array(bytes)]), 'd66-cda.docx');
    const parsed = await fetch(`${server.app.url}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    expect(parsed.status).toBe(200);
    const { agenda: imported } = (await parsed.json()) as any;
    const res = await server.api(admin, 'POST', '/api/documents', {
      id: 'd66-cda-word',
      title: imported.title,
      agenda: imported,
    });
    expect(res.status).toBe(201);
    const counts = await server.api(tokenOf(res.body.chair.url), 'GET', '/api/documents/d66-cda-word');
    expect(counts.body.counts).toMatchObject({ chapters: 6, measures: 124 });
  });
});
