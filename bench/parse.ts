// Parse + build of the D66–CDA agenda: text → agenda JSON → ProseMirror document → Y.Doc update.
// Run: npx tsx bench/parse.ts
import fs from 'node:fs';
import * as Y from 'yjs';
import { prosemirrorToYDoc } from 'y-prosemirror';
import { parseAgenda } from '../shared/agenda/parse.js';
import { buildDocument } from '../shared/agenda/build.js';
import { measure, report } from './stats.js';

const text = fs.readFileSync('fixtures/d66-cda-uitnodiging-2025.txt', 'utf8');
const agenda = parseAgenda(text);
const doc = buildDocument(agenda);

report('parse-build', {
  'parse median ms': measure(() => parseAgenda(text), 50),
  'build median ms': measure(() => buildDocument(agenda), 50),
  'to Y.Doc update median ms': measure(() => Y.encodeStateAsUpdate(prosemirrorToYDoc(doc)), 30),
  'update bytes': Y.encodeStateAsUpdate(prosemirrorToYDoc(doc)).byteLength,
});
