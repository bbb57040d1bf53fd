/**
 * The lifecycle of an amendment: draft → submitted → accepted / rejected, or withdrawn by its party before a
 * decision. `transition` is the one place moves are allowed or refused; it is pure (the time is passed in).
 */
import { can, refusedSentence, type Action } from '../auth/roles.js';
import { objections, objectionsClause, verdictOfChanges } from './decisions.js';
import type { Actor, Amendment, AmendmentStatus, ChangeVerdict, Decision, Refusal } from './types.js';

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
  /**
   * The chair accepts it, with a note, as proposed or with changes (`compromise`: the text the chair
   * accepts instead). `conflict` says whether it still conflicts with the measure as it is now;
   * `openSubAmendments` are the numbers of its amendments still pending (they are decided first);
   * `confirmed` says the chair has seen the parties' objections and decides over them.
   */
  | {
      kind: 'accept';
      now: string;
      conflict: boolean;
      note: string | null;
      compromise: string | null;
      confirmed: boolean;
      openSubAmendments: string[];
    }
  /** The chair rejects it, with a note (also when an alternative of its group is accepted). */
  | { kind: 'reject'; now: string; note: string | null; openSubAmendments: string[] }
  /**
   * The chair accepts or rejects one of its changes (a word run), as in Word; the rest stays pending.
   * `text`/`baseText` are the amendment's proposal afterwards (its remaining changes on the text then),
   * `remaining` how many changes are still undecided.
   */
  | {
      kind: 'decide-change';
      now: string;
      verdict: ChangeVerdict['verdict'];
      removed: string;
      inserted: string;
      note: string | null;
      conflict: boolean;
      confirmed: boolean;
      openSubAmendments: string[];
      text: string;
      baseText: string;
      remaining: number;
    }
  /** The chair returns a decided amendment to "submitted" (the service undoes its text changes). */
  | { kind: 'reopen' }
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

/** The decision so far, or a fresh one that remembers the amendment as proposed. */
function startDecision(amendment: Amendment): Decision {
  return (
    amendment.decision ?? {
      verdict: null,
      note: null,
      compromise: null,
      changes: [],
      steps: [],
      proposal: { text: amendment.text, baseText: amendment.baseText },
    }
  );
}

/**
 * Why the chair cannot decide (the whole or a change of) an amendment now: it is not pending, it still
 * conflicts with the measure (unless a compromise text settles that), amendments to it are pending, or
 * parties object and the chair has not confirmed.
 */
function undecidable(
  amendment: Amendment,
  action: Extract<AmendmentAction, { kind: 'accept' | 'reject' | 'decide-change' }>,
): Refusal | null {
  const { status, number } = amendment;
  if (status !== 'submitted')
    return conflict(
      stateOf(status),
      `Amendement ${number} is ${STATUS_WORD[status]}; alleen over ingediende amendementen wordt beslist.`,
    );
  if (action.openSubAmendments.length > 0) {
    const list = action.openSubAmendments.join(', ');
    return conflict(
      'pending sub-amendments',
      `Over ${list} moet eerst worden beslist: ${action.openSubAmendments.length === 1 ? 'dat wijzigt' : 'die wijzigen'} amendement ${number}.`,
    );
  }
  const accepting =
    action.kind === 'accept' || (action.kind === 'decide-change' && action.verdict === 'accepted');
  const compromise = action.kind === 'accept' && action.compromise !== null;
  if (accepting && action.conflict && !compromise)
    return conflict(
      'later changes of the measure',
      `Amendement ${number} botst met latere wijzigingen van de maatregel; de indiener moet het eerst bijwerken.`,
    );
  const against = objections(amendment);
  if (accepting && against.length > 0 && !action.confirmed)
    return {
      refused: true,
      kind: 'conflict',
      conflictsWith: 'objections',
      reason: `${objectionsClause(against)}; bevestig dat u amendement ${number} toch aanneemt.`,
      objections: against,
    };
  return null;
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
      if (amendment.decision)
        return conflict(
          'partly decided',
          `Over een deel van amendement ${number} is al beslist; het kan niet meer worden ingetrokken.`,
        );
      return { ...amendment, status: 'withdrawn', decidedAt: action.now, decidedBy: actor.personId };
    }
    case 'accept':
    case 'reject': {
      const denied = chairOnly(actor);
      if (denied) return denied;
      const refused = undecidable(amendment, action);
      if (refused) return refused;
      const decision = startDecision(amendment);
      return {
        ...amendment,
        status: action.kind === 'accept' ? 'accepted' : 'rejected',
        decidedAt: action.now,
        decidedBy: actor.personId,
        decision: {
          ...decision,
          verdict:
            action.kind === 'reject'
              ? 'rejected'
              : action.compromise === null
                ? 'accepted'
                : 'accepted-with-changes',
          note: action.note,
          compromise: action.kind === 'accept' ? action.compromise : null,
        },
      };
    }
    case 'decide-change': {
      const denied = chairOnly(actor);
      if (denied) return denied;
      if (amendment.kind !== 'replace' || amendment.parent !== null)
        return invalid(
          `Over amendement ${number} wordt in zijn geheel beslist; per wijziging kan alleen bij een tekstwijziging van een maatregel.`,
        );
      const refused = undecidable(amendment, action);
      if (refused) return refused;
      const decision = startDecision(amendment);
      const changes: ChangeVerdict[] = [
        ...decision.changes,
        {
          verdict: action.verdict,
          removed: action.removed,
          inserted: action.inserted,
          note: action.note,
          by: actor.personId,
          at: action.now,
        },
      ];
      const done = action.remaining === 0;
      const verdict = done ? verdictOfChanges(changes) : null;
      return {
        ...amendment,
        text: action.text,
        baseText: action.baseText,
        status: verdict === null ? 'submitted' : verdict === 'rejected' ? 'rejected' : 'accepted',
        decidedAt: done ? action.now : null,
        decidedBy: done ? actor.personId : null,
        decision: { ...decision, verdict, changes },
      };
    }
    case 'reopen': {
      const denied = chairOnly(actor);
      if (denied) return denied;
      if (status !== 'accepted' && status !== 'rejected')
        return conflict(
          stateOf(status),
          `Amendement ${number} is ${STATUS_WORD[status]}; alleen een aangenomen of verworpen amendement kan worden heropend.`,
        );
      const proposal = amendment.decision?.proposal ?? { text: amendment.text, baseText: amendment.baseText };
      return {
        ...amendment,
        status: 'submitted',
        text: proposal.text,
        baseText: proposal.baseText,
        decidedAt: null,
        decidedBy: null,
        decision: null,
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
