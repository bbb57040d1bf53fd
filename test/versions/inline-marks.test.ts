import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { buildDocument } from '../../shared/agenda/build.js';
import { schema } from '../../shared/schema/schema.js';
import { allDecorations, diffPlugin, diffPluginKey, setDiffOptions } from '../../client/diff/plugin.js';
import { baselineIndex, textUnits } from '../../client/diff/units.js';
import { agenda } from '../helpers/agenda.js';

const original = agenda({
  WONEN: { Bouwen: ['We bouwen meer woningen.', 'Minder regels voor optoppen.', 'Sneller vergunnen.'] },
});

/** Decorations as comparable rows: place, kind (by spec key or attrs) and the text of deletions. */
function rows(set: DecorationSet) {
  return set
    .find()
    .map((d) => {
      const spec = d.spec as { key?: string };
      const attrs = (d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs ?? {};
      return `${d.from}-${d.to} ${spec.key ?? ''} ${attrs.class ?? ''}`;
    })
    .sort();
}

function start() {
  let state = EditorState.create({ schema, doc: buildDocument(original), plugins: [diffPlugin()] });
  state = state.apply(setDiffOptions(state.tr, { show: true, original }));
  return state;
}

const measurePos = (state: EditorState, id: string) => textUnits(state.doc).find((u) => u.key === id)!;

describe('inline change marks in the editor', () => {
  it('marks nothing while the text equals the original, and only the typed-in measure after typing', () => {
    let state = start();
    const before = diffPluginKey.getState(state)!.decorations;
    expect(rows(before).every((row) => row.endsWith('diff-unchanged'))).toBe(true);
    const unit = measurePos(state, 'm-1-1-2');
    state = state.apply(state.tr.insertText('Veel ', unit.pos + 1));
    const after = diffPluginKey.getState(state)!.decorations;
    expect(rows(after).filter((row) => !row.endsWith('diff-unchanged'))).toEqual(
      expect.arrayContaining([expect.stringContaining('m-1-1-2 diff-changed')]),
    );
    const ins = after
      .find()
      .filter(
        (d) => (d as unknown as { type: { attrs?: { class?: string } } }).type.attrs?.class === 'diff-ins',
      );
    expect(ins.map((d) => state.doc.textBetween(d.from, d.to))).toEqual(['Veel ']);
  });

  it('gives the same marks after local typing as computing everything from scratch', () => {
    let state = start();
    const index = baselineIndex(original);
    const edits: [string, string, number][] = [
      ['m-1-1-1', 'snel ', 10],
      ['m-1-1-1', 'x', 3],
      ['m-1-1-3', ' Altijd.', 17],
      ['m-1-1-2', 'Geen ', 0],
    ];
    for (const [id, text, offset] of edits) {
      const unit = measurePos(state, id);
      state = state.apply(state.tr.insertText(text, unit.pos + 1 + offset));
      expect(rows(diffPluginKey.getState(state)!.decorations)).toEqual(
        rows(allDecorations(state.doc, original, index)),
      );
    }
    // A deletion across two measures is a structural change: everything is recomputed.
    const a = measurePos(state, 'm-1-1-1');
    const b = measurePos(state, 'm-1-1-2');
    state = state.apply(state.tr.delete(a.pos + a.node.nodeSize - 3, b.pos + 4));
    expect(rows(diffPluginKey.getState(state)!.decorations)).toEqual(
      rows(allDecorations(state.doc, original, index)),
    );
  });

  it('shows a measure gone from the text as a struck-through widget in its section', () => {
    let state = start();
    const unit = measurePos(state, 'm-1-1-3');
    state = state.apply(state.tr.delete(unit.pos, unit.pos + unit.node.nodeSize));
    expect(rows(diffPluginKey.getState(state)!.decorations)).toContainEqual(
      expect.stringContaining('removed:m-1-1-3'),
    );
  });
});
