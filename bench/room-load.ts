// Loading a room with many stored updates: 10,000 small edits in the log (as if compaction had never run),
// then the time to load the room, and after compaction. Run: npx tsx bench/room-load.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { parseAgenda } from '../shared/agenda/parse.js';
import { importAgenda } from '../server/documents/import.js';
import { openSqliteStore } from '../server/storage/sqlite.js';
import { Room } from '../server/sync/room.js';
import { median, report } from './stats.js';

const UPDATES = 10_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-roomload-'));
const store = openSqliteStore(path.join(dir, 'db.sqlite'));
await importAgenda(store, {
  id: 'd66-cda',
  agenda: parseAgenda(fs.readFileSync('fixtures/d66-cda-uitnodiging-2025.txt', 'utf8')),
});

// 10,000 typed characters, each its own stored update, spread over the measures.
const doc = new Y.Doc();
Y.applyUpdate(doc, Y.mergeUpdates(await store.fetchUpdates('d66-cda')));
const texts: Y.XmlText[] = [];
const walk = (n: Y.XmlFragment | Y.XmlElement): void => {
  for (const c of n.toArray()) {
    if (!(c instanceof Y.XmlElement)) continue;
    if (c.nodeName === 'measure') texts.push(c.get(0) as Y.XmlText);
    else walk(c);
  }
};
walk(doc.getXmlFragment('prosemirror'));
doc.on('update', (u: Uint8Array) => void store.appendUpdate('d66-cda', u, { personId: null }));
for (let i = 0; i < UPDATES; i++) {
  const t = texts[i % texts.length]!;
  t.insert(t.length, i % 7 ? 'a' : ' ');
}

const load = () => {
  const room = new Room('d66-cda', store);
  room.destroy();
};
const times: number[] = [];
for (let i = 0; i < 7; i++) {
  const start = performance.now();
  load();
  times.push(performance.now() - start);
}
const uncompacted = median(times);
const room = new Room('d66-cda', store);
await room.compact();
room.destroy();
const compactedTimes: number[] = [];
for (let i = 0; i < 15; i++) {
  const start = performance.now();
  load();
  compactedTimes.push(performance.now() - start);
}
report('room-load', {
  'stored updates': UPDATES + 1,
  'load median ms (10,001 updates)': uncompacted,
  'load median ms after compaction': median(compactedTimes),
});
await store.close();
