// What stable numbering costs per update: a room handling updates as from a connected peer (stored with
// its audit entry, then numbered), with and without the numbering hooks, for typing (text only: numbering
// looks at the transaction and stops) and for inserting a measure (numbered by a server write), on the
// D66–CDA agenda and the generated 900-measure one. Run: npx tsx bench/numbering.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { parseAgenda } from '../shared/agenda/parse.js';
import type { Agenda } from '../shared/agenda/types.js';
import { TEXT_FRAGMENT } from '../shared/protocol/protocol.js';
import { importAgenda } from '../server/documents/import.js';
import { NumberRegistry, numberingHooks } from '../server/documents/numbering.js';
import { openSqliteStorage } from '../server/storage/sqlite.js';
import { Rooms } from '../server/sync/rooms.js';
import type { Peer } from '../server/sync/room.js';
import { agenda as generated } from './generate.js';
import { median, report } from './stats.js';

const RUNS = 300;
const WARMUP = 20;

/** A peer that receives nothing: the update's sender, as the room sees a connection. */
const sender: Peer = { send: () => {}, personId: null, awarenessClients: new Set() };

function measures(fragment: Y.XmlFragment): Y.XmlElement[] {
  const out: Y.XmlElement[] = [];
  const walk = (n: Y.XmlFragment | Y.XmlElement): void => {
    for (const c of n.toArray()) {
      if (!(c instanceof Y.XmlElement)) continue;
      if (c.nodeName === 'measure') out.push(c);
      else walk(c);
    }
  };
  walk(fragment);
  return out;
}

/** Median milliseconds for the room to take one update made by `edit` on a client copy. */
function perUpdate(agenda: Agenda, numbering: boolean, edit: (client: Y.Doc, i: number) => void): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-numbering-'));
  const storage = openSqliteStorage(path.join(dir, 'db.sqlite'));
  const { store } = storage;
  try {
    importAgenda(store, { id: 'bench', agenda });
    const rooms = new Rooms(
      store,
      numbering ? numberingHooks(new NumberRegistry(storage.numbers, storage.audit), store) : {},
    );
    const room = rooms.open('bench');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
    let update: Uint8Array | null = null;
    client.on('update', (u: Uint8Array) => (update = u));
    const times: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      edit(client, i);
      const start = performance.now();
      Y.applyUpdate(room.doc, update!, sender);
      if (i >= WARMUP) times.push(performance.now() - start);
    }
    void rooms.closeAll();
    return median(times);
  } finally {
    storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const typing = (client: Y.Doc, i: number) => {
  const all = measures(client.getXmlFragment(TEXT_FRAGMENT));
  const text = all[(i * 7) % all.length]!.get(0) as Y.XmlText;
  text.insert(text.length, i % 6 ? 'a' : ' ');
};

const inserting = (client: Y.Doc, i: number) => {
  const all = measures(client.getXmlFragment(TEXT_FRAGMENT));
  const after = all[(i * 13) % all.length]!;
  const section = after.parent as Y.XmlElement;
  const el = new Y.XmlElement('measure');
  el.setAttribute('id', `m-bench${String(i).padStart(5, '0')}`);
  el.setAttribute('number', '');
  el.insert(0, [new Y.XmlText('Een nieuwe maatregel.')]);
  section.insert(section.toArray().indexOf(after) + 1, [el]);
};

const d66 = parseAgenda(fs.readFileSync('fixtures/d66-cda-uitnodiging-2025.txt', 'utf8'));
const results: Record<string, number> = {};
for (const [name, agenda] of [
  ['D66–CDA', d66],
  ['900 measures', generated],
] as const) {
  results[`${name}: typing, ms/update without numbering`] = perUpdate(agenda, false, typing);
  results[`${name}: typing, ms/update with numbering`] = perUpdate(agenda, true, typing);
  results[`${name}: insert a measure, ms/update without numbering`] = perUpdate(agenda, false, inserting);
  results[`${name}: insert a measure, ms/update with numbering`] = perUpdate(agenda, true, inserting);
}
report('numbering', results);
