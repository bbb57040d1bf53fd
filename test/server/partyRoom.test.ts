import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importAgenda } from '../../server/documents/import.js';
import { CloseCode } from '../../shared/protocol/protocol.js';
import { THREADS_MAP } from '../../shared/comments/types.js';
import { PARTY_DRAFTS } from '../../shared/amendments/types.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type Invited, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, synced } from '../helpers/clients.js';
import { attacker } from '../helpers/attack.js';
import { measureNoteKey } from '../../shared/notes/measureNotes.js';

/**
 * A party room holds what a party's negotiators type (notes, the text and rationale of drafts) and what the
 * server writes after an API check (drafts' fields and authors, party threads). A modified client that
 * writes the server's part is refused, and a colleague never receives it.
 */
const seed = (store: Parameters<typeof importAgenda>[0]) =>
  importAgenda(store, { id: 'test', agenda: agenda({ WONEN: { Vandaag: ['Meer bouwen.'] } }) });
const ROOM = 'test/party/CDA';
const API = '/api/documents/test';

let server: TestServer;
let forger: Invited;
let colleague: Invited;
let observer: Invited;
let markers = 0;
const open: { provider: { destroy(): void } }[] = [];

beforeEach(async () => {
  server = await startTestServer({ seed });
  forger = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Vervalser' });
  colleague = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Collega' });
  observer = await server.invite({ party: 'JA21', role: 'observer', name: 'Waarnemer' });
});
afterEach(async () => {
  for (const c of open.splice(0)) c.provider.destroy();
  await server?.stop();
});

function member(who: Invited) {
  const c = connectClient(server.wsUrl, ROOM, { token: who.token });
  open.push(c);
  return c;
}

/** Sends a forged change to the party room and shows it was refused and never reached the colleague. */
async function refusedInPartyRoom(change: (doc: Y.Doc) => void) {
  const watcher = member(colleague);
  const writer = member(colleague);
  await Promise.all([synced(watcher.provider), synced(writer.provider)]);
  const before = JSON.stringify(watcher.doc.toJSON());
  const evil = await attacker(server.wsUrl, ROOM, forger.token);
  evil.send(change);
  const closed = await evil.raw.closed;
  expect(closed.code).toBe(CloseCode.refused);
  const mark = `merkteken ${++markers}`;
  writer.doc.getText('notes').insert(0, mark);
  await eventually(() => watcher.doc.getText('notes').toString().startsWith(mark));
  const seen = watcher.doc.toJSON() as Record<string, unknown>;
  const expected = JSON.parse(before) as Record<string, unknown>;
  expect({ ...seen, notes: '' }).toEqual({ ...expected, notes: '' });
}

async function threadOfColleague(): Promise<{ id: string }> {
  const res = await server.api(colleague.token, 'POST', `${API}/comments`, {
    audience: 'party',
    measure: 'm-1-1-1',
    quote: 'bouwen',
    text: 'Alleen voor CDA.',
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

describe('what a client may write in its party room', () => {
  it('refuses a forged message in a party thread, and the colleague never sees it', async () => {
    await refusedInPartyRoom((doc) => {
      doc.getMap(THREADS_MAP).set('t-vals', {
        id: 't-vals',
        documentId: 'test',
        audience: 'party',
        party: 'CDA',
        messages: [
          {
            id: 'x',
            author: { personId: colleague.personId, name: 'Collega', party: 'CDA' },
            text: 'Ik stem in.',
          },
        ],
      });
    });
  });

  it('refuses rewriting a party thread the server wrote', async () => {
    const thread = await threadOfColleague();
    await refusedInPartyRoom((doc) => {
      const stored = doc.getMap(THREADS_MAP).get(thread.id) as { messages: { text: string }[] } | undefined;
      expect(stored).toBeDefined();
      doc
        .getMap(THREADS_MAP)
        .set(thread.id, { ...stored, messages: [{ ...stored!.messages[0], text: 'Vervalst.' }] });
    });
  });

  it("refuses setting a draft's authors or other fields, which the API then never reports", async () => {
    const draft = await server.api(forger.token, 'POST', `${API}/amendments`, {
      measure: 'm-1-1-1',
      kind: 'replace',
      rationale: 'Waarom.',
    });
    expect(draft.status).toBe(201);
    await refusedInPartyRoom((doc) => {
      const entry = doc.getMap(PARTY_DRAFTS).get(draft.body.id) as Y.Map<unknown>;
      (entry.get('authors') as Y.Array<string>).push([observer.personId]);
    });
    await refusedInPartyRoom((doc) => {
      const entry = doc.getMap(PARTY_DRAFTS).get(draft.body.id) as Y.Map<unknown>;
      entry.set('measureId', 'm-9-9-9');
    });
    await refusedInPartyRoom((doc) => doc.getMap(PARTY_DRAFTS).set('a-vals', new Y.Map()));
    const got = await server.api(forger.token, 'GET', `${API}/amendments/${draft.body.id}`);
    expect(got.body.authors).toEqual([forger.personId]);
    expect(got.body.measureId).toBe('m-1-1-1');
  });

  it('accepts notes and draft texts, and the server adds whoever typed in a draft to its authors', async () => {
    const draft = await server.api(forger.token, 'POST', `${API}/amendments`, {
      measure: 'm-1-1-1',
      kind: 'replace',
      rationale: 'Waarom.',
    });
    const writer = member(colleague);
    await synced(writer.provider);
    const entry = writer.doc.getMap(PARTY_DRAFTS).get(draft.body.id) as Y.Map<unknown>;
    (entry.get('rationale') as Y.Text).insert(0, 'Daarom. ');
    writer.doc.getText('notes').insert(0, 'Onze lijn.');
    await eventually(() => (entry.get('authors') as Y.Array<string>).toArray().includes(colleague.personId));
    const got = await server.api(forger.token, 'GET', `${API}/amendments/${draft.body.id}`);
    expect(got.body.rationale).toBe('Daarom. Waarom.');
    expect(got.body.authors).toEqual([forger.personId, colleague.personId]);
  });

  it("accepts a party's note on a measure, typed by two members at once, and shows it to no other party", async () => {
    const one = member(forger);
    const two = member(colleague);
    await Promise.all([synced(one.provider), synced(two.provider)]);
    one.doc.getText(measureNoteKey('m-1-1-1')).insert(0, 'Vasthouden. ');
    two.doc.getText(measureNoteKey('m-1-1-1')).insert(0, 'Ruilen tegen 2.1. ');
    const both = (doc: Y.Doc) => {
      const note = doc.getText(measureNoteKey('m-1-1-1')).toString();
      return note.includes('Vasthouden.') && note.includes('Ruilen tegen 2.1.');
    };
    await eventually(() => both(one.doc) && both(two.doc));
    // Another party's negotiator cannot open this room at all (test/server/access.test.ts), and reads nothing
    // of it in their own.
    const vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'VVD' });
    const theirs = connectClient(server.wsUrl, 'test/party/VVD', { token: vvd.token });
    open.push(theirs);
    await synced(theirs.provider);
    expect(theirs.doc.getText(measureNoteKey('m-1-1-1')).toString()).toBe('');
  });

  it('refuses a measure note under a name that is no measure id, or formatted text in it', async () => {
    await refusedInPartyRoom((doc) => doc.getText('measureNote:<script>').insert(0, 'x'));
    await refusedInPartyRoom((doc) => doc.getText('elders').insert(0, 'x'));
    await refusedInPartyRoom((doc) =>
      doc.getText(measureNoteKey('m-1-1-1')).insert(0, 'vet', { bold: true }),
    );
  });
});
