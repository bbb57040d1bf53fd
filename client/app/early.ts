import type { EditorView } from 'prosemirror-view';
import type { EditorState } from 'prosemirror-state';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { createEditor, destroyEditor } from '../editor/createEditor.js';
import { acquireRoom, type RoomUse } from './rooms.js';
import { api, type Account } from './session.js';
import { currentLayout } from './layout/useLayout.js';
import { DEFAULT_PANEL_WIDTH } from './layout/panelWidth.js';

/**
 * Opening a document fast (issue 14): on a document's address this small module — read before React and the
 * page's code — joins the text room and asks `/api/me` at once, in parallel, and shows the text as soon as its
 * room has synced, in a shell laid out as the page will be. When the page mounts it takes the editor over
 * (the same view, moved into its own place) or, if it came first, makes it itself.
 */

/** What the page lends the early editor once it takes it over. */
export interface EditorHooks {
  editable(): boolean;
  onChange(state: EditorState): void;
  mayChangeStructure(): boolean;
}

interface Early {
  documentId: string;
  room: RoomUse;
  view: EditorView | null;
  shell: HTMLElement | null;
  claimed: boolean;
  hooks: EditorHooks;
}

let early: Early | null = null;
let me: Promise<Account> | null = null;
let settle: () => void = () => {};
/** Settles once the text has been painted, or nothing will be shown early (see `afterEarlyText`). */
const settled = new Promise<void>((resolve) => (settle = resolve));

/** Waiting for the early text no longer than this: a slow or silent server still gets the page's own views. */
const EARLY_TEXT_WAIT_MS = 3_000;

/**
 * Resolves once the early text has been painted — or at once when there is none to wait for (another page, a
 * refused room), and at the latest after EARLY_TEXT_WAIT_MS. The app's code is read after it, so its
 * reading never holds up the text's first frame.
 */
export function afterEarlyText(): Promise<void> {
  return settled;
}

/** A shell with the page's own classes, so the text stands where the page will show it. */
function shell(): { root: HTMLElement; mount: HTMLElement } {
  const el = (tag: string, className: string, ...children: HTMLElement[]) => {
    const node = document.createElement(tag);
    node.className = className;
    node.append(...children);
    return node;
  };
  const brand = el('a', 'brand');
  brand.setAttribute('href', '/');
  brand.textContent = 'Akkoord';
  const mount = el('div', 'editor-mount');
  const workspace = el(
    'div',
    'workspace with-panel',
    el('div', 'outline-holder'),
    el('div', 'centre', el('div', 'toolbar'), el('main', 'paper', mount)),
  );
  workspace.style.setProperty('--panel-w', `${DEFAULT_PANEL_WIDTH}px`);
  const root = el('div', `document-page layout-${currentLayout()}`, el('header', 'topbar', brand), workspace);
  root.id = 'early';
  return { root, mount };
}

function show(state: Early): void {
  if (state.claimed || state.view) return;
  const { doc, provider } = state.room.handle;
  const fragment = doc.getXmlFragment(TEXT_FRAGMENT);
  // Never an editor on an empty text: it would write an empty skeleton into the shared document.
  if (fragment.length === 0) return;
  const { root, mount } = shell();
  document.body.append(root);
  state.shell = root;
  state.view = createEditor(mount, {
    fragment,
    awareness: provider.awareness,
    editable: () => state.hooks.editable(),
    onChange: (s) => state.hooks.onChange(s),
    mayChangeStructure: () => state.hooks.mayChangeStructure(),
  });
  (window as unknown as { akkoordView?: EditorView }).akkoordView = state.view;
  // Painted in the next frame; what comes after waits for it.
  requestAnimationFrame(() => setTimeout(settle, 0));
}

/** Starts joining the document's text room and asking who is signed in (see the module's comment). */
export function startEarly(pathname: string): void {
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (!match) return settle();
  setTimeout(settle, EARLY_TEXT_WAIT_MS);
  const room = acquireRoom(decodeURIComponent(match[1]!));
  const state: Early = {
    documentId: decodeURIComponent(match[1]!),
    room,
    view: null,
    shell: null,
    claimed: false,
    hooks: { editable: () => false, onChange: () => {}, mayChangeStructure: () => false },
  };
  early = state;
  const stop = room.follow((s) => {
    if (s.kind === 'disconnected') {
      stop();
      settle();
      return;
    }
    if (s.kind !== 'connected' || !s.synced) return;
    stop();
    show(state);
    if (!state.view) settle();
  });
  me = api<Account>('GET', '/api/me');
  // Whoever takes it handles a failure; until then it is not an unhandled rejection.
  me.catch(() => undefined);
}

/** `/api/me` as asked early, once (later askers ask again). */
export function takeEarlyMe(): Promise<Account> | null {
  const taken = me;
  me = null;
  return taken;
}

/**
 * The page takes over: the early editor of this document if it was made (its shell is removed; the caller
 * moves `view.dom` into its own place and lends it `hooks`), else null — and nothing more is made early.
 */
export function claimEarlyEditor(
  documentId: string,
): { view: EditorView; lend(hooks: EditorHooks): void } | null {
  const state = early;
  if (!state || state.documentId !== documentId || state.claimed) return null;
  state.claimed = true;
  settle();
  early = null;
  state.room.release();
  const view = state.view;
  const remove = () => state.shell?.remove();
  if (!view || view.isDestroyed) {
    remove();
    return null;
  }
  return {
    view,
    lend(hooks) {
      state.hooks = hooks;
      remove();
      view.setProps({});
    },
  };
}

/**
 * Drops the early editor of this document, if any (an administrator's page makes its own read-only view).
 */
export function dropEarlyEditor(documentId: string): void {
  const claimed = claimEarlyEditor(documentId);
  if (claimed) {
    claimed.lend({ editable: () => false, onChange: () => {}, mayChangeStructure: () => false });
    destroyEditor(claimed.view);
  }
}
