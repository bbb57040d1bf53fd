import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import { ySyncPluginKey } from 'y-prosemirror';
import { freshId } from '../../shared/agenda/ids.js';
import { predictPairs, type BindingMapping } from './pairing.js';

const KINDS = { chapter: 'c', section: 's', measure: 'm' } as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];

const key = new PluginKey('measureIds');
/** Passes over one local change: the second finds nothing left to fix; the bound only guards a surprise. */
const MAX_PASSES = 3;

/**
 * Keeps the ids and numbers of chapters, sections and measures as the server requires: every id present and
 * unique, an id never moving to another element, and numbers the server's. Splitting a measure (Enter)
 * copies its attributes into the new half; joining two keeps the first's. Which half is "the same measure"
 * is decided by how y-prosemirror will write the change (`predictPairs`): the node that lands in the
 * existing element keeps that element's id and number, every other node is new — a fresh id (unless it
 * brings a unique one, as a moved measure does) and an empty number, which the server fills in. Runs on
 * local changes only; remote ones were fixed by their author, so clients never race to rewrite one node.
 */
export const measureIdsPlugin = new Plugin({
  key,
  appendTransaction(transactions, oldState, state) {
    const local = transactions.some((tr: Transaction) => tr.docChanged && !tr.getMeta(ySyncPluginKey));
    if (!local) return null;
    const pass = Math.max(0, ...transactions.map((tr) => (tr.getMeta(key) as number | undefined) ?? 0));
    if (pass >= MAX_PASSES) return null;
    const tr = fixIds(oldState, state);
    return tr ? tr.setMeta(key, pass + 1) : null;
  },
});

function fixIds(oldState: EditorState, state: EditorState): Transaction | null {
  const sync = ySyncPluginKey.getState(state) as
    { type?: Y.XmlFragment; binding?: { mapping: BindingMapping } } | undefined;
  const pairs = new Map<Node, Y.XmlElement>();
  if (sync?.type && sync.binding) predictPairs(sync.type, state.doc, sync.binding.mapping, pairs);
  // Ids of the elements that stay: a node that is not their pair may not take them.
  const kept = new Set<string>();
  for (const [node, element] of pairs) {
    const id = element.getAttribute('id');
    if (node.type.name in KINDS && typeof id === 'string') kept.add(id);
  }
  const before = new Map<string, string>();
  oldState.doc.descendants((node) => {
    if (!(node.type.name in KINDS)) return !node.isTextblock;
    if (typeof node.attrs.id === 'string') before.set(node.attrs.id, String(node.attrs.number ?? ''));
    return node.type.name !== 'measure';
  });

  const seen = new Set<string>();
  let tr: Transaction | null = null;
  state.doc.descendants((node, pos) => {
    const kind = KINDS[node.type.name as keyof typeof KINDS] as Kind | undefined;
    if (!kind) return !node.isTextblock;
    const partner = pairs.get(node);
    let id = node.attrs.id as string | null;
    let number = String(node.attrs.number ?? '');
    const partnerId = partner?.getAttribute('id');
    if (typeof partnerId === 'string' && !seen.has(partnerId)) {
      id = partnerId;
      const partnerNumber = partner!.getAttribute('number');
      number = typeof partnerNumber === 'string' ? partnerNumber : '';
    } else if (!id || seen.has(id) || kept.has(id)) {
      id = freshId(kind);
      number = '';
    } else if (before.get(id) !== number) {
      // A node new to the shared text takes no number of its own; one moved within it keeps its number.
      number = '';
    }
    seen.add(id);
    if (id !== node.attrs.id || number !== String(node.attrs.number ?? '')) {
      tr = (tr ?? state.tr).setNodeMarkup(pos, undefined, { ...node.attrs, id, number });
    }
    return kind !== 'm';
  });
  return tr;
}
