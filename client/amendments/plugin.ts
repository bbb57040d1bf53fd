import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type { MeasureStatus } from '../../shared/amendments/types.js';

/** What the editor shows of the negotiation: each measure's status and its number of pending amendments. */
export interface NegotiationMarks {
  statuses: Record<string, MeasureStatus>;
  pending: Record<string, number>;
  /** The badge's title, e.g. "3 amendementen in behandeling" (words come from the page's language). */
  badgeTitle: (n: number) => string;
}

interface PluginState {
  marks: NegotiationMarks;
  decorations: DecorationSet;
}

/** The plugin's key: `tr.setMeta(negotiationKey, marks)` gives it new marks. */
export const negotiationKey = new PluginKey<PluginState>('negotiation');

const NONE: NegotiationMarks = { statuses: {}, pending: {}, badgeTitle: String };

function decorate(state: EditorState['doc'], marks: NegotiationMarks): DecorationSet {
  const decorations: Decoration[] = [];
  state.descendants((node, pos) => {
    if (node.type.name !== 'measure') return node.type.name !== 'paragraph';
    const id = String(node.attrs.id ?? '');
    const status = marks.statuses[id];
    if (status && status !== 'open')
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: `negotiation-${status}` }));
    const n = marks.pending[id] ?? 0;
    if (n > 0)
      decorations.push(
        Decoration.widget(
          pos + 1,
          () => {
            const badge = document.createElement('span');
            badge.className = 'amendment-badge';
            badge.textContent = String(n);
            badge.title = marks.badgeTitle(n);
            badge.contentEditable = 'false';
            return badge;
          },
          { side: -1, key: `badge-${id}-${n}`, ignoreSelection: true },
        ),
      );
    return false;
  });
  return DecorationSet.create(state, decorations);
}

/**
 * Editor decorations of the negotiation: a coloured edge by status and a small badge with the number of
 * pending amendments. Recomputed when the marks change or y-prosemirror replaces the document (a remote
 * change), else mapped through local edits.
 */
export function negotiationPlugin(): Plugin<PluginState> {
  return new Plugin<PluginState>({
    key: negotiationKey,
    state: {
      init: (_, state) => ({ marks: NONE, decorations: decorate(state.doc, NONE) }),
      apply(tr, prev, _old, state) {
        const marks = tr.getMeta(negotiationKey) as NegotiationMarks | undefined;
        if (marks) return { marks, decorations: decorate(state.doc, marks) };
        if (!tr.docChanged) return prev;
        if (tr.getMeta(ySyncPluginKey))
          return { marks: prev.marks, decorations: decorate(state.doc, prev.marks) };
        return { marks: prev.marks, decorations: prev.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: { decorations: (state) => negotiationKey.getState(state)?.decorations },
  });
}
