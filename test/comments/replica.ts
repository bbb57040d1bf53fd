import * as Y from 'yjs';
import { EditorState, type Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { canJoin } from 'prosemirror-transform';
import { initProseMirrorDoc, prosemirrorToYDoc, updateYFragment } from 'y-prosemirror';
import { schema } from '../../shared/schema/schema.js';
import { buildDocument } from '../../shared/agenda/build.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import type { Agenda } from '../../shared/agenda/types.js';

/**
 * A replica of the agenda text that edits the way a browser does: a ProseMirror transaction on the
 * document y-prosemirror shows, written back into the Y.XmlFragment by y-prosemirror's own
 * `updateYFragment` (the function its binding calls after every local change). So splits, joins and
 * replacements reach Yjs with exactly the item identities a real editor gives them.
 */
export class Replica {
  readonly doc = new Y.Doc();
  readonly fragment = this.doc.getXmlFragment(TEXT_FRAGMENT);

  constructor(initial: Uint8Array) {
    Y.applyUpdate(this.doc, initial);
  }

  /** The ProseMirror document of the current Y content. */
  pm(): Node {
    return initProseMirrorDoc(this.fragment, schema).doc;
  }

  /** Applies a ProseMirror edit; returns false when `edit` declined (nothing changed). */
  edit(edit: (state: EditorState) => Transaction | null): boolean {
    const { doc, meta } = initProseMirrorDoc(this.fragment, schema);
    const tr = edit(EditorState.create({ schema, doc }));
    if (!tr || !tr.docChanged) return false;
    updateYFragment(this.doc, this.fragment, tr.doc, meta);
    return true;
  }

  /** Brings another replica's changes in (one direction). */
  pull(from: Replica): void {
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(this.doc)));
  }
}

/** The initial update of an agenda's text, as the server seeds it. */
export function seedUpdate(agenda: Agenda): Uint8Array {
  const ydoc = prosemirrorToYDoc(buildDocument(agenda), TEXT_FRAGMENT);
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

/** Positions of the text blocks of a ProseMirror document: [start of content, node]. */
export function textblocks(doc: Node): { pos: number; node: Node }[] {
  const out: { pos: number; node: Node }[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      out.push({ pos: pos + 1, node });
      return false;
    }
    return true;
  });
  return out;
}

/** Splits a text block at an offset (Enter), giving a split measure a fresh id as the editor does. */
export function splitAt(
  state: EditorState,
  block: number,
  offset: number,
  freshId: string,
): Transaction | null {
  const b = textblocks(state.doc)[block];
  if (!b) return null;
  const attrs = b.node.type.name === 'measure' ? { ...b.node.attrs, id: freshId } : b.node.attrs;
  return state.tr.split(b.pos + offset, 1, [{ type: b.node.type, attrs }]);
}

/** Joins a text block with the one before it (Backspace at its start), when they are alike. */
export function joinBackward(state: EditorState, block: number): Transaction | null {
  const b = textblocks(state.doc)[block];
  if (!b) return null;
  const boundary = b.pos - 1;
  if (!canJoin(state.doc, boundary)) return null;
  return state.tr.join(boundary);
}
