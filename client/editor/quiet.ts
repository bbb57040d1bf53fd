import type { Transaction } from 'prosemirror-state';

/**
 * Marks a transaction that changes only an editor plugin's own view (its decorations), not the document
 * or the selection: the page around the editor need not render again for it. Typing in suggesting mode
 * is such a transaction per keystroke, and each render of the page while the editor has focus costs a
 * walk over the editor's whole DOM (React saves the selection of a focused contenteditable).
 */
export const QUIET = 'akkoord-quiet';

/** Marks `tr` as quiet (see `QUIET`). */
export function quiet(tr: Transaction): Transaction {
  return tr.setMeta(QUIET, true);
}

/** True when `tr` is quiet and really changed neither the document nor the selection. */
export function isQuiet(tr: Transaction, before: { selection: Transaction['selection'] }): boolean {
  return tr.getMeta(QUIET) === true && !tr.docChanged && tr.selection.eq(before.selection);
}
