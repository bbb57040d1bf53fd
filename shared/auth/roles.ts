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

/**
 * The instance's administrator: a standing of its own, not a role in any document. Administrators create
 * negotiations and appoint their chairs; they take part in none, so no document action is theirs.
 */
export const ADMIN = 'admin';
/** Who is asking, as far as a permission cares: a person's role in their document, or the administrator. */
export type Standing = Role | typeof ADMIN;

/** What is done to the instance as a whole rather than inside one document: the administrator's work. */
export type InstanceAction =
  /** Read an agenda file into an outline to check (`POST /api/imports`); nothing is stored. */
  | 'agenda.read'
  /** Create a negotiation from an agenda (`POST /api/documents`), or replace its agenda. */
  | 'negotiation.create'
  /** See every negotiation of the instance, not only one's own. */
  | 'negotiation.list'
  /** Read a negotiation's agenda text (its text room, read-only) — never its meta or party rooms. */
  | 'negotiation.text'
  /** Appoint a chair of a negotiation (an invitation in its secretariat). */
  | 'chair.appoint';

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

const ADMIN_ALLOWED: readonly InstanceAction[] = [
  'agenda.read',
  'negotiation.create',
  'negotiation.list',
  'negotiation.text',
  'chair.appoint',
];

/**
 * May someone of this standing (a role, or the administrator) do `action`? Negotiators edit the text only
 * while the chair has opened drafting. No role may do an instance action; the administrator may do nothing
 * else.
 */
export function can(who: Standing, action: Action | InstanceAction, mode: DraftingMode = 'closed'): boolean {
  if (who === ADMIN) return (ADMIN_ALLOWED as readonly string[]).includes(action);
  if (action === 'text.edit' && who === 'negotiator') return mode === 'open';
  return (ALLOWED[who] as readonly string[]).includes(action);
}

/** Each action in the words of a Dutch sentence: "Uw rol … mag dit niet doen: <words>." */
const ACTION_WORDS: Record<Action | InstanceAction, string> = {
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
  'agenda.read': 'een agenda inlezen voor een nieuwe onderhandeling',
  'negotiation.create': 'een onderhandeling aanmaken of haar agenda vervangen',
  'negotiation.list': 'alle onderhandelingen zien',
  'negotiation.text': 'de tekst van een onderhandeling lezen waar u geen deelnemer van bent',
  'chair.appoint': 'een voorzitter aanstellen',
};

/** The sentence for someone whose role (or standing) may not do `action`, naming both. */
export function refusedSentence(who: Standing, action: Action | InstanceAction): string {
  if (who === ADMIN)
    return `Een beheerder neemt niet deel aan onderhandelingen en mag dit niet doen: ${ACTION_WORDS[action]}.`;
  return `Uw rol (${who}) mag dit niet doen: ${ACTION_WORDS[action]}.`;
}

/** True for one of the four role names. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
