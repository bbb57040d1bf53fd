import { Plugin, TextSelection } from 'prosemirror-state';

/**
 * Keeps the caret after the letters just typed. Chrome reports the DOM selection of a text block that was
 * empty (ProseMirror draws it as a `<br>`) and just redrawn — a new measure made with Enter, numbered by the
 * server a moment later — as before the first letter typed into it, though it shows the caret after it
 * (ProseMirror issue 1035). ProseMirror takes that reported selection over, so the next letters went in
 * front: "Een" became "enE". Typing never leaves the caret before its own text: when the caret was at the
 * end of what the typing replaced and ProseMirror would put it at the start of the typed text, it goes
 * after it instead. Everything else (a selection typed over, input methods) keeps ProseMirror's handling.
 */
export function caretAfterTyping(): Plugin {
  return new Plugin({
    props: {
      handleTextInput(view, from, to, text, deflt) {
        const before = view.state.selection;
        if (!text || !before.empty || before.head !== to) return false;
        const tr = deflt();
        if (!tr.selection.empty || tr.selection.head !== from) return false;
        view.dispatch(tr.setSelection(TextSelection.create(tr.doc, from + text.length)));
        return true;
      },
    },
  });
}
