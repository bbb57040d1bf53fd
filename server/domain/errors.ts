/**
 * The errors of the domain. A service says what went wrong in the domain's terms — not found, forbidden
 * (for this role, this action), conflict (with what), invalid, not signed in — each with one Dutch sentence
 * for the person. The edges give them numbers once: HTTP statuses in `server/http/errors.ts`, exit codes in
 * `server/cli/failure.ts`.
 */
import {
  can,
  refusedSentence,
  type Action,
  type DraftingMode,
  type InstanceAction,
  type Standing,
} from '../../shared/auth/roles.js';
import type { Refusal } from '../../shared/amendments/types.js';

/** The kinds of failure the edges tell apart. */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported'
  | 'unprocessable';

/** A failure of the domain; its message is one sentence for the person who asked. */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
}

/** What was asked cannot be understood or does not hold (a wrong value, a missing text). */
export class Invalid extends DomainError {
  readonly kind = 'invalid';
  override name = 'Invalid';
}

/** A file or body over its limit. */
export class TooLarge extends DomainError {
  readonly kind = 'too-large';
  override name = 'TooLarge';
}

/** A kind of file the feature does not read (a spreadsheet where an agenda was expected). */
export class Unsupported extends DomainError {
  readonly kind = 'unsupported';
  override name = 'Unsupported';
}

/** A file of the right kind that cannot be used: damaged, encrypted, without text or without structure. */
export class Unprocessable extends DomainError {
  readonly kind = 'unprocessable';
  override name = 'Unprocessable';
}

/** Nobody (known, still allowed) is signed in. */
export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
  override name = 'Unauthenticated';
}

/**
 * The person may not do this: their `role` (or the administrator's standing) lacks `action` in the role
 * table, or the action is another party's or person's to take. Without a sentence, the role table's sentence
 * naming the action.
 */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
  override name = 'Forbidden';
  constructor(
    readonly role: Standing,
    readonly action: Action | InstanceAction,
    sentence: string = refusedSentence(role, action),
  ) {
    super(sentence);
  }
}

/** A request that did not come from Akkoord's own pages (another site riding the session), whoever sent it. */
export class ForeignOrigin extends DomainError {
  readonly kind = 'forbidden';
  override name = 'ForeignOrigin';
}

/** Something the person asked for does not exist, or is not theirs to see (`what`: its kind, for logs). */
export class NotFound extends DomainError {
  readonly kind = 'not-found';
  override name = 'NotFound';
  constructor(
    readonly what: string,
    sentence: string,
  ) {
    super(sentence);
  }
}

/**
 * The request is understood but collides with the current state (`conflictsWith`: with what, for logs).
 * `details` are facts a client needs to ask the person before trying again (the parties' objections to a
 * decision); the edges pass them on beside the sentence.
 */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
  override name = 'Conflict';
  constructor(
    readonly conflictsWith: string,
    sentence: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(sentence);
  }
}

/** True for any error of the domain (so an edge can tell them from bugs). */
export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}

/** A refusal of the shared rules (the amendment lifecycle, positions) as the domain error to throw. */
export function errorOfRefusal(refusal: Refusal): DomainError {
  switch (refusal.kind) {
    case 'forbidden':
      return new Forbidden(refusal.role, refusal.action, refusal.reason);
    case 'conflict':
      return new Conflict(
        refusal.conflictsWith,
        refusal.reason,
        refusal.objections ? { objections: refusal.objections } : {},
      );
    case 'invalid':
      return new Invalid(refusal.reason);
  }
}

/**
 * Throws `Forbidden` (naming the role and the action) unless the shared role table lets `who` (a role, or
 * the administrator) do `action` — the one question every permission that depends on the role alone is
 * asked through.
 */
export function permit(who: Standing, action: Action | InstanceAction, mode?: DraftingMode): void {
  if (!can(who, action, mode)) throw new Forbidden(who, action);
}
