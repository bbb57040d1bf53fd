import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { matchesIn } from '../../shared/search/search.js';

/** The search's marks in the text: every match of the query's words, and the one jumped to. */
export interface SearchState {
  terms: readonly string[];
  current: { from: number; to: number } | null;
  decorations: DecorationSet;
}

type Meta = { terms: readonly string[] } | { current: { from: number; to: number } | null };

export const searchKey = new PluginKey<SearchState>('search');

/** Marks beyond this many are left out: a word found everywhere helps nobody, and the text stays quick. */
const MAX_MARKS = 2_000;

/** One code unit per position: text as is, any inline leaf as one placeholder character. */
const LEAF = '\ufffc';

/** Where the words occur in the document, as ProseMirror ranges in document order. */
export function matchRanges(
  doc: Node,
  terms: readonly string[],
  limit = MAX_MARKS,
): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  if (terms.length === 0) return out;
  doc.descendants((node, pos) => {
    if (out.length >= limit) return false;
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, LEAF);
    for (const [from, to] of matchesIn(text, terms)) {
      out.push({ from: pos + 1 + from, to: pos + 1 + to });
      if (out.length >= limit) break;
    }
    return false;
  });
  return out;
}

function decorate(doc: Node, terms: readonly string[], current: SearchState['current']): DecorationSet {
  const ranges = matchRanges(doc, terms);
  const decorations = ranges.map((r) =>
    Decoration.inline(r.from, r.to, {
      class:
        current && r.from < current.to && r.to > current.from
          ? 'search-match search-current'
          : 'search-match',
    }),
  );
  if (current && !ranges.some((r) => r.from < current.to && r.to > current.from))
    decorations.push(Decoration.inline(current.from, current.to, { class: 'search-current' }));
  return DecorationSet.create(doc, decorations);
}

/** Shows the query's words in the text (none for an empty list). */
export function setSearchTerms(view: EditorView, terms: readonly string[]): void {
  view.dispatch(view.state.tr.setMeta(searchKey, { terms } satisfies Meta).setMeta('addToHistory', false));
}

/** Marks the match jumped to. */
export function setSearchCurrent(tr: Transaction, current: { from: number; to: number } | null): Transaction {
  return tr.setMeta(searchKey, { current } satisfies Meta);
}

/** The search's decorations; they follow every change of the text while a query is shown. */
export function searchPlugin(): Plugin<SearchState> {
  return new Plugin<SearchState>({
    key: searchKey,
    state: {
      init: () => ({ terms: [], current: null, decorations: DecorationSet.empty }),
      apply(tr, value, _old, state: EditorState): SearchState {
        const meta = tr.getMeta(searchKey) as Meta | undefined;
        let { terms, current } = value;
        if (meta && 'terms' in meta) {
          terms = meta.terms;
          if (terms.length === 0) current = null;
        }
        if (meta && 'current' in meta) current = meta.current;
        else if (current && tr.docChanged) {
          const from = tr.mapping.map(current.from);
          const to = tr.mapping.map(current.to, -1);
          current = to > from ? { from, to } : null;
        }
        if (!meta && !tr.docChanged) return value;
        if (terms.length === 0 && !current) return { terms, current, decorations: DecorationSet.empty };
        // Only the changed text could hold new matches, but a keystroke's walk over the text is a few
        // milliseconds even at 900 measures; simple wins.
        return { terms, current, decorations: decorate(state.doc, terms, current) };
      },
    },
    props: {
      decorations: (state) => searchKey.getState(state)?.decorations,
    },
  });
}
