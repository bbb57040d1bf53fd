import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { Author } from '../../shared/diff/index.js';

/**
 * Who last changed a measure and when (`GET …/last-changes`): `author` as the attribution index credits
 * the change — the person, or for an accepted amendment the proposing party with the chair who decided.
 */
export interface LastChange {
  measureId: string;
  at: string;
  author: Author;
}

interface State {
  changes: Map<string, LastChange>;
  describe: (change: LastChange) => string;
  decorations: DecorationSet;
}

export const lastChangeKey = new PluginKey<State>('lastChange');

function decorate(
  doc: Node,
  changes: Map<string, LastChange>,
  describe: (c: LastChange) => string,
): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'measure') return true;
    const change = changes.get(node.attrs.id as string);
    if (change) {
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, {
          title: describe(change),
          'data-last-change': describe(change),
        }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Marks each measure with who last changed it and when (a tooltip). The data comes from the audit API via
 * a transaction meta; after remote changes (y-prosemirror replaces the document) the marks are rebuilt.
 */
export function lastChangePlugin(): Plugin<State> {
  return new Plugin<State>({
    key: lastChangeKey,
    state: {
      init: (_config, state) => ({
        changes: new Map(),
        describe: () => '',
        decorations: DecorationSet.create(state.doc, []),
      }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(lastChangeKey) as Pick<State, 'changes' | 'describe'> | undefined;
        if (meta) return { ...meta, decorations: decorate(state.doc, meta.changes, meta.describe) };
        if (!tr.docChanged) return value;
        return { ...value, decorations: decorate(state.doc, value.changes, value.describe) };
      },
    },
    props: { decorations: (state) => lastChangeKey.getState(state)?.decorations },
  });
}
