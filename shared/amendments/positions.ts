/** Who may record a party's position. Pure; the one place the server asks, for every such request. */
import { can, refusedSentence } from '../auth/roles.js';
import { SECRETARIAT } from '../auth/person.js';
import type { Actor, Refusal } from './types.js';

/**
 * Refuses (forbidden) unless the role table lets the actor set positions and the position is their own
 * party's (the chair's for the secretariat, and then only when the secretariat is a party to the agreement,
 * a document setting); null when allowed.
 */
export function mayRecordPosition(actor: Actor, party: string, secretariatIsParty = false): Refusal | null {
  const refusal = (reason: string): Refusal => ({
    refused: true,
    kind: 'forbidden',
    role: actor.role,
    action: 'position.set',
    reason,
  });
  if (!can(actor.role, 'position.set')) return refusal(refusedSentence(actor.role, 'position.set'));
  if (actor.party !== party)
    return refusal(`Alleen onderhandelaars van ${party} leggen het standpunt van ${party} vast.`);
  if (party === SECRETARIAT && !secretariatIsParty)
    return refusal('Het secretariaat is geen partij bij dit akkoord en neemt geen standpunt in.');
  return null;
}

/** Whether a party has a position to record at all: every party, the secretariat only as a party to it. */
export function takesPositions(party: string, secretariatIsParty: boolean): boolean {
  return party !== SECRETARIAT || secretariatIsParty;
}
