import type { Role } from './roles.js';

/** A party at the table (the secretariat is one too). */
export interface Party {
  /** Short name, unique per document, used in room names and URLs: "D66", "GL-PvdA", "SEC". */
  short: string;
  name: string;
  /** CSS colour, e.g. "#00a651". */
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
