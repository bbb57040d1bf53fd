import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import { freshId } from '../../shared/agenda/ids.js';

const KINDS = { chapter: 'c', section: 's', measure: 'm' } as const;

/**
 * Keeps ids of chapters, sections and measures unique and present. Splitting a measure (Enter in the middle)
 * copies its attributes, so the second half would carry the first half's id and number: it gets a fresh id
 * and no number (the server numbers it; clients never set a number), and the first keeps both. Runs on
 * local changes only; remote ones were fixed by their author, so clients never race to rewrite the same node.
 */
export const measureIdsPlugin = new Plugin({
  key: new PluginKey('measureIds'),
  appendTransaction(transactions, _old, state) {
    const local = transactions.some((tr: Transaction) => tr.docChanged && !tr.getMeta(ySyncPluginKey));
    if (!local) return null;
    const seen = new Set<string>();
    let tr: Transaction | null = null;
    state.doc.descendants((node, pos) => {
      const kind = KINDS[node.type.name as keyof typeof KINDS];
      if (!kind) return node.type.name === 'doc';
      const id = node.attrs.id as string | null;
      if (!id || seen.has(id)) {
        const next = freshId(kind);
        tr = (tr ?? state.tr).setNodeAttribute(pos, 'id', next).setNodeAttribute(pos, 'number', '');
        seen.add(next);
      } else {
        seen.add(id);
      }
      return kind !== 'm';
    });
    return tr;
  },
});
