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

/**
 * An administrator of the instance: creates negotiations and appoints their chairs. Belongs to no document
 * and no party, so no room of a party is ever theirs.
 */
export interface Administrator {
  id: string;
  name: string;
}

/** The parties every new document starts with: the secretariat and the parties at the D66–CDA table. */
export const DEFAULT_PARTIES: readonly Party[] = [
  { short: SECRETARIAT, name: 'Secretariaat', color: '#4b5563' },
  { short: 'D66', name: 'D66', color: '#237e12' },
  { short: 'CDA', name: 'CDA', color: '#013f30' },
  { short: 'VVD', name: 'VVD', color: '#994b02' },
  { short: 'GL-PvdA', name: 'GroenLinks-PvdA', color: '#8d012a' },
  { short: 'JA21', name: 'JA21', color: '#02255d' },
];
