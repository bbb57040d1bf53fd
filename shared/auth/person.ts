import type { Role } from './roles.js';

/**
 * The secretariat's party short name: the chair's party. It records no positions and has no column in
 * the positions matrix; the parties at the table are the others.
 */
export const SECRETARIAT = 'SEC';

/** The colour of a party or person whose own colour is not known (a neutral grey). */
export const FALLBACK_COLOR = '#6e7781';

/** A party at the table (the secretariat is one too). */
export interface Party {
  /** Short name, unique per document, used in room names and URLs: "D66", "GL-PvdA", "SEC". */
  short: string;
  name: string;
  /** CSS colour, e.g. "#237e12". */
  color: string;
}

/** A person invited to a document, in one party with one role. */
export interface Person {
  id: string;
  documentId: string;
  name: string;
  party: string;
  role: Role;
}
