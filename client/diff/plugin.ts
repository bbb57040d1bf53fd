/**
 * "Wijzigingen tonen": an editor plugin that marks the live text's changes against the original inline.
 * On a local edit inside one textblock only that block is diffed again (the rest is mapped); on a remote
 * change (y-prosemirror replaces the whole document) or a structural edit, every block is — cheap, as each
 * block's diff is well under a millisecond.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { Agenda } from '../../shared/agenda/types.js';
import {
  documentDecorations,
  removedMeasureDecorations,
  unitDecorations,
  type Authorship,
} from './decorations.js';
import { baselineIndex, textUnitAt, textUnits, type BaselineIndex } from './units.js';

/** What the switch shows. */
export interface DiffOptions {
  /** Changes marked inline. */
  show: boolean;
  /** Unchanged measures hidden (only while `show`). */
  onlyChanged: boolean;
}

interface DiffPluginState extends DiffOptions {
  original: Agenda | null;
  /** The word beside a removed measure's number ("vervallen"), in the reader's language. */
  lapsed: string;
  index: BaselineIndex | null;
  /** Who wrote what, from the server; null until fetched (runs are then drawn without authors). */
  authorship: Authorship | null;
  decorations: DecorationSet;
}

/** The plugin's key: read its state with `diffPluginKey.getState(state)`. */
export const diffPluginKey = new PluginKey<DiffPluginState>('akkoord-diff');

type Meta = Partial<DiffOptions> & { original?: Agenda; lapsed?: string; authorship?: Authorship };

/** Sets what the switch shows and, once fetched, the original to compare with and who wrote what. */
export function setDiffOptions(tr: Transaction, meta: Meta): Transaction {
  return tr.setMeta(diffPluginKey, meta);
}

/** Every decoration of `doc`, computed from scratch. */
export function allDecorations(
  doc: Node,
  original: Agenda,
  index: BaselineIndex,
  lapsed = 'vervallen',
  authorship: Authorship | null = null,
): DecorationSet {
  const units = textUnits(doc);
  const present = new Set(units.map((unit) => unit.key));
  return DecorationSet.create(doc, [
    ...documentDecorations(units, index, authorship),
    ...removedMeasureDecorations(doc, original, present, lapsed, authorship),
  ]);
}

/**
 * The textblock a transaction changed, when all of its steps stayed inside that one block of the new
 * document; null when the change touched structure or several blocks.
 */
function singleChangedBlock(tr: Transaction): number | null {
  let block: number | null = null;
  let single = true;
  tr.mapping.maps.forEach((map, i) => {
    map.forEach((oldStart, oldEnd, newStart, newEnd) => {
      // The replaced range must lie in one textblock before the step too (a deletion joining two
      // measures ends inside one block, but removed a measure).
      const $old = tr.docs[i]!.resolve(oldStart);
      if (!$old.parent.isTextblock || oldEnd > $old.end()) {
        single = false;
        return;
      }
      const rest = tr.mapping.slice(i + 1);
      const from = rest.map(newStart, -1);
      const to = rest.map(newEnd, 1);
      const $from = tr.doc.resolve(from);
      if (!$from.parent.isTextblock || to > $from.end()) {
        single = false;
        return;
      }
      const start = $from.start();
      if (block === null) block = start;
      else if (block !== start) single = false;
    });
  });
  return single ? block : null;
}

/**
 * Recomputes after a document change: only the block typed in when that is all that changed, otherwise
 * everything.
 */
function afterChange(value: DiffPluginState, tr: Transaction): DecorationSet {
  const { original, index, authorship } = value;
  if (!original || !index) return DecorationSet.empty;
  const block = singleChangedBlock(tr);
  const unit = block === null ? null : textUnitAt(tr.doc, block);
  if (!unit) return allDecorations(tr.doc, original, index, value.lapsed, authorship);
  const mapped = value.decorations.map(tr.mapping, tr.doc);
  const end = unit.pos + unit.node.nodeSize;
  // Only the block's own decorations: its node decoration, inline marks and deletion widgets inside it.
  const stale = mapped.find(
    unit.pos,
    end,
    (spec: { key?: string }) =>
      spec.key === undefined || spec.key === unit.key || String(spec.key).startsWith(`del:${unit.key}:`),
  );
  return mapped.remove(stale).add(tr.doc, unitDecorations(unit, index.get(unit.key), authorship));
}

/** The "show changes" plugin (off until switched on). */
export function diffPlugin(): Plugin<DiffPluginState> {
  return new Plugin<DiffPluginState>({
    key: diffPluginKey,
    state: {
      init: () => ({
        show: false,
        onlyChanged: false,
        original: null,
        lapsed: 'vervallen',
        index: null,
        authorship: null,
        decorations: DecorationSet.empty,
      }),
      apply(tr, value): DiffPluginState {
        const meta = tr.getMeta(diffPluginKey) as Meta | undefined;
        if (meta) {
          const original = meta.original ?? value.original;
          const next = {
            show: meta.show ?? value.show,
            onlyChanged: meta.onlyChanged ?? value.onlyChanged,
            original,
            lapsed: meta.lapsed ?? value.lapsed,
            index: meta.original ? baselineIndex(meta.original) : value.index,
            authorship: meta.authorship ?? value.authorship,
          };
          const decorations =
            next.show && next.original && next.index
              ? allDecorations(tr.doc, next.original, next.index, next.lapsed, next.authorship)
              : DecorationSet.empty;
          return { ...next, decorations };
        }
        if (!value.show || !tr.docChanged) return value;
        return { ...value, decorations: afterChange(value, tr) };
      },
    },
    props: {
      decorations: (state: EditorState) => diffPluginKey.getState(state)?.decorations ?? DecorationSet.empty,
      attributes: (state: EditorState): Record<string, string> => {
        const value = diffPluginKey.getState(state);
        if (!value?.show) return {};
        return { class: value.onlyChanged ? 'diff-on diff-only-changed' : 'diff-on' };
      },
    },
  });
}
