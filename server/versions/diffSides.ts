import type { Agenda } from '../../shared/agenda/types.js';
import type { SideItems } from '../authorship/diff.js';

/**
 * One side of a comparison, as the diff API names it: the imported original, a stored version, the live
 * text now, or the text as the asking person last saw it.
 */
export type DiffSide =
  { kind: 'original' } | { kind: 'live' } | { kind: 'since-last-visit' } | { kind: 'version'; id: string };

/** Parses a `from`/`to` parameter; null for anything else. */
export function parseDiffSide(value: unknown): DiffSide | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 100) return null;
  switch (value) {
    case 'original':
    case 'live':
    case 'since-last-visit':
      return { kind: value };
    default:
      return value.startsWith('v-') ? { kind: 'version', id: value } : null;
  }
}

/** A side resolved to its text, with the moment it stands for (null for the original). */
export interface ResolvedSide {
  agenda: Agenda;
  /** ISO time of the text: a version's creation, the previous visit, now; null for the original. */
  at: string | null;
  /** The version's name, for a version. */
  name?: string;
  /** Its text units' Yjs item ids, for who wrote what (null when the side keeps no Yjs state). */
  items: SideItems;
}
