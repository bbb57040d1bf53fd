import * as Y from 'yjs';
import { PARTY_DRAFTS } from '../../../shared/amendments/types.js';
import type { Resolution, ParentRef } from './resolve.js';
import type { Check } from './check.js';
import { isValidId } from './schemaRules.js';
import { measureOfNoteKey } from '../../../shared/notes/measureNotes.js';

/** The party room's shared text of notes (`doc.getText(PARTY_NOTES)`), which the party's negotiators type in. */
export const PARTY_NOTES = 'notes';

/** The fields of a draft that its party's negotiators type in; everything else of a draft is the server's. */
const DRAFT_TEXTS: ReadonlySet<string> = new Set(['text', 'rationale']);

/**
 * A text a client may type in: the notes, a measure's note (`measureNote:<measure id>`, see
 * shared/notes/measureNotes.ts), or the text or rationale of a live draft (with its draft id).
 */
type Writable = { kind: 'notes' } | { kind: 'draft'; draftId: string };

/** Whether a root name is one a client may type in: the party's notes or a measure's note. */
function writableRoot(key: string): boolean {
  if (key === PARTY_NOTES) return true;
  const measureId = measureOfNoteKey(key);
  return measureId !== null && isValidId(measureId);
}

/** The root name of a root type of `doc`, or null. */
function rootKey(doc: Y.Doc, type: Y.AbstractType<unknown>): string | null {
  if (doc.share.get(PARTY_NOTES) === type) return PARTY_NOTES;
  for (const [key, root] of doc.share) if (root === type) return key;
  return null;
}

function writableText(doc: Y.Doc, type: Y.AbstractType<unknown>): Writable | null {
  if (type._item === null) {
    const key = rootKey(doc, type);
    return key !== null && writableRoot(key) ? { kind: 'notes' } : null;
  }
  if (!(type instanceof Y.Text) || type instanceof Y.XmlText) return null;
  const field = type._item.parentSub;
  const entry = type._item.parent as Y.AbstractType<unknown> | null;
  if (type._item.deleted || field === null || !DRAFT_TEXTS.has(field) || !(entry instanceof Y.Map))
    return null;
  const entryItem = entry._item;
  if (!entryItem || entryItem.deleted || entryItem.parentSub === null) return null;
  return entryItem.parent === doc.share.get(PARTY_DRAFTS)
    ? { kind: 'draft', draftId: entryItem.parentSub }
    : null;
}

function writableParent(doc: Y.Doc, parent: ParentRef): Writable | 'gone' | null {
  switch (parent.kind) {
    case 'gone':
      return 'gone';
    case 'root':
      return writableRoot(parent.key) ? { kind: 'notes' } : null;
    case 'type':
      return writableText(doc, parent.type);
    case 'new':
      return null; // clients create no shared types here: drafts are made by the server
  }
}

/**
 * Checks an update to a party room (`<doc>/party/<P>`) before it is applied: a client types only in the
 * party's notes, its notes per measure and in the text and rationale of existing drafts — plain characters
 * added and deleted.
 * Drafts themselves, their fields and authors, and party threads are written by the server after an API
 * check. Returns the drafts whose text changed, so the server can add the writer to their authors.
 */
export function checkPartyUpdate(
  doc: Y.Doc,
  update: Extract<Resolution, { kind: 'resolved' }>,
): Check & { drafts: string[] } {
  const drafts = new Set<string>();
  const refuse = (reason: string) => ({ ok: false as const, reason, drafts: [] });
  for (const n of update.items) {
    if (n.deletedHere || n.item.content instanceof Y.ContentDeleted) continue;
    const target = writableParent(doc, n.parent);
    if (target === 'gone') continue;
    if (!target || n.parentSub !== null) {
      return refuse(
        'Alleen notities en de tekst van concepten worden hier getypt; de rest gaat via de server',
      );
    }
    // Suggesting mode marks who typed each run of a draft (a formatting attribute `author`, shown on hover);
    // nothing else formats a draft or the notes.
    const authorMark =
      target.kind === 'draft' &&
      n.item.content instanceof Y.ContentFormat &&
      n.item.content.key === 'author' &&
      (n.item.content.value === null ||
        (typeof n.item.content.value === 'string' && n.item.content.value.length <= 200));
    if (!(n.item.content instanceof Y.ContentString) && !authorMark)
      return refuse('Alleen platte tekst in notities en concepten');
    if (target.kind === 'draft') drafts.add(target.draftId);
  }
  for (const item of update.deleted) {
    const parent = item.parent as Y.AbstractType<unknown> | null;
    const target = parent ? writableText(doc, parent) : null;
    const text = item.content instanceof Y.ContentString || item.content instanceof Y.ContentFormat;
    if (!target || item.parentSub !== null || !text) {
      return refuse('Alleen tekst in notities en concepten mag hier worden gewist');
    }
    if (target.kind === 'draft') drafts.add(target.draftId);
  }
  return { ok: true, drafts: [...drafts] };
}
