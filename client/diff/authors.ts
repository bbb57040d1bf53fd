/**
 * Who wrote a run of a diff, as the views show it: the party's colour on the run, and a sentence naming the
 * person (or, for an accepted amendment, the party and the chair who accepted it) for the hover and for
 * screen readers.
 */
import type { AttributedOp, Author } from '../../shared/diff/index.js';
import { FALLBACK_COLOR, type Party } from '../../shared/auth/person.js';
import { dutchMoment } from '../../shared/i18n/dates.js';
import type { MessageKey } from '../../shared/i18n/messages.js';

/** The translate function of `useI18n`. */
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The author of an op, or null (equal text, or a change nobody is known for). */
export function authorOfOp(op: AttributedOp): Author | null {
  return op.length === 3 ? op[2] : null;
}

/** "Daan Dijkstra (D66)"; for an accepted amendment "D66 (Daan Dijkstra)", or the party alone. */
function who(author: Author): string {
  if (author.decidedBy)
    return author.name && author.name !== author.party
      ? `${author.party} (${author.name})`
      : (author.party ?? '');
  return author.party ? `${author.name} (${author.party})` : author.name;
}

/** The sentence for a run: "Ingevoegd door Daan Dijkstra (D66), 30 november 10:04". */
export function describeRun(t: Translate, kind: -1 | 1, author: Author): string {
  const values = { who: who(author), time: dutchMoment(author.at), decider: author.decidedBy?.name ?? '' };
  if (author.decidedBy) return t(kind === 1 ? 'diffInsertedOnBehalf' : 'diffDeletedOnBehalf', values);
  return t(kind === 1 ? 'diffInsertedBy' : 'diffDeletedBy', values);
}

/** A short list of a unit's authors: "Daan Dijkstra (D66), Cas Claassen (CDA)". */
export function listAuthors(authors: readonly Author[]): string {
  return authors.map(who).join(', ');
}

/** The colour of an author's party (grey when the party is not known, or for Akkoord itself). */
export function partyColour(parties: readonly Pick<Party, 'short' | 'color'>[], author: Author): string {
  return parties.find((p) => p.short === author.party)?.color ?? FALLBACK_COLOR;
}

/** The attributes that mark a run with its author: colour, hover text and accessible label. */
export function runAttributes(
  t: Translate,
  parties: readonly Pick<Party, 'short' | 'color'>[],
  kind: -1 | 1,
  author: Author,
): { title: string; 'aria-label': string; 'data-party': string; style: string } {
  const label = describeRun(t, kind, author);
  return {
    title: label,
    'aria-label': label,
    'data-party': author.party ?? '',
    style: `--author-colour: ${partyColour(parties, author)}`,
  };
}
