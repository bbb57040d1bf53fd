/**
 * Notifications ("Meldingen"): what someone did that concerns a person — a mention of them or their party,
 * a reply in a thread they wrote in, a position or a decision on their party's amendment, drafting opened or
 * closed. One notification is one event with the people it concerns; each person reads it on their own.
 */
import type { Audience } from '../comments/types.js';
import type { AmendmentStatus, Position } from '../amendments/types.js';
import type { DraftingMode } from '../auth/roles.js';

/** Whom a notification concerns. */
export type Target =
  { kind: 'everyone' } | { kind: 'party'; party: string } | { kind: 'person'; personId: string };

/** Why it concerns them. */
export type Reason = 'mention' | 'reply' | 'position' | 'decision' | 'drafting';

/** What happened. */
export type Subject =
  | {
      kind: 'comment';
      threadId: string;
      messageId: string;
      measureId: string | null;
      audience: Audience;
      /** The start of the message. */
      excerpt: string;
    }
  | {
      kind: 'position';
      amendmentId: string;
      amendmentNumber: string;
      measureId: string;
      /** Whose amendment (the party notified). */
      owner: string;
      /** The party that took the position. */
      party: string;
      position: Position;
    }
  | {
      kind: 'decision';
      amendmentId: string;
      amendmentNumber: string;
      measureId: string;
      owner: string;
      status: Extract<AmendmentStatus, 'accepted' | 'rejected'>;
    }
  | { kind: 'drafting'; mode: DraftingMode };

/** A notification as stored, mirrored into a room and listed by the API. */
export interface Notification {
  id: string;
  documentId: string;
  /** ISO time. */
  createdAt: string;
  /** Who did it (never notified of it themselves). */
  actor: { personId: string; name: string; party: string } | null;
  targets: { target: Target; reason: Reason }[];
  /**
   * Where it may be read: null for everyone in the document (mirrored into the meta room), or a party
   * whose members alone may read it (about a party thread; mirrored into that party's room only).
   */
  party: string | null;
  subject: Subject;
}

/** A notification as one person lists it. */
export interface PersonalNotification extends Notification {
  reason: Reason;
  read: boolean;
}

/** The Y.Map, in the meta room and in each party room, of the latest notifications by id. */
export const NOTIFICATIONS_MAP = 'notifications';

/** Notifications kept live in a room (older ones through the API only). */
export const ROOM_NOTIFICATIONS = 100;

/** Characters of a message shown in its notification. */
export const EXCERPT_LENGTH = 140;

/** The order of reasons when several concern one person: the most personal first. */
const ORDER: Record<Target['kind'], number> = { person: 0, party: 1, everyone: 2 };

/**
 * Why a notification concerns this person, or null when it does not (or they did it themselves, or it is
 * another party's). Pure: the server lists with it, the browser filters the live rooms with it.
 */
export function reasonFor(n: Notification, person: { id: string; party: string }): Reason | null {
  if (n.actor?.personId === person.id) return null;
  if (n.party !== null && n.party !== person.party) return null;
  const matching = n.targets
    .filter(({ target }) =>
      target.kind === 'everyone'
        ? true
        : target.kind === 'party'
          ? target.party === person.party
          : target.personId === person.id,
    )
    .sort((a, b) => ORDER[a.target.kind] - ORDER[b.target.kind]);
  return matching[0]?.reason ?? null;
}
