/**
 * Benchmark of the inline "show changes" marks in the editor. Run with `npx tsx bench/diff-live.ts`.
 * On the D66–CDA agenda (built into the editor's ProseMirror document, with every tenth measure already
 * reworded): (a) one keystroke in the longest measure with the switch on — the whole `state.apply`,
 * which maps the other marks and diffs only that measure again; (b) the marks of that one measure alone;
 * (c) all marks from scratch, as after a remote change. No DOM: the decorations are computed, not drawn.
 * Prints medians over RUNS runs in ms, then the same as one JSON line.
 */
import { readFileSync } from 'node:fs';
import { EditorState } from 'prosemirror-state';
import { parseAgenda } from '../shared/agenda/parse.js';
import { buildDocument } from '../shared/agenda/build.js';
import { schema } from '../shared/schema/schema.js';
import { diffPlugin, setDiffOptions, allDecorations } from '../client/diff/plugin.js';
import { unitDecorations } from '../client/diff/decorations.js';
import { baselineIndex, textUnits } from '../client/diff/units.js';
import { measure, report } from './stats.js';

const RUNS = 200;
const original = parseAgenda(
  readFileSync(new URL('../fixtures/d66-cda-uitnodiging-2025.txt', import.meta.url), 'utf8'),
);
const index = baselineIndex(original);

let state = EditorState.create({ schema, doc: buildDocument(original), plugins: [diffPlugin()] });
// Reword every tenth measure: a realistic mid-negotiation text.
const measures = textUnits(state.doc).filter((u) => u.node.type.name === 'measure');
const edit = state.tr;
measures.forEach((unit, i) => {
  if (i % 10 !== 0) return;
  const at = edit.mapping.map(unit.pos + 1 + Math.floor(unit.node.textContent.length / 2));
  edit.insertText(' nadrukkelijk ', at);
});
state = state.apply(edit);
state = state.apply(setDiffOptions(state.tr, { show: true, original }));

const longest = textUnits(state.doc)
  .filter((u) => u.node.type.name === 'measure')
  .reduce((a, b) => (b.node.textContent.length > a.node.textContent.length ? b : a));
const typeAt = longest.pos + 1 + Math.floor(longest.node.textContent.length / 2);

const keystroke = measure(() => {
  state.apply(state.tr.insertText('x', typeAt));
}, RUNS);
const oneMeasure = measure(() => {
  unitDecorations(longest, index.get(longest.key));
}, RUNS);
const everything = measure(() => {
  allDecorations(state.doc, original, index);
}, 50);

report('diff-live (inline change marks, D66–CDA agenda)', {
  measures: measures.length,
  longestMeasureChars: longest.node.textContent.length,
  keystrokeApplyMs: keystroke,
  oneMeasureMarksMs: oneMeasure,
  allMarksFromScratchMs: everything,
});
