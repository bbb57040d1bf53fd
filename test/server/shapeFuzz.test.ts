import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { importAgenda } from '../../server/documents/import.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { schema } from '../../shared/schema/schema.js';
import { agenda } from '../helpers/agenda.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectClient, eventually, synced } from '../helpers/clients.js';
import { attacker } from '../helpers/attack.js';
import { step1Message, updateMessage } from '../helpers/raw.js';
import { allIds } from '../helpers/attack.js';
import { fitsMembership } from '../helpers/schemaFit.js';

/**
 * Fuzzing the text room's check with mutated valid updates: a chair's or a negotiator's modified client
 * makes random changes through the Yjs API on a copy of the room's state (elements of any name anywhere,
 * attributes of any name and value, ids copied or unsafe, marks, deletions, foreign roots, another
 * client's id), and some updates get bytes flipped on the way. Meanwhile honest clients keep editing. The
 * server must stay up, and the honest clients must converge on a text that holds only what the schema
 * allows, with unique ids.
 */
let server: TestServer;
let chair = '';
let negotiator = '';
beforeAll(async () => {
  server = await startTestServer({
    seed: (store) =>
      importAgenda(store, {
        id: 'test',
        agenda: agenda({
          WONEN: { Vandaag: ['Meer bouwen.', 'Minder regels.'] },
          ZORG: { Morgen: ['Beter.'] },
        }),
      }),
  });
  chair = (await server.invite({ party: 'SEC', role: 'chair' })).token;
  negotiator = (await server.invite({ party: 'CDA', role: 'negotiator' })).token;
  expect((await server.api(chair, 'PUT', '/api/documents/test/drafting', { mode: 'open' })).status).toBe(200);
});
afterAll(async () => server?.stop());

const NAMES = [
  ...Object.keys(schema.nodes),
  'script',
  'img',
  'p',
  'chapter',
  'section',
  'measure',
  'measure',
];
const KEYS = ['id', 'number', 'runIn', 'marker', 'onclick', 'style'];
const VALUES: unknown[] = [
  'm-1-1-1',
  'm-fuzz',
  '" onmouseover="x',
  '',
  '1.1.1',
  '9z',
  true,
  7,
  null,
  { a: 1 },
];
const MARKS = ['strong', 'em', 'script', 'href'];
const MARK_VALUES: unknown[] = [{}, true, null, { href: 'javascript:x' }];
const TEXTS = ['a', 'tekst ', '<b>', 'é'];

type Mutation =
  | { kind: 'element'; parent: number; at: number; name: number; attrs: [number, number][]; text: boolean }
  | { kind: 'attr'; target: number; key: number; value: number; remove: boolean }
  | { kind: 'text'; target: number; at: number; text: number }
  | { kind: 'format'; target: number; at: number; len: number; mark: number; value: number }
  | { kind: 'xmltext'; target: number }
  | { kind: 'deleteChildren'; parent: number; at: number; len: number }
  | { kind: 'deleteText'; target: number; at: number; len: number }
  | { kind: 'foreign' };

const n = fc.nat(50);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('element' as const),
    parent: n,
    at: n,
    name: fc.nat(NAMES.length - 1),
    attrs: fc.array(fc.tuple(fc.nat(KEYS.length - 1), fc.nat(VALUES.length - 1)), { maxLength: 3 }),
    text: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('attr' as const),
    target: n,
    key: fc.nat(KEYS.length - 1),
    value: fc.nat(VALUES.length - 1),
    remove: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('text' as const), target: n, at: n, text: fc.nat(TEXTS.length - 1) }),
  fc.record({
    kind: fc.constant('format' as const),
    target: n,
    at: n,
    len: fc.integer({ min: 1, max: 5 }),
    mark: fc.nat(MARKS.length - 1),
    value: fc.nat(MARK_VALUES.length - 1),
  }),
  fc.record({ kind: fc.constant('xmltext' as const), target: n }),
  fc.record({
    kind: fc.constant('deleteChildren' as const),
    parent: n,
    at: n,
    len: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('deleteText' as const),
    target: n,
    at: n,
    len: fc.integer({ min: 1, max: 5 }),
  }),
  fc.constant({ kind: 'foreign' as const }),
);

function elementsOf(parent: Y.XmlFragment | Y.XmlElement, out: (Y.XmlFragment | Y.XmlElement)[] = []) {
  out.push(parent);
  for (const child of parent.toArray()) if (child instanceof Y.XmlElement) elementsOf(child, out);
  return out;
}
function textsOf(parent: Y.XmlFragment | Y.XmlElement, out: Y.XmlText[] = []) {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) textsOf(child, out);
  }
  return out;
}

