import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Amendment } from '../../shared/amendments/types.js';
import type { Thread } from '../../shared/comments/types.js';
import type { Notification } from '../../shared/notifications/types.js';
import { importAgenda } from '../../server/documents/import.js';
import type { Storage } from '../../server/storage/storage.js';
import { agenda } from '../helpers/agenda.js';
import { STORES, type OpenedStore } from '../helpers/stores.js';

/**
 * The repository suite: the same behaviour from every store, SQLite and PostgreSQL, each opened fresh (and
 * migrated from empty) for every test.
 */
describe.each(STORES)('the $name store', (kind) => {
  let opened: OpenedStore;
  let s: Storage;
  beforeEach(async () => {
    opened = await kind.open();
    s = opened.storage;
  });
  afterEach(async () => {
    await opened.dispose();
  });

  const sample = agenda({ WONEN: { Bouwen: ['Meer bouwen.', 'Minder regels.'] } });
  const bytes = (...b: number[]) => new Uint8Array(b);

  describe('documents and the update log', () => {
    it('stores a document with its baseline and first update, and lists it', async () => {
      await importAgenda(s.store, { id: 'doc', agenda: sample });
      expect(await s.store.listDocuments()).toEqual([
        { id: 'doc', title: 'Testagenda', createdAt: expect.any(String) },
      ]);
      expect((await s.store.getBaseline('doc'))?.chapters[0]?.title).toBe('WONEN');
      expect(await s.store.getDocument('nope')).toBeNull();
      expect(await s.store.countUpdates('doc')).toBe(1);
    });

    it('refuses a second document of the same id unless it replaces it', async () => {
      await importAgenda(s.store, { id: 'doc', agenda: sample });
      await expect(importAgenda(s.store, { id: 'doc', agenda: sample })).rejects.toThrow(/bestaat al/);
      await s.store.appendUpdate('doc/meta', bytes(1), { personId: null });
      await importAgenda(s.store, { id: 'doc', agenda: sample, replace: true });
      expect(await s.store.countUpdates('doc/meta')).toBe(0);
      expect(await s.store.countUpdates('doc')).toBe(1);
    });

    it('appends updates in order, tells when the last was stored, and compacts keeping later ones', async () => {
      expect(await s.store.lastUpdateAt('r')).toBeNull();
      for (const b of [1, 2, 3]) await s.store.appendUpdate('r', bytes(b), { personId: null });
      expect(await s.store.fetchUpdates('r')).toEqual([bytes(1), bytes(2), bytes(3)]);
      expect(await s.store.lastUpdateAt('r')).toMatch(/^\d{4}-\d\d-\d\dT/);
      const [, second, third] = await s.store.fetchLog('r', 0);
      const merged = await s.store.compact('r', bytes(9), second!.seq);
      expect(merged).toEqual({ seq: expect.any(Number), prev: third!.seq });
      expect(merged!.seq).toBeGreaterThan(third!.seq);
      expect(await s.store.fetchUpdates('r')).toEqual([bytes(3), bytes(9)]);
      // Nothing left up to that seq: nothing to replace.
      expect(await s.store.compact('r', bytes(8), second!.seq)).toBeNull();
      expect(await s.store.fetchUpdates('r')).toEqual([bytes(3), bytes(9)]);
      expect(await s.audit.verify()).toEqual([]);
    });

    it('tells where each append landed after the room’s previous one, and reads the log after a seq', async () => {
      const one = await s.store.appendUpdate('r', bytes(1), { personId: null });
      await s.store.appendUpdate('other', bytes(5), { personId: null });
      const [two, three] = await s.store.appendUpdates('r', [
        { update: bytes(2), meta: { personId: null } },
        { update: bytes(3), meta: { personId: null } },
      ]);
      expect(one.prev).toBe(0);
      expect(two!.prev).toBe(one.seq);
      expect(three!.prev).toBe(two!.seq);
      expect(three!.seq).toBeGreaterThan(two!.seq);
      expect(await s.store.fetchLog('r', 0)).toEqual([
        { seq: one.seq, data: bytes(1) },
        { seq: two!.seq, data: bytes(2) },
        { seq: three!.seq, data: bytes(3) },
      ]);
      expect(await s.store.fetchLog('r', two!.seq)).toEqual([{ seq: three!.seq, data: bytes(3) }]);
      expect(await s.store.fetchLog('r', three!.seq)).toEqual([]);
    });

    it('chains one room’s appends by prev in commit order with two handles writing at once', async () => {
      const other = await opened.another();
      const appended = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 ? other : s).store.appendUpdates('r', [
            { update: bytes(i), meta: { personId: null } },
            { update: bytes(100 + i), meta: { personId: null } },
          ]),
        ),
      );
      const bySeq = appended.flat().sort((a, b) => a.seq - b.seq);
      // Each append names the one stored just before it in the room: no two claim the same, none is skipped.
      bySeq.forEach((a, i) => expect(a.prev).toBe(i === 0 ? 0 : bySeq[i - 1]!.seq));
      expect((await other.store.fetchLog('r', 0)).map((u) => u.seq)).toEqual(bySeq.map((a) => a.seq));
      expect(await s.audit.verify()).toEqual([]);
    });

    it('stores several updates of a room in order in one go, each with its audit entry', async () => {
      await s.store.appendUpdate('r', bytes(1), { personId: null });
      await s.store.appendUpdates('r', [
        { update: bytes(2), meta: { personId: null, measureIds: ['m-2'] } },
        { update: bytes(3), meta: { personId: null, measureIds: ['m-3'] } },
      ]);
      expect(await s.store.fetchUpdates('r')).toEqual([bytes(1), bytes(2), bytes(3)]);
      expect((await s.audit.forMeasure('r', 'm-3')).map((e) => e.updateSeq)).toEqual([3]);
      expect(await s.audit.verify()).toEqual([]);
    });

    it('keeps the audit chain whole with many writers at once', async () => {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          s.store.appendUpdate(`room-${i % 4}`, bytes(i), { personId: null, measureIds: [`m-${i}`] }),
        ),
      );
      expect(await s.audit.verify()).toEqual([]);
      expect(await s.store.countUpdates('room-0')).toBe(10);
    });
  });

  describe('the audit log', () => {
    it('records who changed a measure, with names as they were, and finds the latest import', async () => {
      await importAgenda(s.store, { id: 'doc', agenda: sample });
      const anna = await s.people.invite({
        documentId: 'doc',
        name: 'Anna',
        party: 'D66',
        role: 'negotiator',
        expiresAt: null,
      });
      await s.store.appendUpdate('doc', bytes(1), { personId: anna.id, measureIds: ['m-1'] });
      const until = new Date().toISOString();
      // Later changes carry a later time than `until` (the clock moves on by a millisecond first).
      while (new Date().toISOString() <= until) await new Promise((r) => setTimeout(r, 1));
      await s.store.appendUpdate('doc', bytes(2), {
        personId: null,
        personName: 'Bob',
        party: 'CDA',
        measureIds: ['m-1'],
      });
      const history = await s.audit.forMeasure('doc', 'm-1');
      expect(history.map((e) => e.personName)).toEqual(['Bob', 'Anna']);
      expect(history[1]).toMatchObject({ party: 'D66', kind: 'update', room: 'doc', measureIds: ['m-1'] });
      // Bob's change came from no person (a server write in his name): Anna's is the last person's change.
      expect((await s.audit.lastChanges('doc')).map((c) => c.personName)).toEqual(['Anna']);
      await s.store.appendUpdate('doc', bytes(3), { personId: anna.id, measureIds: ['m-2'] });
      expect((await s.audit.lastChanges('doc')).map((c) => [c.measureId, c.personName])).toEqual([
        ['m-1', 'Anna'],
        ['m-2', 'Anna'],
      ]);
      expect((await s.audit.lastChanges('doc', until)).map((c) => c.measureId)).toEqual(['m-1']);
      expect(await s.audit.lastImport('doc')).toBe(1);
      await s.audit.removeDocument('doc');
      expect(await s.audit.forMeasure('doc', 'm-1')).toEqual([]);
      expect(await s.audit.verify()).toEqual([]);
    });
  });

  describe('people, parties and administrators', () => {
    it('invites, finds, lists and revokes people; keeps parties and the drafting mode', async () => {
      await s.people.ensureDefaultParties('doc');
      await s.people.ensureDefaultParties('doc');
      const parties = await s.people.parties('doc');
      expect(parties.map((p) => p.short)).toContain('D66');
      expect(new Set(parties.map((p) => p.short)).size).toBe(parties.length);
      expect(await s.people.updateParty('doc', { short: 'D66', name: 'Democraten', color: '#00ff00' })).toBe(
        true,
      );
      expect(await s.people.party('doc', 'D66')).toEqual({
        short: 'D66',
        name: 'Democraten',
        color: '#00ff00',
      });
      expect(await s.people.updateParty('doc', { short: 'XYZ', name: 'X', color: '#000000' })).toBe(false);
      const person = await s.people.invite({
        documentId: 'doc',
        name: 'Dilan',
        party: 'VVD',
        role: 'negotiator',
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      expect(await s.people.person(person.id)).toEqual(person);
      expect((await s.people.people('doc')).map((p) => p.name)).toEqual(['Dilan']);
      expect(s.people.isActive(person)).toBe(true);
      expect(await s.people.revoke(person.id)).toBe(true);
      expect(await s.people.revoke(person.id)).toBe(false);
      expect(s.people.isActive((await s.people.person(person.id))!)).toBe(false);
      expect(await s.people.drafting('doc')).toBe('closed');
      await s.people.setDrafting('doc', 'open');
      expect(await s.people.drafting('doc')).toBe('open');
    });

    it('adds and revokes administrators', async () => {
      const admin = await s.administrators.add('Beheer');
      expect(await s.administrators.administrator(admin.id)).toEqual(admin);
      expect((await s.administrators.administrators()).map((a) => a.name)).toEqual(['Beheer']);
      expect(await s.administrators.revoke(admin.id)).toBe(true);
      expect((await s.administrators.administrator(admin.id))?.revokedAt).not.toBeNull();
    });
  });

  describe('sessions', () => {
    it('finds, touches forward only, counts and deletes sessions', async () => {
      const t0 = new Date('2026-03-01T10:00:00Z');
      await s.sessions.insert('h1', 'p1', t0);
      await s.sessions.insert('h2', 'p1', t0);
      await s.sessions.touch('h1', new Date('2026-03-01T11:00:00Z'));
      await s.sessions.touch('h1', new Date('2026-03-01T10:30:00Z'));
      expect(await s.sessions.find('h1')).toEqual({ personId: 'p1', lastSeenAt: '2026-03-01T11:00:00.000Z' });
      expect(await s.sessions.countPerson('p1')).toBe(2);
      expect(await s.sessions.deleteIdle(new Date('2026-03-01T10:45:00Z'))).toBe(1);
      expect(await s.sessions.delete('h1')).toBe(true);
      expect(await s.sessions.find('h1')).toBeNull();
      await s.sessions.insert('h3', 'p2', t0);
      expect(await s.sessions.deletePerson('p2')).toBe(1);
    });
  });

  describe('amendments', () => {
    const amendment = (id: string, number: string, over: Partial<Amendment> = {}): Amendment => ({
      id,
      number,
      documentId: 'doc',
      measureId: 'm-1',
      kind: 'replace',
      text: 'Nieuwe tekst.',
      rationale: 'Waarom.',
      party: 'D66',
      authors: ['p1'],
      status: 'submitted',
      baseText: 'Oude tekst.',
      group: null,
      positions: {},
      createdAt: '2026-03-01T10:00:00.000Z',
      submittedAt: '2026-03-01T10:00:00.000Z',
      decidedAt: null,
      decidedBy: null,
      parent: null,
      decision: null,
      ...over,
    });

    it('numbers, stores, lists and filters amendments with their positions', async () => {
      expect(await s.amendments.nextSeq('doc')).toBe(1);
      expect(await s.amendments.nextSeq('doc')).toBe(2);
      await s.amendments.insert(amendment('a1', 'A-1'), 1);
      await s.amendments.insert(amendment('a2', 'A-2', { party: 'CDA', status: 'draft' }), 2);
      await s.amendments.insert(amendment('a11', 'A-1.1', { parent: 'a1' }), 1.001);
      await s.amendments.setPosition('doc', 'a1', 'CDA', {
        position: 'support',
        note: null,
        by: 'p2',
        at: 'x',
      });
      expect((await s.amendments.get('doc', 'a1'))?.positions).toEqual({
        CDA: { position: 'support', note: null, by: 'p2', at: 'x' },
      });
      expect((await s.amendments.list('doc', { draftsOf: null })).map((a) => a.number)).toEqual([
        'A-1',
        'A-1.1',
      ]);
      expect((await s.amendments.list('doc', { draftsOf: 'CDA' })).map((a) => a.number)).toEqual([
        'A-1',
        'A-1.1',
        'A-2',
      ]);
      expect((await s.amendments.subAmendments('doc', 'a1')).map((a) => a.id)).toEqual(['a11']);
      expect(await s.amendments.nextSubSeq('doc', 'a1')).toBe(1);
      expect((await s.amendments.pending('doc')).map((a) => a.id)).toEqual(['a1', 'a11']);
      expect(await s.amendments.hasId('a2')).toBe(true);
      const a1 = (await s.amendments.get('doc', 'a1'))!;
      await s.amendments.save({ ...a1, status: 'accepted', decidedBy: 'chair', decidedAt: 'y' });
      expect((await s.amendments.get('doc', 'a1'))?.status).toBe('accepted');
    });

    it('keeps measure positions, statuses, decisions and the secretariat setting', async () => {
      await s.amendments.setMeasurePosition('doc', 'm-1', 'D66', {
        position: 'oppose',
        note: 'n',
        by: 'p',
        at: 't',
      });
      expect(await s.amendments.measurePositions('doc', 'm-1')).toEqual({
        D66: { position: 'oppose', note: 'n', by: 'p', at: 't' },
      });
      expect(Object.keys(await s.amendments.allMeasurePositions('doc'))).toEqual(['m-1']);
      await s.amendments.setStatus('doc', 'm-1', { status: 'agreed', by: 'c', at: 't' });
      expect(await s.amendments.statuses('doc')).toEqual({ 'm-1': { status: 'agreed', by: 'c', at: 't' } });
      await s.amendments.recordDecision('doc', {
        amendmentId: 'a1',
        move: 'accept',
        note: null,
        detail: null,
        by: 'c',
        at: 't',
      });
      expect(await s.amendments.decisions('doc', 'a1')).toEqual([
        { amendmentId: 'a1', move: 'accept', note: null, detail: null, by: 'c', at: 't' },
      ]);
      expect(await s.amendments.secretariatIsParty('doc')).toBe(false);
      await s.amendments.setSecretariatIsParty('doc', true);
      expect(await s.amendments.secretariatIsParty('doc')).toBe(true);
      await s.amendments.removeDocument('doc');
      expect(await s.amendments.statuses('doc')).toEqual({});
      expect(await s.amendments.secretariatIsParty('doc')).toBe(false);
    });

    it('stores all of a transaction or, when it fails, none of it', async () => {
      await s.amendments.transaction(async () => {
        await s.amendments.insert(amendment('a1', 'A-1'), 1);
        await s.amendments.setStatus('doc', 'm-1', { status: 'agreed', by: 'c', at: 't' });
      });
      await expect(
        s.amendments.transaction(async () => {
          await s.amendments.insert(amendment('a2', 'A-2'), 2);
          throw new Error('halverwege');
        }),
      ).rejects.toThrow('halverwege');
      expect(await s.amendments.hasId('a1')).toBe(true);
      expect(await s.amendments.hasId('a2')).toBe(false);
    });
  });

  describe('comments', () => {
    const author = { personId: 'p1', name: 'Anna', party: 'D66' };
    const thread = (id: string, messages: string[]): Thread => ({
      id,
      documentId: 'doc',
      audience: 'everyone',
      party: 'D66',
      anchor: { measureId: 'm-1', quote: 'q', prefix: '', suffix: '', start: 's', end: 'e' },
      status: { kind: 'open' },
      createdAt: `2026-03-01T10:00:0${id.length}.000Z`,
      createdBy: author,
      messages: messages.map((text, i) => ({
        id: `${id}-${i}`,
        author,
        text,
        createdAt: 't',
        editedAt: null,
      })),
    });

    it('saves threads with their messages, lists, resolves and deletes them', async () => {
      await s.comments.save(thread('t1', ['Eerste', 'Tweede']));
      await s.comments.save(thread('t22', ['Ander']));
      await s.comments.save({
        ...thread('t1', ['Eerste']),
        status: { kind: 'resolved', by: author, at: 'later' },
      });
      const t1 = await s.comments.get('t1');
      expect(t1?.messages.map((m) => m.text)).toEqual(['Eerste']);
      expect(t1?.status).toEqual({ kind: 'resolved', by: author, at: 'later' });
      expect((await s.comments.list('doc')).map((t) => t.id)).toEqual(['t1', 't22']);
      await s.comments.delete('t22');
      expect(await s.comments.get('t22')).toBeNull();
      await s.comments.removeDocument('doc');
      expect(await s.comments.list('doc')).toEqual([]);
    });
  });

  describe('versions', () => {
    it('stores immutable versions, visits and the daily watch', async () => {
      const state = new Uint8Array([1, 2, 3]);
      const v = await s.versions.create({
        documentId: 'doc',
        name: 'Eerste',
        createdAt: '2026-03-01T10:00:00.000Z',
        createdBy: 'p1',
        kind: 'named',
        agenda: sample,
        state,
      });
      expect((await s.versions.list('doc')).map((x) => x.name)).toEqual(['Eerste']);
      const got = await s.versions.get('doc', v.id);
      expect(got?.state).toEqual(state);
      expect(got?.agenda.chapters[0]?.title).toBe('WONEN');
      expect(await s.versions.get('other', v.id)).toBeNull();
      expect(await s.versions.recordVisit('doc', 'p1', '2026-03-01T10:00:00.000Z', sample)).toBeNull();
      expect(await s.versions.recordVisit('doc', 'p1', '2026-03-02T10:00:00.000Z', sample)).toBe(
        '2026-03-01T10:00:00.000Z',
      );
      expect(await s.versions.visit('doc', 'p1')).toMatchObject({
        visitedAt: '2026-03-02T10:00:00.000Z',
        previousAt: '2026-03-01T10:00:00.000Z',
      });
      await s.versions.saveWatch('doc', {
        stateVector: 'sv',
        changeDay: null,
        pending: true,
        text: { agenda: sample, state },
      });
      await s.versions.saveWatch('doc', {
        stateVector: 'sv2',
        changeDay: '2026-03-02',
        pending: false,
        text: null,
      });
      expect(await s.versions.watch('doc')).toMatchObject({
        stateVector: 'sv2',
        pending: false,
        text: { state },
      });
      await s.versions.removeDocument('doc');
      expect(await s.versions.list('doc')).toEqual([]);
    });
  });

  describe('the attribution index', () => {
    it('records the item ranges of a change with its author, and finds the author of each update', async () => {
      const author = {
        personId: 'p1',
        personName: 'Anna',
        party: 'D66',
        onBehalfOf: null,
        decidedBy: null,
        decidedByName: null,
        at: '2026-03-01T10:00:00.000Z',
      };
      await s.attribution.record(
        'doc',
        7,
        { inserted: [[4_000_000_000, 0, 5]], deleted: [[1, 2, 3]] },
        author,
      );
      await s.attribution.record(
        'doc',
        8,
        { inserted: [[2, 0, 1]], deleted: [] },
        { ...author, personName: 'Bob' },
      );
      const rows = (await s.attribution.rows('doc')).sort(
        (a, b) => a.updateSeq - b.updateSeq || a.clock - b.clock,
      );
      expect(rows.map((r) => [r.kind, r.client, r.clock, r.len, r.updateSeq])).toEqual([
        ['insert', 4_000_000_000, 0, 5, 7],
        ['delete', 1, 2, 3, 7],
        ['insert', 2, 0, 1, 8],
      ]);
      const authors = await s.attribution.authorsOfUpdates('doc', [7, 8, 8, 9]);
      expect([...authors.keys()].sort()).toEqual([7, 8]);
      expect(authors.get(8)).toMatchObject({ personName: 'Bob', party: 'D66' });
      await s.attribution.removeDocument('doc');
      expect(await s.attribution.rows('doc')).toEqual([]);
    });
  });

  describe('notifications', () => {
    it('lists a person the notifications of everyone and of their party, newest first, with what they read', async () => {
      const note = (id: string, party: string | null) =>
        ({
          id,
          documentId: 'doc',
          createdAt: `2026-03-01T10:00:0${id.slice(-1)}.000Z`,
          actor: null,
          targets: [],
          party,
          subject: {},
        }) as unknown as Notification;
      await s.notifications.insert(note('n1', null));
      await s.notifications.insert(note('n2', 'CDA'));
      await s.notifications.insert(note('n3', 'D66'));
      const anna = { id: 'p1', party: 'D66' };
      const listed = async () =>
        (await s.notifications.latest('doc', anna, 10)).map((n) => [n.notification.id, n.read]);
      expect(await listed()).toEqual([
        ['n3', false],
        ['n1', false],
      ]);
      await s.notifications.markRead('doc', 'p1', ['n3'], 't');
      await s.notifications.markRead('doc', 'p1', ['n3'], 't');
      expect(await listed()).toEqual([
        ['n3', true],
        ['n1', false],
      ]);
      await s.notifications.markRead('doc', 'p1', null, 't');
      expect(await listed()).toEqual([
        ['n3', true],
        ['n1', true],
      ]);
      await s.notifications.removeDocument('doc');
      expect(await listed()).toEqual([]);
    });
  });

  describe('numbers and client ids', () => {
    it('remembers numbers per import, all at once', async () => {
      expect(await s.numbers.any('doc', 1)).toBe(false);
      await s.numbers.add(
        'doc',
        1,
        [
          { id: 'm-1', number: '1.1.1' },
          { id: 'm-2', number: '1.1.2' },
        ],
        't',
      );
      expect(await s.numbers.any('doc', 1)).toBe(true);
      expect((await s.numbers.given('doc', 1)).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
        { id: 'm-1', number: '1.1.1' },
        { id: 'm-2', number: '1.1.2' },
      ]);
      await expect(s.numbers.add('doc', 1, [{ id: 'm-3', number: '1.1.1' }], 't')).rejects.toThrow();
      expect(await s.numbers.given('doc', 1)).toHaveLength(2);
    });

    it('keeps the first claim of a client id, also for the next one who opens the store', async () => {
      await s.clientIds.load('doc');
      expect(s.clientIds.claim('doc', 42, 'p1')).toBe(true);
      expect(s.clientIds.claim('doc', 42, 'p2')).toBe(false);
      expect(s.clientIds.claim('doc', 7, null)).toBe(true);
      await s.clientIds.settled();
      expect(s.clientIds.ownerOf('doc', 42)).toBe('p1');
      await s.clientIds.removeDocument('doc');
      await s.clientIds.load('doc');
      expect(s.clientIds.ownerOf('doc', 42)).toBeUndefined();
    });

    it('keeps the owner another instance stored first when both claim the same client id', async () => {
      const other = await opened.another();
      await s.clientIds.load('doc');
      await other.clientIds.load('doc');
      expect(s.clientIds.claim('doc', 42, 'p1')).toBe(true);
      await s.clientIds.settled();
      // The other instance read the claims before p1's: the database decides, and it learns p1 owns it.
      other.clientIds.claim('doc', 42, 'p2');
      await other.clientIds.settled();
      expect(other.clientIds.ownerOf('doc', 42)).toBe('p1');
      expect(other.clientIds.claim('doc', 42, 'p2')).toBe(false);
      expect(other.clientIds.claim('doc', 42, 'p1')).toBe(true);
    });
  });
});
