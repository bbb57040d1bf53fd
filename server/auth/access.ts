import type { Person } from '../../shared/auth/person.js';
import { ADMIN, can, type DraftingMode } from '../../shared/auth/roles.js';
import type { RoomRef } from '../../shared/protocol/rooms.js';
import type { Account } from './account.js';

export type Access = 'none' | 'read' | 'write';

/**
 * What a person may do in a room. Pure: the same person, room and drafting mode give the same answer, so
 * the server asks again on every message (drafting opens and closes while people are connected).
 */
export function roomAccess(person: Person, room: RoomRef, drafting: DraftingMode): Access {
  if (person.documentId !== room.documentId) return 'none';
  switch (room.kind) {
    case 'text':
      return can(person.role, 'text.edit', drafting) ? 'write' : 'read';
    case 'meta':
      // Written by the server alone, after checking each request.
      return 'read';
    case 'party':
      if (person.party !== room.party) return 'none';
      // Notes and draft amendments are the negotiators' (and, in the secretariat's room, the chair's);
      // reviewers and observers of the party read them. Party comment threads go through the API.
      return can(person.role, 'notes.write') ? 'write' : 'read';
  }
}

/**
 * What an account may do in a room: a person as `roomAccess` says; an administrator reads the agenda text
 * of any negotiation and nothing else — no meta room (amendments, positions), no party room.
 */
export function accountRoomAccess(account: Account, room: RoomRef, drafting: DraftingMode): Access {
  if (account.kind === 'person') return roomAccess(account.person, room, drafting);
  return room.kind === 'text' && can(ADMIN, 'negotiation.text') ? 'read' : 'none';
}
