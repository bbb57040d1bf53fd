import { EditorState, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, chainCommands, toggleMark } from 'prosemirror-commands';
import {
  ySyncPlugin,
  yCursorPlugin,
  yUndoPlugin,
  undo,
  redo,
  initProseMirrorDoc,
  defaultCursorBuilder,
} from 'y-prosemirror';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { schema } from '../../shared/schema/schema.js';
import { measureIdsPlugin } from './measureIds.js';
import { caretAfterTyping } from './caretAfterTyping.js';
import { structureGuard } from './structureGuard.js';
import { leaveTitle } from './commands.js';
import { isQuiet } from './quiet.js';

export interface EditorOptions {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  /**
   * Called after every state change, local or remote (the outline and presence follow it), except quiet
   * ones (a plugin's own decorations, see `QUIET`).
   */
  onChange?: (state: EditorState) => void;
  editable?: () => boolean;
  /** Whether the person may add, remove or move chapters, sections and measures (the chair); default yes. */
  mayChangeStructure?: () => boolean;
  /** Plugins of the page's features (diff marks, amendment and comment decorations). */
  plugins?: Plugin[];
}

/**
 * Mounts the agenda editor: ProseMirror bound to the shared Y.XmlFragment with y-prosemirror, remote cursors
 * from awareness, undo that only undoes one's own changes.
 */
export function createEditor(mount: HTMLElement, options: EditorOptions): EditorView {
  const { doc, mapping } = initProseMirrorDoc(options.fragment, schema);
  const state = EditorState.create({
    schema,
    doc,
    plugins: [
      ySyncPlugin(options.fragment, { mapping }),
      // Each cursor's label names the party beside its colour.
      yCursorPlugin(options.awareness, {
        cursorBuilder: (user: { name: string; party?: string; color: string }) =>
          defaultCursorBuilder(user.party ? { ...user, name: `${user.name} · ${user.party}` } : user),
      }),
      yUndoPlugin(),
      structureGuard(options.mayChangeStructure ?? (() => true)),
      measureIdsPlugin,
      ...(options.plugins ?? []),
      // After the features' plugins: suggesting mode takes typed text first.
      caretAfterTyping(),
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Mod-Shift-z': redo,
        'Mod-b': toggleMark(schema.marks.strong!),
        'Mod-i': toggleMark(schema.marks.em!),
        Enter: chainCommands(leaveTitle, baseKeymap.Enter!),
      }),
      keymap(baseKeymap),
    ],
  });
  const view: EditorView = new EditorView(mount, {
    state,
    editable: options.editable ?? (() => true),
    attributes: { class: 'agenda', spellcheck: 'true', lang: 'nl' },
    dispatchTransaction(tr) {
      const before = view.state;
      const next = before.apply(tr);
      view.updateState(next);
      if (!isQuiet(tr, before)) options.onChange?.(next);
    },
  });
  return view;
}

/**
 * Adds plugins to a running editor (features that load after the text shows), before the key bindings as
 * if they had been given to createEditor, and tells `onChange` of the new state.
 */
export function addPlugins(view: EditorView, plugins: Plugin[]): void {
  if (plugins.length === 0) return;
  const current = view.state.plugins;
  // The last two are the key bindings (createEditor's own and ProseMirror's base keymap).
  const at = current.length - 2;
  view.updateState(
    view.state.reconfigure({ plugins: [...current.slice(0, at), ...plugins, ...current.slice(at)] }),
  );
  view.dispatch(view.state.tr.setMeta('addToHistory', false));
}

/**
 * Destroys an editor for good. y-prosemirror 1.3 defers cursor updates to a timeout and checks a
 * `binding.isDestroyed` that its binding never sets, so one may still be dispatched to a view destroyed in
 * between (the room started again after a refused change): such a dispatch is dropped instead of throwing.
 */
export function destroyEditor(view: EditorView): void {
  view.destroy();
  view.dispatch = () => {};
}
