import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, measureText, synced } from '../helpers/clients.js';
import { rawConnect, step1Message, type RawConnection } from '../helpers/raw.js';
import { CloseCode } from '../../shared/protocol/protocol.js';
import { THREADS_MAP } from '../../shared/comments/types.js';

const sample = agenda({
  WONEN: {
    'Vandaag: beter benutten': ['We bouwen meer woningen voor starters.', 'Minder regels voor optoppen.'],
  },
});
const M1 = 'm-1-1-1';
const M2 = 'm-1-1-2';
const URL = '/api/documents/test/comments';

let server: TestServer;
let chair: string;
let d66: string;
let vvd: string;
const closers: (() => void)[] = [];

beforeEach(async () => {
  server = await startTestServer({ seed: (store) => importAgenda(store, { id: 'test', agenda: sample }) });
  chair = (await server.invite({ party: 'SEC', role: 'chair', name: 'Anne' })).token;
  d66 = (await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk' })).token;
  vvd = (await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vera' })).token;
});

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server.stop();
});

function client(room: string, token: string) {
  const c = connectClient(server.wsUrl, room, { token });
  closers.push(() => c.provider.destroy());
  return c;
}

async function raw(room: string, token: string): Promise<RawConnection> {
  const conn = await rawConnect(`${server.wsUrl}/${room}?token=${token}`);
  closers.push(() => conn.ws.close());
  conn.send(step1Message(new Y.Doc()));
  return conn;
}

const bytesOf = (conn: RawConnection) => Buffer.concat(conn.received.map((b) => Buffer.from(b)));

