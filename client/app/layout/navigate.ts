import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * Puts the caret at the start of the text of the node with `id` (a chapter, section or measure) and gives
 * the editor the focus, without scrolling: whoever asked has already brought the node into view. The side
 * panel follows the caret, so choosing a measure in the outline opens its amendments, by mouse or keyboard.
 */
export function caretInto(view: EditorView, id: string): boolean {
  let target: number | null = null;
  view.state.doc.descendants((node, pos) => {
    if (target !== null) return false;
    if (node.attrs.id === id) {
      // The first text position inside it: its title's for a chapter or section, its own for a measure.
      let inner: number | null = null;
      node.descendants((child, childPos) => {
        if (inner !== null) return false;
        if (child.isTextblock) inner = pos + 1 + childPos + 1;
        return true;
      });
      target = node.isTextblock ? pos + 1 : inner;
      return false;
    }
    return true;
  });
  if (target === null) return false;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, target)));
  view.focus();
  return true;
}

/**
 * With nothing selected and the caret in a measure, selects the measure's text (at most `maxLength`
 * characters), so that what is done with "the selection" — a comment — can be done from the keyboard alone,
 * and by people whose text is read-only. Returns whether it selected anything.
 */
export function selectMeasureAtCaret(view: EditorView, maxLength: number): boolean {
  const { selection } = view.state;
  if (!selection.empty) return false;
  const parent = selection.$from.parent;
  if (parent.type.name !== 'measure' || parent.content.size === 0) return false;
  const start = selection.$from.start();
  const end = start + Math.min(parent.content.size, maxLength);
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, start, end)));
  return true;
}