function mutate(doc: Y.Doc, m: Mutation): void {
  const fragment = doc.getXmlFragment(TEXT_FRAGMENT);
  const elements = elementsOf(fragment);
  const texts = textsOf(fragment);
  const pick = <T>(list: T[], i: number) => list[i % list.length];
  switch (m.kind) {
    case 'element': {
      const parent = pick(elements, m.parent)!;
      const element = new Y.XmlElement(NAMES[m.name]!);
      for (const [k, v] of m.attrs) element.setAttribute(KEYS[k]!, VALUES[v] as string);
      if (m.text) element.insert(0, [new Y.XmlText('nieuw')]);
      parent.insert(m.at % (parent.length + 1), [element]);
      return;
    }
    case 'attr': {
      const target = pick(elements, m.target);
      if (!(target instanceof Y.XmlElement)) return;
      if (m.remove) target.removeAttribute(KEYS[m.key]!);
      else target.setAttribute(KEYS[m.key]!, VALUES[m.value] as string);
      return;
    }
    case 'text': {
      const target = pick(texts, m.target);
      target?.insert(m.at % (target.length + 1), TEXTS[m.text]!);
      return;
    }
    case 'format': {
      const target = pick(texts, m.target);
      if (target && target.length > 0)
        target.format(m.at % target.length, m.len, { [MARKS[m.mark]!]: MARK_VALUES[m.value] });
      return;
    }
    case 'xmltext': {
      const target = pick(elements, m.target)!;
      target.insert(0, [new Y.XmlText('los')]);
      return;
    }
    case 'deleteChildren': {
      const parent = pick(elements, m.parent)!;
      if (parent.length === 0) return;
      const at = m.at % parent.length;
      parent.delete(at, Math.min(m.len, parent.length - at));
      return;
    }
    case 'deleteText': {
      const target = pick(texts, m.target);
      if (!target || target.length === 0) return;
      const at = m.at % target.length;
      target.delete(at, Math.min(m.len, target.length - at));
      return;
    }
    case 'foreign':
      doc.getMap('buiten').set('x', 1);
      return;
  }
}

/**
 * An honest client's edit: words at the start of the first measure (an accepted mutation may have removed
 * a measure or its text, which a chair or a negotiator may do).
 */
function mark(fragment: Y.XmlFragment, words: string): boolean {
  const measure = elementsOf(fragment).find((e) => e instanceof Y.XmlElement && e.nodeName === 'measure');
  if (!measure) return false; // a chair's round removed them all, which a chair may do
  let text = measure.get(0);
  if (!(text instanceof Y.XmlText)) measure.insert(0, [(text = new Y.XmlText())]);
  (text as Y.XmlText).insert(0, words);
  return true;
}

const round = fc.record({
  asChair: fc.boolean(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  borrowClientId: fc.boolean(),
  flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 2 }),
});

describe('fuzzing the text check with mutated valid updates', () => {
  it('stays up; honest clients converge on text that fits the schema, with unique ids', async () => {
    const a = connectClient(server.wsUrl, 'test', { token: chair });
    const b = connectClient(server.wsUrl, 'test', { token: chair });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    let count = 0;
    let accepted = 0;
    let lastMark = '';
    let marksRemovedAfter = false;
    await fc.assert(
      fc.asyncProperty(round, async (r) => {
        count++;
        const evil = await attacker(
          server.wsUrl,
          'test',
          r.asChair ? chair : negotiator,
          r.borrowClientId ? a.doc.clientID : undefined,
        );
        const before = Y.encodeStateVector(evil.doc);
        evil.doc.transact(() => r.mutations.forEach((m) => mutate(evil.doc, m)));
        const update = Y.encodeStateAsUpdate(evil.doc, before);
        const message = updateMessage(update);
        for (const [i, byte] of r.flips) message[i % message.length] = byte;
        evil.raw.send(message);
        // The server answers a sync step 1 only after it handled the update before it (or it closed).
        const answered = evil.raw.received.length;
        evil.raw.send(step1Message(new Y.Doc()));
        const outcome = await Promise.race([
          evil.raw.closed.then(() => 'closed' as const),
          eventually(() => evil.raw.received.length > answered).then(() => 'answered' as const),
        ]);
        if (outcome === 'answered') accepted++;
        evil.raw.ws.terminate();
        if (mark(a.fragment, `${count} `)) {
          lastMark = `${count} `;
          marksRemovedAfter = false;
        } else marksRemovedAfter = true;
        const room = server.app.ctx.rooms.peek('test');
        expect(room?.doc.store.pendingStructs ?? null).toBeNull();
        expect((await fetch(`${server.app.url}/healthz`)).status).toBe(200);
      }),
      { numRuns: 100, seed: 20_261_127 },
    );
    const serverText = () => server.app.ctx.rooms.peek('test')!.doc.getXmlFragment(TEXT_FRAGMENT).toJSON();
    await eventually(() => a.fragment.toJSON() === serverText() && b.fragment.toJSON() === serverText());
    // The honest client's last words reached the other one, unless a chair's round removed them later.
    expect(lastMark === '' || b.fragment.toString().includes(lastMark) || marksRemovedAfter).toBe(true);
    for (const fragment of [a.fragment, b.fragment]) {
      expect(fitsMembership(fragment)).toEqual([]);
      const ids = allIds(fragment);
      expect(new Set(ids).size).toBe(ids.length);
      // An editor can show it: y-prosemirror reads a copy into a ProseMirror document of the schema.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(fragment.doc!));
      expect(() =>
        yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(TEXT_FRAGMENT), schema).check(),
      ).not.toThrow();
    }
    // Some rounds were accepted (mutations that stay within the rules), so the check is not simply closed.
    expect(accepted).toBeGreaterThan(0);
    a.provider.destroy();
    b.provider.destroy();
  });
});
