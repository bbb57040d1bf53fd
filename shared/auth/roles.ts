/**
 * Roles and what each may do. This is the one table both sides read: the client to hide what a role may not
 * do, the server to refuse it. The server is the one that counts.
 */
export const ROLES = ['chair', 'negotiator', 'reviewer', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Whether the chair has opened the text for negotiators to edit directly. */
export type DraftingMode = 'closed' | 'open';

export type Action =
  /** Edit the agenda text directly. */
  | 'text.edit'
  /** Add, remove or move chapters, sections and measures in the text (others may only change words in measures). */
  | 'text.structure'
  /** Propose, draft, submit and withdraw amendments of one's own party. */
  | 'amendment.propose'
  /** Accept or reject submitted amendments, group alternatives. */
  | 'amendment.decide'
  /** Record the party's position on an amendment or a measure. */
  | 'position.set'
  /** Set a measure's negotiation status. */
  | 'measure.status'
  /** Start and answer comment threads. */
  | 'comment.write'
  /** Write the party's private notes. */
  | 'notes.write'
  /** Make named versions and restore them. */
  | 'version.create'
  /** Invite, revoke, edit parties; open or close drafting. */
  | 'people.manage'
  /** Download exports. */
  | 'export'
  /** Read the text, versions and comparisons. */
  | 'read';

const ALLOWED: Record<Role, readonly Action[]> = {
  chair: [
    'text.edit',
    'text.structure',
    'amendment.propose',
    'amendment.decide',
    'position.set',
    'measure.status',
    'comment.write',
    'notes.write',
    'version.create',
    'people.manage',
    'export',
    'read',
  ],
  negotiator: ['amendment.propose', 'position.set', 'comment.write', 'notes.write', 'export', 'read'],
  reviewer: ['comment.write', 'export', 'read'],
  observer: ['read'],
};

/**
 * May a person of `role` do `action`? Negotiators edit the text only while the chair has opened drafting.
 */
export function can(role: Role, action: Action, mode: DraftingMode = 'closed'): boolean {
  if (action === 'text.edit' && role === 'negotiator') return mode === 'open';
  return ALLOWED[role].includes(action);
}

/** Each action in the words of a Dutch sentence: "Uw rol … mag dit niet doen: <words>." */
const ACTION_WORDS: Record<Action, string> = {
  'text.edit': 'de tekst wijzigen',
  'text.structure': 'hoofdstukken, secties en maatregelen toevoegen, verwijderen of verplaatsen',
  'amendment.propose': 'amendementen van de eigen partij opstellen, indienen, wijzigen of intrekken',
  'amendment.decide': 'over amendementen beslissen',
  'position.set': 'het standpunt van de eigen partij vastleggen',
  'measure.status': 'de status van een maatregel vastleggen',
  'comment.write': 'opmerkingen plaatsen of beantwoorden',
  'notes.write': 'partijnotities schrijven',
  'version.create': 'versies maken of terugzetten',
  'people.manage': 'deelnemers en partijen beheren of de redactie openen en sluiten',
  export: 'exporteren',
  read: 'het document lezen',
};

/** The sentence for a person whose role may not do `action`, naming the role and the action. */
export function refusedSentence(role: Role, action: Action): string {
  return `Uw rol (${role}) mag dit niet doen: ${ACTION_WORDS[action]}.`;
}

/** True for one of the four role names. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
