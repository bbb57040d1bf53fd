import { createContext, useContext } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { EditorState } from 'prosemirror-state';
import type { DraftingMode } from '../../shared/auth/roles.js';
import type { Me } from './session.js';
import type { RoomHandle } from './useRoom.js';

/**
 * What a feature of the document page (diff, amendments, comments, export…) is handed: who is signed in,
 * the live rooms, and the editor with its latest state. `state` changes with every edit, local or remote.
 */
export interface DocumentContextValue {
  documentId: string;
  me: Me;
  drafting: DraftingMode;
  /** The agenda text room. */
  text: RoomHandle | null;
  /** The server-written meta room (amendments, positions, statuses, settings). */
  meta: RoomHandle | null;
  /** The person's party room (party notes, draft amendments): no other party's connection opens it. */
  party: RoomHandle | null;
  view: EditorView | null;
  state: EditorState | null;
  /** Opens a tab of the side panel (by its feature's id), e.g. after a jump to an amendment. */
  openPanel: (id: string) => void;
}

export const DocumentContext = createContext<DocumentContextValue | null>(null);

export function useDocument(): DocumentContextValue {
  const value = useContext(DocumentContext);
  if (!value) throw new Error('useDocument outside DocumentPage');
  return value;
}
