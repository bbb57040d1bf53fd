/** Who may record a party's position. Pure; the server asks it for every request, the UI to hide pickers. */
import { can } from '../auth/roles.js';
import type { Actor, Refusal } from './types.js';

/**
 * Refuses (403) unless the actor is a negotiator of `party` (or the chair for the secretariat's own
 * position); null when allowed.
 */
export function mayRecordPosition(actor: Actor, party: string): Refusal | null {
  if (!can(actor.role, 'position.set'))
    return { refused: true, status: 403, reason: `Uw rol (${actor.role}) mag geen standpunt vastleggen.` };
  if (actor.party !== party)
    return {
      refused: true,
      status: 403,
      reason: `Alleen onderhandelaars van ${party} leggen het standpunt van ${party} vast.`,
    };
  return null;
}
