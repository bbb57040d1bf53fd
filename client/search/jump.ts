import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { matchesIn } from '../../shared/search/search.js';
import type { SearchHit } from '../../shared/search/types.js';
import { commentsKey } from '../comments/plugin.js';
import { setSearchCurrent } from './plugin.js';

/** The text block a hit is about, as [start, end) of its content and the block itself. */
function blockOf(doc: Node, hit: SearchHit): { start: number; node: Node } | null {
  const id = hit.kind === 'measure' || hit.kind === 'title' ? hit.id : hit.measureId;
  let found: { start: number; node: Node } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    const match = id === 'title' ? node.type.name === 'title' : node.attrs.id === id;
    if (!match) return true;
    if (node.isTextblock) found = { start: pos + 1, node };
    else
      node.forEach((child, offset) => {
        // A chapter's or section's title is its first text block.
        if (!found && child.isTextblock) found = { start: pos + 1 + offset + 1, node: child };
      });
    return false;
  });
  return found;
}

/**
 * Brings a hit into view in the text: selects the first match of the query there (or puts the caret at the
 * start of its measure when the words are in an amendment or a thread) and marks it. A thread's own words
 * are selected when the comments know where they are. Returns false when its place is no longer in the text.
 */
export function jumpToHit(view: EditorView, hit: SearchHit, terms: readonly string[]): boolean {
  const { doc } = view.state;
  let range: { from: number; to: number } | null = null;
  if (hit.kind === 'thread') {
    const span = commentsKey.getState(view.state)?.placed.find((p) => p.id === hit.id)?.span;
    if (span) range = span;
  }
  if (!range) {
    const block = blockOf(doc, hit);
    if (!block) return false;
    const text = block.node.textBetween(0, block.node.content.size, undefined, '\ufffc');
    const first = hit.kind === 'measure' || hit.kind === 'title' ? matchesIn(text, terms)[0] : undefined;
    range = first
      ? { from: block.start + first[0], to: block.start + first[1] }
      : { from: block.start, to: block.start };
  }
  const tr = view.state.tr.setSelection(TextSelection.create(doc, range.from, range.to));
  view.dispatch(setSearchCurrent(tr, range.to > range.from ? range : null));
  const { node } = view.domAtPos(range.from);
  const el = node instanceof HTMLElement ? node : node.parentElement;
  el?.scrollIntoView({ block: 'center' });
  return true;
}