describe('the comments API', () => {
  it('starts a thread for everyone on the first occurrence of the quote and shows it to every party, live in the meta room', async () => {
    const meta = client('test/meta', vvd);
    await synced(meta.provider);
    const created = await server.api(d66, 'POST', URL, {
      measure: M1,
      quote: 'meer woningen',
      audience: 'everyone',
      text: 'Hoeveel precies? @VVD',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      audience: 'everyone',
      party: 'D66',
      status: 'open',
      detached: false,
      anchor: { measureId: M1, quote: 'meer woningen', current: 'meer woningen' },
      messages: [{ text: 'Hoeveel precies? @VVD', author: { name: 'Dirk', party: 'D66' } }],
    });
    const seen = await server.api(vvd, 'GET', URL);
    expect(seen.body.map((t: any) => t.id)).toEqual([created.body.id]);
    await eventually(() => meta.doc.getMap(THREADS_MAP).has(created.body.id));
    expect((meta.doc.getMap(THREADS_MAP).get(created.body.id) as any).anchor.quote).toBe('meer woningen');
  });

  it('answers 400 with a sentence when the quote is not in the measure', async () => {
    const res = await server.api(d66, 'POST', URL, {
      measure: M2,
      quote: 'meer woningen',
      audience: 'everyone',
      text: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('De tekst "meer woningen" staat niet in maatregel m-1-1-2.');
    expect(
      (await server.api(d66, 'POST', URL, { measure: 'm-x', quote: 'a', audience: 'everyone', text: 'x' }))
        .status,
    ).toBe(404);
  });

  it('never sends a party thread to another party: not over HTTP, not a byte over its connections', async () => {
    const SECRET = 'GEHEIM-D66-onderhandelruimte-7f3a';
    // VVD listens on every room it may open, from before the thread exists.
    const vvdText = await raw('test', vvd);
    const vvdMeta = await raw('test/meta', vvd);
    const vvdParty = await raw('test/party/VVD', vvd);
    const d66Party = await raw('test/party/D66', d66);
    const intruder = await rawConnect(`${server.wsUrl}/test/party/D66?token=${vvd}`);
    expect((await intruder.closed).code).toBe(CloseCode.forbidden);

    const created = await server.api(d66, 'POST', URL, {
      measure: M1,
      quote: 'voor starters',
      audience: 'party',
      text: SECRET,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ audience: 'party', party: 'D66' });
    await server.api(d66, 'POST', `${URL}/${created.body.id}/messages`, { text: `${SECRET} (2)` });
    await server.api(d66, 'POST', URL, {
      measure: M1,
      quote: 'We bouwen',
      audience: 'everyone',
      text: 'Voor iedereen.',
    });

    // The positive control: the bytes do carry the secret where they should.
    await eventually(() => bytesOf(d66Party).includes(`${SECRET} (2)`));
    await eventually(() => bytesOf(vvdMeta).includes('Voor iedereen.'));
    for (const conn of [vvdText, vvdMeta, vvdParty, intruder]) {
      expect(bytesOf(conn).includes(SECRET)).toBe(false);
      expect(bytesOf(conn).includes(created.body.id)).toBe(false);
    }
    const vvdList = await server.api(vvd, 'GET', URL);
    expect(vvdList.body.map((t: any) => t.audience)).toEqual(['everyone']);
    expect((await server.api(vvd, 'GET', `${URL}/${created.body.id}`)).status).toBe(404);
    expect(
      (await server.api(vvd, 'POST', `${URL}/${created.body.id}/messages`, { text: 'hallo' })).status,
    ).toBe(404);
    const d66List = await server.api(d66, 'GET', URL);
    expect(d66List.body.map((t: any) => t.audience).sort()).toEqual(['everyone', 'party']);
  });

  it('refuses party threads that a member writes into the party room directly: only the API makes them', async () => {
    const mine = await server.api(d66, 'POST', URL, {
      measure: M1,
      quote: 'We bouwen',
      audience: 'party',
      text: 'eerste',
    });
    const room = client('test/party/D66', d66);
    await synced(room.provider);
    const closed = new Promise<number>((resolve) =>
      room.provider.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
    );
    const map = room.doc.getMap<any>(THREADS_MAP);
    const copy = {
      ...map.get(mine.body.id),
      id: 't-direct',
      messages: [{ ...map.get(mine.body.id).messages[0], text: 'direct' }],
    };
    map.set('t-direct', copy);
    expect(await closed).toBe(CloseCode.refused);
    expect(
      server.app.ctx.rooms.peek('test/party/D66')?.doc.getMap(THREADS_MAP).has('t-direct') ?? false,
    ).toBe(false);
    const list = await server.api(d66, 'GET', URL);
    expect(list.body.map((t: any) => t.messages[0].text)).toEqual(['eerste']);
  });

  it('lets reviewers comment and refuses observers', async () => {
    const reviewer = (await server.invite({ party: 'CDA', role: 'reviewer' })).token;
    const observer = (await server.invite({ party: 'CDA', role: 'observer' })).token;
    const body = { measure: M2, quote: 'optoppen', audience: 'everyone', text: 'Waarom?' };
    expect((await server.api(reviewer, 'POST', URL, body)).status).toBe(201);
    const refused = await server.api(observer, 'POST', URL, body);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain('observer');
    expect((await server.api(observer, 'GET', URL)).body).toHaveLength(1);
    expect((await server.api(null, 'GET', URL)).status).toBe(401);
  });

  it('replies, edits and deletes one’s own messages only, resolves and reopens, and filters', async () => {
    const t = (
      await server.api(d66, 'POST', URL, {
        measure: M1,
        quote: 'meer woningen',
        audience: 'everyone',
        text: 'Vraag',
      })
    ).body;
    const other = (
      await server.api(chair, 'POST', URL, {
        measure: M2,
        quote: 'Minder regels',
        audience: 'everyone',
        text: 'Ok',
      })
    ).body;
    const replied = await server.api(vvd, 'POST', `${URL}/${t.id}/messages`, { text: 'Antwoord' });
    expect(replied.status).toBe(201);
    const [first, reply] = replied.body.messages;
    expect(
      (await server.api(vvd, 'PUT', `${URL}/${t.id}/messages/${first.id}`, { text: 'gekaapt' })).status,
    ).toBe(403);
    const edited = await server.api(vvd, 'PUT', `${URL}/${t.id}/messages/${reply.id}`, {
      text: 'Beter antwoord',
    });
    expect(edited.body.messages[1]).toMatchObject({ text: 'Beter antwoord', editedAt: expect.any(String) });
    expect((await server.api(d66, 'DELETE', `${URL}/${t.id}/messages/${reply.id}`)).status).toBe(403);
    expect(
      (await server.api(vvd, 'DELETE', `${URL}/${t.id}/messages/${reply.id}`)).body.messages,
    ).toHaveLength(1);

    const resolved = await server.api(vvd, 'POST', `${URL}/${t.id}/resolve`);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolved: { by: { name: 'Vera' } } });
    expect((await server.api(vvd, 'POST', `${URL}/${t.id}/resolve`)).status).toBe(409);
    expect((await server.api(chair, 'GET', `${URL}?status=resolved`)).body.map((x: any) => x.id)).toEqual([
      t.id,
    ]);
    expect((await server.api(chair, 'GET', `${URL}?status=open`)).body.map((x: any) => x.id)).toEqual([
      other.id,
    ]);
    expect((await server.api(chair, 'GET', `${URL}?measure=${M2}`)).body.map((x: any) => x.id)).toEqual([
      other.id,
    ]);
    expect((await server.api(d66, 'POST', `${URL}/${t.id}/reopen`)).body.status).toBe('open');

    // Deleting the last message deletes the thread, in the database and in the meta room.
    expect((await server.api(d66, 'DELETE', `${URL}/${t.id}/messages/${first.id}`)).status).toBe(204);
    expect((await server.api(d66, 'GET', `${URL}/${t.id}`)).status).toBe(404);
    const meta = client('test/meta', chair);
    await synced(meta.provider);
    expect([...meta.doc.getMap(THREADS_MAP).keys()]).toEqual([other.id]);
  });

  it('follows its words through live edits, says detached when they are deleted, and can be re-attached', async () => {
    const t = (
      await server.api(d66, 'POST', URL, {
        measure: M1,
        quote: 'meer woningen',
        audience: 'everyone',
        text: 'Vraag',
      })
    ).body;
    const editor = client('test', chair);
    await synced(editor.provider);
    const text = measureText(editor.fragment, M1);
    text.insert(0, 'Samen: ');
    text.insert(text.length, ' Snel.');
    await waitFor(
      () => server.api(chair, 'GET', '/api/documents/test/measures'),
      (r) => r.body[0].current === 'Samen: We bouwen meer woningen voor starters. Snel.',
    );
    const view = (await server.api(d66, 'GET', `${URL}/${t.id}`)).body;
    expect(view).toMatchObject({ detached: false, anchor: { measureId: M1, current: 'meer woningen' } });

    const at = text.toString().indexOf('meer woningen');
    text.delete(at, 'meer woningen'.length);
    const detached = await waitFor(
      () => server.api(d66, 'GET', `${URL}/${t.id}`),
      (r) => r.body.detached === true,
    );
    expect(detached.body.anchor).toEqual({ measureId: M1, quote: 'meer woningen', current: null });

    const again = await server.api(d66, 'PUT', `${URL}/${t.id}/anchor`, { measure: M2, quote: 'optoppen' });
    expect(again.body).toMatchObject({
      detached: false,
      anchor: { measureId: M2, quote: 'optoppen', current: 'optoppen' },
    });
  });

  it('keeps threads for everyone in the database across a restart, and the meta room in step with it', async () => {
    const t = (
      await server.api(d66, 'POST', URL, {
        measure: M1,
        quote: 'meer woningen',
        audience: 'everyone',
        text: 'Vraag',
      })
    ).body;
    // The meta room lost its copy (say, the server stopped between the database and the room).
    server.store.db.prepare("DELETE FROM updates WHERE room = 'test/meta'").run();
    server = await server.restart();
    expect((await server.api(d66, 'GET', URL)).body.map((x: any) => x.id)).toEqual([t.id]);
    const meta = client('test/meta', d66);
    await synced(meta.provider);
    expect(meta.doc.getMap(THREADS_MAP).has(t.id)).toBe(true);
  });
});

async function waitFor<T>(get: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await get();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}
