// The cost of checking one update to the text room before it is applied (decode, resolve its structs against
// the room's document, check schema, ids and role), on the D66–CDA agenda and on the generated 900-measure
// one, beside the cost of applying that same update (which the server does anyway).
// Run: npx tsx bench/sync-check.ts
import fs from 'node:fs';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { parseAgenda } from '../shared/agenda/parse.js';
import { buildDocument } from '../shared/agenda/build.js';
import type { Agenda } from '../shared/agenda/types.js';
import { TEXT_FRAGMENT } from '../shared/protocol/protocol.js';
import { checkTextUpdate, resolveUpdate } from '../server/sync/validate/index.js';
import { TextIndex } from '../server/sync/textIndex.js';
import { agenda as generated } from './generate.js';
import { measure, report } from './stats.js';

const d66 = parseAgenda(fs.readFileSync('fixtures/d66-cda-uitnodiging-2025.txt', 'utf8'));

/** The XmlElement of the middle measure of a document, and its text. */
function middleMeasure(doc: Y.Doc): { element: Y.XmlElement; text: Y.XmlText } {
  const measures: Y.XmlElement[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'measure') measures.push(child);
      else walk(child);
    }
  };
  walk(doc.getXmlFragment(TEXT_FRAGMENT));
  const element = measures[measures.length >> 1]!;
  return { element, text: element.get(0) as Y.XmlText };
}

/** An update made on a copy of `server`'s state by `change`. */
function updateOf(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

function run(name: string, agenda: Agenda): void {
  const server = new Y.Doc();
  prosemirrorToYXmlFragment(buildDocument(agenda), server.getXmlFragment(TEXT_FRAGMENT));
  const index = new TextIndex(server.getXmlFragment(TEXT_FRAGMENT));
  const stateBytes = Y.encodeStateAsUpdate(server).byteLength;
  const updates = {
    keystroke: updateOf(server, (doc) => middleMeasure(doc).text.insert(5, 'a')),
    deletion: updateOf(server, (doc) => middleMeasure(doc).text.delete(5, 3)),
    'new measure (split)': updateOf(server, (doc) => {
      const { element } = middleMeasure(doc);
      const fresh = new Y.XmlElement('measure');
      fresh.setAttribute('id', 'm-bench00001');
      fresh.setAttribute('number', '');
      fresh.insert(0, [new Y.XmlText('Nieuwe maatregel.')]);
      const parent = element.parent as Y.XmlElement;
      parent.insert(parent.toArray().indexOf(element) + 1, [fresh]);
    }),
    'paste of 10 KB': updateOf(server, (doc) => middleMeasure(doc).text.insert(0, 'woord '.repeat(1700))),
  };
  const results: Record<string, number | string> = { 'state KB': (stateBytes / 1024).toFixed(0) };
  for (const [kind, update] of Object.entries(updates)) {
    const check = () => {
      const resolution = resolveUpdate(server, Y.decodeUpdate(update));
      if (resolution.kind !== 'resolved') throw new Error(`${kind}: ${resolution.kind}`);
      const verdict = checkTextUpdate(server, resolution, { structure: true }, index);
      if (!verdict.ok) throw new Error(`${kind}: ${verdict.reason}`);
    };
    // Applying costs the same decode plus integration; measured on fresh copies (applying changes the doc).
    const copies = Array.from({ length: 40 }, () => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
      return copy;
    });
    let next = 0;
    results[`${kind}: check µs`] = measure(check, 200, 20) * 1000;
    results[`${kind}: apply µs`] = measure(() => Y.applyUpdate(copies[next++]!, update), 30, 5) * 1000;
  }
  // After a change of structure the live ids are read again, once, at the next check.
  results['index of live ids, rebuilt after a structural change: ms'] = measure(
    () => {
      (index as unknown as { liveIds: null }).liveIds = null;
      index.live();
    },
    30,
    5,
  );
  report(`sync-check ${name}`, results);
}

run('D66–CDA agenda', d66);
run('generated 900-measure agenda', generated);
