import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAgenda } from '../../server/documents/import.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, synced } from '../helpers/clients.js';
import { mentionsIn } from '../../shared/notifications/mentions.js';
import { NOTIFICATIONS_MAP, type PersonalNotification } from '../../shared/notifications/types.js';

const sample = agenda({
  WONEN: { 'Meer bouwen': ['We bouwen jaarlijks 100.000 woningen.', 'Minder regels voor optoppen.'] },
});
const DOC = '/api/documents/test';

let server: TestServer;
let chair: Invited;
let d66: Invited;
let d66b: Invited;
let cda: Invited;
let cda2: Invited;
let vvd: Invited;
const clients: ReturnType<typeof connectClient>[] = [];

beforeEach(async () => {
  server = await startTestServer({ seed: (store) => importAgenda(store, { id: 'test', agenda: sample }) });
  chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne de Vries' });
  d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk Bakker' });
  d66b = await server.invite({ party: 'D66', role: 'reviewer', name: 'Daan Bos' });
  cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla Jansen' });
  cda2 = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Cor Jansen' });
  vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vera Smit' });
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

const inbox = async (who: Invited): Promise<{ notifications: PersonalNotification[]; unread: number }> =>
  ok(who, 'GET', `${DOC}/notifications`);
const reasons = async (who: Invited) =>
  (await inbox(who)).notifications.map((n) => `${n.reason}:${n.subject.kind}`);

function comment(who: Invited, text: string, audience: 'everyone' | 'party' = 'everyone') {
  return ok(who, 'POST', `${DOC}/comments`, { measure: 'm-1-1-1', quote: 'woningen', audience, text });
}

describe('notifications', () => {
  it('tells a mentioned party and a mentioned person, and those who wrote in a thread of a reply', async () => {
    const thread = await comment(d66, '@CDA wat vinden jullie hiervan?');
    expect(await reasons(cda)).toEqual(['mention:comment']);
    expect(await reasons(cda2)).toEqual(['mention:comment']);
    expect(await reasons(vvd)).toEqual([]);
    expect(await reasons(d66)).toEqual([]); // not of one's own doing
    const [n] = (await inbox(cda)).notifications;
    expect(n).toMatchObject({
      read: false,
      actor: { name: 'Dirk Bakker', party: 'D66' },
      subject: {
        kind: 'comment',
        threadId: thread.id,
        measureId: 'm-1-1-1',
        excerpt: '@CDA wat vinden jullie hiervan?',
      },
    });

    await ok(cda, 'POST', `${DOC}/comments/${thread.id}/messages`, {
      text: 'Eens, mits @carla jansen akkoord is.',
    });
    expect(await reasons(d66)).toEqual(['reply:comment']);
    // A person mentioned by name (whatever the case), not the other members of the party.
    expect(await reasons(cda)).toEqual(['mention:comment']); // Carla wrote it herself: only the first one
    await ok(vvd, 'POST', `${DOC}/comments/${thread.id}/messages`, {
      text: 'Vraag aan @Carla Jansen: wanneer?',
    });
    expect((await reasons(cda)).slice(0, 1)).toEqual(['mention:comment']);
    expect((await inbox(cda)).notifications[0]!.actor!.name).toBe('Vera Smit');
    expect((await reasons(cda2)).length).toBe(1);
    expect(await reasons(d66)).toEqual(['reply:comment', 'reply:comment']);
  });

  it('keeps a party thread within the party: other parties are never told, not even when mentioned', async () => {
    await comment(d66, 'Intern: @CDA gaat hier nooit mee akkoord, @Daan Bos kijk jij?', 'party');
    expect(await reasons(cda)).toEqual([]);
    expect(await reasons(d66b)).toEqual(['mention:comment']);
    const [n] = (await inbox(d66b)).notifications;
    expect(n!.party).toBe('D66');
    // Live in the D66 room only, not in the meta room everyone reads.
    const meta = connectClient(server.wsUrl, 'test/meta', { token: cda.token });
    const room = connectClient(server.wsUrl, 'test/party/D66', { token: d66b.token });
    clients.push(meta, room);
    await Promise.all([synced(meta.provider), synced(room.provider)]);
    expect(meta.doc.getMap(NOTIFICATIONS_MAP).size).toBe(0);
    expect([...room.doc.getMap(NOTIFICATIONS_MAP).keys()]).toEqual([n!.id]);
  });

  it('tells a party of positions and decisions on its amendments, and everyone of drafting, live through the meta room', async () => {
    const meta = connectClient(server.wsUrl, 'test/meta', { token: d66.token });
    clients.push(meta);
    await synced(meta.provider);
    const draft = await ok(d66, 'POST', `${DOC}/amendments`, {
      measure: 'm-1-1-2',
      kind: 'replace',
      text: 'Geen regels.',
      rationale: '',
    });
    await ok(d66, 'POST', `${DOC}/amendments/${draft.id}/submit`);
    await ok(cda, 'PUT', `${DOC}/amendments/${draft.id}/positions/CDA`, { position: 'oppose' });
    await ok(d66, 'PUT', `${DOC}/amendments/${draft.id}/positions/D66`, { position: 'support' }); // its own: no news
    await ok(chair, 'POST', `${DOC}/amendments/${draft.id}/reject`);
    expect(await reasons(d66)).toEqual(['decision:decision', 'position:position']);
    expect((await inbox(d66)).notifications[1]!.subject).toMatchObject({
      party: 'CDA',
      position: 'oppose',
      owner: 'D66',
    });
    expect(await reasons(cda)).toEqual([]);
    await eventually(() => meta.doc.getMap(NOTIFICATIONS_MAP).size === 2);

    await ok(chair, 'PUT', `${DOC}/drafting`, { mode: 'open' });
    await ok(chair, 'PUT', `${DOC}/drafting`, { mode: 'open' }); // no change, no news
    for (const who of [d66, cda, vvd]) expect((await reasons(who))[0]).toBe('drafting:drafting');
    expect(await reasons(chair)).toEqual([]);
    await eventually(() => meta.doc.getMap(NOTIFICATIONS_MAP).size === 3);
  });

  it('keeps what each person read: one by one, or all at once', async () => {
    await comment(d66, '@CDA eerste');
    await comment(d66, '@CDA tweede');
    const before = await inbox(cda);
    expect(before.unread).toBe(2);
    const answer = await ok(cda, 'POST', `${DOC}/notifications/read`, { ids: [before.notifications[0]!.id] });
    expect(answer.unread).toBe(1);
    expect((await inbox(cda2)).unread).toBe(2); // read per person
    await ok(cda, 'POST', `${DOC}/notifications/read`, {});
    expect((await inbox(cda)).unread).toBe(0);
    await comment(d66, '@CDA derde');
    expect((await inbox(cda)).unread).toBe(1);
    const bad = await server.api(cda.token, 'POST', `${DOC}/notifications/read`, { ids: 'alles' });
    expect(bad.status).toBe(400);
  });
});

describe('mentions', () => {
  it('finds parties by short name and people by full name, longest first, each once', () => {
    const people = [
      { id: 'p1', name: 'Jan' },
      { id: 'p2', name: 'Jan de Vries' },
    ];
    expect(
      mentionsIn(
        '@GL-PvdA en @jan de vries, @Jan, @CDA- @CDA @Onbekend @Janssen',
        ['GL-PvdA', 'CDA'],
        people,
      ),
    ).toEqual({
      parties: ['GL-PvdA', 'CDA'],
      people: ['p2', 'p1'],
    });
  });
});
