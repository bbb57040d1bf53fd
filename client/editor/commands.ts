import type { Command } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';

/**
 * Enter at the end of a measure starts a new measure after it (the default split would do the same but
 * keep the node's attributes; the id plugin then gives the new one its own id). In a title, Enter moves
 * to the next block instead of splitting the title into two.
 */
export const leaveTitle: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const name = $from.parent.type.name;
  if (!empty || !['title', 'chapter_title', 'section_title', 'signature'].includes(name)) return false;
  const after = $from.after();
  const $next = state.doc.resolve(Math.min(after + 1, state.doc.content.size));
  const selection = TextSelection.findFrom($next, 1, true);
  if (!selection) return false;
  dispatch?.(state.tr.setSelection(selection).scrollIntoView());
  return true;
};
