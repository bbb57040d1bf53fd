/**
 * The lifecycle of an amendment: draft → submitted → accepted / rejected, or withdrawn by its party before a
 * decision. `transition` is the one place moves are allowed or refused; it is pure (the time is passed in).
 */
import { can, refusedSentence, type Action } from '../auth/roles.js';
import type { Actor, Amendment, AmendmentStatus, Refusal } from './types.js';

/** A move on an amendment. */
export type AmendmentAction =
  /** Its party submits the draft: the text and rationale as drafted, and the measure's text now. */
  | {
      kind: 'submit';
      now: string;
      text: string | null;
      rationale: string;
      authors: string[];
      baseText: string | null;
    }
  /** Its party withdraws it, before a decision. */
  | { kind: 'withdraw'; now: string }
  /** The chair accepts it; `conflict` says whether it still applies to the measure as it is now. */
  | { kind: 'accept'; now: string; conflict: boolean }
  /** The chair rejects it (also when an alternative of its group is accepted). */
  | { kind: 'reject'; now: string }
  /**
   * Its party changes a draft (whose text may stay empty until it is submitted) or a submitted amendment
   * (rebased on the measure's text now, which clears a conflict).
   */
  | { kind: 'update'; now: string; text: string | null; rationale: string; baseText: string | null }
  /** The chair puts it in a group of alternatives (or takes it out with null). */
  | { kind: 'group'; group: string | null };

/** True when `transition` answered with a refusal. */
export function isRefusal(value: Amendment | Refusal): value is Refusal {
  return (value as Refusal).refused === true;
}

/** The role table says no, or the move is another party's: names the role and the action. */
function forbidden(actor: Actor, action: Action, reason = refusedSentence(actor.role, action)): Refusal {
  return { refused: true, kind: 'forbidden', role: actor.role, action, reason };
}

/** The amendment's state (or the measure's text) does not allow the move. */
function conflict(conflictsWith: string, reason: string): Refusal {
  return { refused: true, kind: 'conflict', conflictsWith, reason };
}

/** The move itself is incomplete (a text is missing). */
function invalid(reason: string): Refusal {
  return { refused: true, kind: 'invalid', reason };
}

const STATUS_WORD: Record<AmendmentStatus, string> = {
  draft: 'een concept',
  submitted: 'ingediend',
  accepted: 'al aangenomen',
  rejected: 'al verworpen',
  withdrawn: 'ingetrokken',
};

function assertNever(value: never): never {
  throw new RangeError(`Unknown amendment state ${JSON.stringify(value)}`);
}

/** The party's own moves: only its negotiators (and the chair, for the secretariat's own amendments). */
function ownParty(amendment: Amendment, actor: Actor): Refusal | null {
  if (!can(actor.role, 'amendment.propose')) return forbidden(actor, 'amendment.propose');
  if (actor.party !== amendment.party)
    return forbidden(
      actor,
      'amendment.propose',
      `Alleen ${amendment.party} kan amendement ${amendment.number} indienen, wijzigen of intrekken.`,
    );
  return null;
}

/** The chair's moves (decide, group): whoever the role table lets decide. */
function chairOnly(actor: Actor): Refusal | null {
  return can(actor.role, 'amendment.decide') ? null : forbidden(actor, 'amendment.decide');
}

/** What a refusal for the amendment's state says it conflicts with, for logs. */
function stateOf(status: AmendmentStatus): string {
  return `amendment ${status}`;
}

/** Whether an amendment in this state can still be decided, withdrawn or changed. */
function isOpen(status: AmendmentStatus): boolean {
  switch (status) {
    case 'draft':
    case 'submitted':
      return true;
    case 'accepted':
    case 'rejected':
    case 'withdrawn':
      return false;
    default:
      return assertNever(status);
  }
}

/**
 * Applies a move to an amendment, or refuses it with a kind and a sentence: who may make it (role, party)
 * and from which state. This is the one place that decides the moves on an amendment; the server asks it
 * for every move. Returns a new amendment; the input is not changed.
 */
export function transition(amendment: Amendment, action: AmendmentAction, actor: Actor): Amendment | Refusal {
  const { status, number } = amendment;
  switch (action.kind) {
    case 'submit': {
      const denied = ownParty(amendment, actor);
      if (denied) return denied;
      if (status !== 'draft')
        return conflict(
          stateOf(status),
          `Amendement ${number} is ${STATUS_WORD[status]} en kan niet opnieuw worden ingediend.`,
        );
      if (amendment.kind !== 'delete' && !action.text?.trim())
        return invalid(`Amendement ${number} heeft nog geen tekst.`);
      return {
        ...amendment,
        status: 'submitted',
        text: amendment.kind === 'delete' ? null : action.text!.trim(),
        rationale: action.rationale.trim(),
        authors: [...new Set([...amendment.authors, ...action.authors])],
        baseText: action.baseText,
        submittedAt: action.now,
      };
    }
    case 'withdraw': {
      const denied = ownParty(amendment, actor);
      if (denied) return denied;
      if (!isOpen(status))
        return conflict(
          stateOf(status),
          `Amendement ${number} is ${STATUS_WORD[status]} en kan niet meer worden ingetrokken.`,
        );
      return { ...amendment, status: 'withdrawn', decidedAt: action.now, decidedBy: actor.personId };
    }
    case 'accept':
    case 'reject': {
      const denied = chairOnly(actor);
      if (denied) return denied;
      if (status !== 'submitted')
        return conflict(
          stateOf(status),
          `Amendement ${number} is ${STATUS_WORD[status]}; alleen over ingediende amendementen wordt beslist.`,
        );
      if (action.kind === 'accept' && action.conflict)
        return conflict(
          'later changes of the measure',
          `Amendement ${number} botst met latere wijzigingen van de maatregel; de indiener moet het eerst bijwerken.`,
        );
      return {
        ...amendment,
        status: action.kind === 'accept' ? 'accepted' : 'rejected',
        decidedAt: action.now,
        decidedBy: actor.personId,
      };
    }
    case 'update': {
      const denied = ownParty(amendment, actor);
      if (denied) return denied;
      if (!isOpen(status))
        return conflict(
          stateOf(status),
          `Amendement ${number} is ${STATUS_WORD[status]} en kan niet meer worden gewijzigd.`,
        );
      // A draft is still being written: its text is checked when it is submitted.
      if (status !== 'draft' && amendment.kind !== 'delete' && !action.text?.trim())
        return invalid(`Een amendement zonder tekst kan niet; trek het in of geef een tekst.`);
      return {
        ...amendment,
        text: amendment.kind === 'delete' ? null : (action.text ?? '').trim(),
        rationale: action.rationale.trim(),
        authors: [...new Set([...amendment.authors, actor.personId])],
        baseText: status === 'submitted' ? action.baseText : amendment.baseText,
      };
    }
    case 'group': {
      const denied = chairOnly(actor);
      if (denied) return denied;
      if (status !== 'submitted')
        return conflict(
          stateOf(status),
          `Amendement ${number} is ${STATUS_WORD[status]}; alleen ingediende amendementen worden gegroepeerd.`,
        );
      return { ...amendment, group: action.group };
    }
    default:
      return assertNever(action);
  }
}
