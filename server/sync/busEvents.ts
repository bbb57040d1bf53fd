import type { AppContext } from '../context.js';

/**
 * Does here what another instance announced: a revoked person's and an ended session's connections close,
 * a replaced document's rooms are dropped, a changed drafting mode is read again. (Each instance's regular sweep would end the first two within
 * seconds anyway, reading the database; the bus makes it immediate.)
 */
export function followBusEvents(
  ctx: Pick<AppContext, 'bus' | 'connections' | 'auth' | 'rooms' | 'draftingModes'>,
): void {
  ctx.bus.onEvent((event) => {
    switch (event.kind) {
      case 'endPerson':
        ctx.connections.endPerson(event.personId);
        break;
      case 'endSession':
        ctx.auth.sessions.closeAll(event.key, event.reason);
        break;
      case 'discardDocument':
        ctx.rooms.discardDocument(event.documentId, event.code, event.reason);
        break;
      case 'draftingChanged':
        ctx.draftingModes.forget(event.documentId);
        break;
      default:
        event satisfies never;
    }
  });
}
