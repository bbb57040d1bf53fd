/**
 * The pure parts of deciding amendments: who objects to accepting one (the brake), the single changes
 * (word runs) of an amendment that the chair can decide one by one, what a decision's text change looks
 * like undone, and the order of numbers such as "A-7", "A-7.1", "A-10".
 */
import { diffText, normalizeText } from '../diff/index.js';
import { applyChanges, changesOf, reapply, type Change } from './reapply.js';
import type { Amendment, ChangeVerdict, Objection, Verdict } from './types.js';

/** The parties (other than the proposer) that oppose the amendment or hold a reservation, by party name. */
export function objections(amendment: Pick<Amendment, 'party' | 'positions'>): Objection[] {
  const out: Objection[] = [];
  for (const [party, record] of Object.entries(amendment.positions)) {
    if (party === amendment.party) continue;
    if (record.position === 'oppose' || record.position === 'reservation')
      out.push({ party, position: record.position, note: record.note });
  }
  return out.sort((a, b) => a.party.localeCompare(b.party, 'nl'));
}

/** "CDA is tegen (Te duur) en VVD heeft een voorbehoud": the objections in one Dutch clause. */
export function objectionsClause(list: readonly Objection[]): string {
  const parts = list.map((o) => {
    const what = o.position === 'oppose' ? `${o.party} is tegen` : `${o.party} heeft een voorbehoud`;
    return o.note ? `${what} (${o.note})` : what;
  });
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
}

/** One change of an amendment as the chair decides it: where in the current text, and its words. */
export interface ProposedChange extends Change {
  /** The words taken out (the current text from `from` to `to`). */
  removed: string;
}

/**
 * The single changes an amendment makes to the current text (both normalised), in text order: the runs of
 * the word diff, a deletion next to an insertion counting as one.
 */
export function proposedChanges(current: string, proposed: string): ProposedChange[] {
  const c = normalizeText(current);
  return changesOf(diffText(c, normalizeText(proposed))).map((ch) => ({
    ...ch,
    removed: c.slice(ch.from, ch.to),
  }));
}

/** The current text with some of its proposed changes made (normalised). */
export function withChanges(current: string, changes: readonly Change[]): string {
  return applyChanges(normalizeText(current), changes);
}

/**
 * The verdict on the whole once every change has its own: all accepted is accepted, all rejected is
 * rejected, a mix is accepted with changes (the chair kept some of the words and not others).
 */
export function verdictOfChanges(changes: readonly Pick<ChangeVerdict, 'verdict'>[]): Verdict {
  const accepted = changes.filter((c) => c.verdict === 'accepted').length;
  if (accepted === changes.length) return 'accepted';
  return accepted === 0 ? 'rejected' : 'accepted-with-changes';
}

/**
 * Undoes a text change (`before` → `after`) on the text as it is now: the text with the change taken back
 * and every later change kept, or null when a later change touched the same words (something built on it).
 */
export function undoChange(before: string, after: string, now: string): string | null {
  const merged = reapply(after, before, now);
  return merged.kind === 'clean' ? merged.text : null;
}

/** The parts of an amendment number: "A-7.1" → [7, 1]. */
function numberParts(number: string): number[] {
  return (number.match(/\d+/g) ?? []).map(Number);
}

/** Orders amendment numbers as people count them. */
export function compareNumbers(a: string, b: string): number {
  const x = numberParts(a);
  const y = numberParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}
