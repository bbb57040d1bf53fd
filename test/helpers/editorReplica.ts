import * as Y from 'yjs';
import { EditorState, TextSelection, type Command, type Plugin, type Transaction } from 'prosemirror-state';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import type { EditorView } from 'prosemirror-view';
import { initProseMirrorDoc, redo, undo, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import { schema } from '../../shared/schema/schema.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { measureIdsPlugin } from '../../client/editor/measureIds.js';
import { structureGuard } from '../../client/editor/structureGuard.js';
import { leaveTitle } from '../../client/editor/commands.js';

/**
 * The editor's sync path without a browser: a ProseMirror state with the editor's own plugins (y-prosemirror's
 * sync and undo, the structure guard, the id plugin) over a Y.Doc, and a minimal view that runs the plugins'
 * views as ProseMirror's EditorView does. Local edits go through ProseMirror commands and reach the Y.Doc
 * exactly as the editor writes them (updateYFragment); remote updates are rendered back (and repaired) by
 * y-prosemirror.
 */
export interface EditorReplica {
  doc: Y.Doc;
  view: { state: EditorState; dispatch(tr: Transaction): void };
  /** Runs a command at the current state, as a key press would. */
  run(command: Command): boolean;
  destroy(): void;
}

/** Enter as the editor binds it: leave a title, else the base keymap's (split the block). */
export const enter: Command = chainCommands(leaveTitle, baseKeymap.Enter!);
export const backspace: Command = baseKeymap.Backspace!;
export const deleteForward: Command = baseKeymap.Delete!;
export const undoCommand: Command = undo;
export const redoCommand: Command = redo;

export function editorReplica(doc: Y.Doc, options: { structure: boolean }): EditorReplica {
  const fragment = doc.getXmlFragment(TEXT_FRAGMENT);
  const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, schema);
  const plugins: Plugin[] = [
    ySyncPlugin(fragment, { mapping }),
    yUndoPlugin(),
    structureGuard(() => options.structure),
    measureIdsPlugin,
  ];
  const view = {
    state: EditorState.create({ schema, doc: pmDoc, plugins }),
    dispatch(tr: Transaction) {
      const previous = view.state;
      view.state = view.state.apply(tr);
      for (const pluginView of pluginViews) pluginView.update?.(view as unknown as EditorView, previous);
    },
    hasFocus: () => false,
    isDestroyed: false,
  };
  const pluginViews = plugins
    .filter((p) => p.spec.view)
    .map((p) => p.spec.view!(view as unknown as EditorView));
  return {
    doc,
    view,
    // Commands get no view: without one they judge "at the end of the block" from the state, not the DOM.
    // A command that throws on an odd document (ProseMirror's splitBlock can, in a mangled intro) changes
    // nothing, as a key press whose handler throws in the browser.
    run: (command) => {
      try {
        return command(view.state, (tr) => view.dispatch(tr));
      } catch (err) {
        if ((err as Error).name === 'TransformError' || err instanceof RangeError) return false;
        throw err;
      }
    },
    destroy() {
      view.isDestroyed = true;
      for (const pluginView of pluginViews) pluginView.destroy?.();
    },
  };
}

/** The positions of every textblock's content (start, end) in the replica's document, in document order. */
export function textblocks(state: EditorState, only?: string): { name: string; from: number; to: number }[] {
  const out: { name: string; from: number; to: number }[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (!only || node.type.name === only)
      out.push({ name: node.type.name, from: pos + 1, to: pos + 1 + node.content.size });
    return false;
  });
  return out;
}

/** Puts the cursor (or a selection from `from` to `to`) into the replica's state. */
export function select(replica: EditorReplica, from: number, to = from): void {
  const { state } = replica.view;
  replica.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}
