import type { Author } from '../../shared/diff/index.js';
import type { ChangeAuthor } from './repository.js';

/** The name shown for changes Akkoord made itself (the import, numbering) or that nobody is known for. */
export const AKKOORD = 'Akkoord';

/** A person as the store knows them when recording a change. */
export interface KnownPerson {
  id: string;
  name: string;
  party: string | null;
}

/**
 * Who a change is credited to, from what the store knows when it stores it: the sender, and for a change
 * made on a party's behalf (`onBehalfOf`: an accepted amendment) the proposer — the words are the party's
 * (and the proposer's, when known), the sender is who decided.
 */
export function changeAuthor(input: {
  sender: KnownPerson | null;
  /** The sender's id when the people repository does not know them (a removed person). */
  senderId: string | null;
  onBehalfOf: string | null;
  /** The person credited with the words, when not the sender (an accepted amendment's first author). */
  proposer: KnownPerson | null;
  at: string;
}): ChangeAuthor {
  const { sender, onBehalfOf, proposer, at } = input;
  const senderId = sender?.id ?? input.senderId;
  if (onBehalfOf)
    return {
      personId: proposer?.id ?? null,
      personName: proposer?.name ?? null,
      party: onBehalfOf,
      onBehalfOf,
      decidedBy: senderId,
      decidedByName: sender?.name ?? null,
      at,
    };
  return {
    personId: senderId,
    personName: sender?.name ?? null,
    party: sender?.party ?? null,
    onBehalfOf: null,
    decidedBy: null,
    decidedByName: null,
    at,
  };
}

/** A recorded change's author as the API and the views show it (see `Author`). */
export function authorOf(change: ChangeAuthor): Author {
  const author: Author = {
    person: change.personId,
    name: change.personName ?? change.party ?? AKKOORD,
    party: change.party,
    at: change.at,
  };
  if (change.decidedBy) author.decidedBy = { person: change.decidedBy, name: change.decidedByName ?? '' };
  return author;
}
