/**
 * From a domain event to the notification it gives, if any: pure, so the rules of who is told what can be
 * read and tested in one place.
 */
import type { DomainEvent } from '../domain/events.js';
import { mentionsIn } from '../../shared/notifications/mentions.js';
import {
  EXCERPT_LENGTH,
  type Notification,
  type Reason,
  type Target,
} from '../../shared/notifications/types.js';

/** What the rules need to know of the document: its parties and people. */
export interface Cast {
  parties: readonly string[];
  people: readonly { id: string; name: string; party: string }[];
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : line;
}

/**
 * The notification of an event (without id and time), or null when it concerns nobody:
 * - a message: the parties and people it mentions, and everyone who wrote in the thread before; in a party
 *   thread only the party's own members (and the party itself) can be concerned, and it stays in its room;
 * - a position on an amendment: the amendment's party, unless it took the position itself;
 * - a decision on an amendment: its party;
 * - drafting opened or closed: everyone.
 */
export function notificationOf(
  event: DomainEvent,
  cast: Cast,
): Omit<Notification, 'id' | 'createdAt'> | null {
  const actor = { personId: event.actor.id, name: event.actor.name, party: event.actor.party };
  const targets: { target: Target; reason: Reason }[] = [];
  switch (event.kind) {
    case 'comment.posted': {
      const { thread, message } = event;
      const privateTo = thread.audience === 'party' ? thread.party : null;
      const allowed = (party: string) => privateTo === null || party === privateTo;
      const partyOf = new Map(cast.people.map((p) => [p.id, p.party]));
      const mentions = mentionsIn(message.text, cast.parties, cast.people);
      for (const personId of mentions.people)
        if (allowed(partyOf.get(personId) ?? ''))
          targets.push({ target: { kind: 'person', personId }, reason: 'mention' });
      for (const party of mentions.parties)
        if (allowed(party)) targets.push({ target: { kind: 'party', party }, reason: 'mention' });
      const earlier = new Set(
        thread.messages.filter((m) => m.id !== message.id).map((m) => m.author.personId),
      );
      for (const personId of earlier)
        if (personId !== actor.personId && !mentions.people.includes(personId))
          targets.push({ target: { kind: 'person', personId }, reason: 'reply' });
      if (targets.length === 0) return null;
      return {
        documentId: thread.documentId,
        actor,
        targets,
        party: privateTo,
        subject: {
          kind: 'comment',
          threadId: thread.id,
          messageId: message.id,
          measureId: thread.anchor.measureId,
          audience: thread.audience,
          excerpt: excerpt(message.text),
        },
      };
    }
    case 'amendment.position': {
      const { amendment, party, position } = event;
      if (party === amendment.party) return null;
      return {
        documentId: amendment.documentId,
        actor,
        targets: [{ target: { kind: 'party', party: amendment.party }, reason: 'position' }],
        party: null,
        subject: {
          kind: 'position',
          amendmentId: amendment.id,
          amendmentNumber: amendment.number,
          measureId: amendment.measureId,
          owner: amendment.party,
          party,
          position,
        },
      };
    }
    case 'amendment.decided': {
      const { amendment } = event;
      if (amendment.status !== 'accepted' && amendment.status !== 'rejected') return null;
      return {
        documentId: amendment.documentId,
        actor,
        targets: [{ target: { kind: 'party', party: amendment.party }, reason: 'decision' }],
        party: null,
        subject: {
          kind: 'decision',
          amendmentId: amendment.id,
          amendmentNumber: amendment.number,
          measureId: amendment.measureId,
          owner: amendment.party,
          status: amendment.status,
        },
      };
    }
    case 'drafting.changed':
      return {
        documentId: event.documentId,
        actor,
        targets: [{ target: { kind: 'everyone' }, reason: 'drafting' }],
        party: null,
        subject: { kind: 'drafting', mode: event.mode },
      };
  }
}
