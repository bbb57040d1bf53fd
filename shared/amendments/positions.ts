/** Who may record a party's position. Pure; the one place the server asks, for every such request. */
import { can, refusedSentence } from '../auth/roles.js';
import type { Actor, Refusal } from './types.js';

/**
 * Refuses (forbidden) unless the role table lets the actor set positions and the position is their own
 * party's (the chair's for the secretariat); null when allowed.
 */
export function mayRecordPosition(actor: Actor, party: string): Refusal | null {
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
  return null;
}
