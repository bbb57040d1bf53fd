import { CloseCode } from '../../shared/protocol/protocol.js';
import type { Room } from './room.js';
import { checkPartyUpdate, checkTextUpdate, resolveUpdate, type DecodedUpdate } from './validate/index.js';

/** A writing connection as the admission of its updates sees it. */
export interface Writer {
  personId: string;
  /** May add, remove and move chapters, sections and measures (the chair). */
  structure: boolean;
  /** The Yjs client ids this connection has claimed so far. */
  claimed: Set<number>;
}

/** Whether an update from a connection may be applied, stored and broadcast, or ends the connection. */
export type Admission =
  { kind: 'accept'; drafts: string[] } | { kind: 'close'; code: number; reason: string };

/**
 * A stock client writes with one client id per document instance; a browser's other tabs (y-websocket's
 * BroadcastChannel) may relay a few more of the same person. More than this on one connection is not honest.
 */
export const MAX_CLIENT_IDS_PER_CONNECTION = 16;

const close = (code: number, reason: string): Admission => ({ kind: 'close', code, reason });

/**
 * Decides about one update from a writing connection, before anything is applied: the person's write budget,
 * whether the update depends on changes the room never saw, the room's size, whose client ids it writes
 * with (claiming fresh ones for the person), and what it writes (the text's schema and the writer's role;
 * the party room's client-writable texts). Claims are kept only for an accepted update.
 */
export function admitUpdate(
  room: Room,
  update: Uint8Array,
  decoded: DecodedUpdate,
  writer: Writer,
): Admission {
  if (!room.budgetOf(writer.personId).take(update.byteLength)) {
    return close(CloseCode.writeQuota, 'Te veel geschreven in korte tijd; verbind over een minuut opnieuw');
  }
  const resolution = resolveUpdate(room.doc, decoded);
  if (resolution.kind === 'missing') {
    return close(CloseCode.resync, 'Wijziging verwijst naar onbekende wijzigingen; opnieuw synchroniseren');
  }
  if (resolution.kind === 'malformed') return close(CloseCode.refused, resolution.detail);
  if (!room.ref) return close(CloseCode.refused, 'Onbekende ruimte');
  if (resolution.grows && room.wouldOverflow(update.byteLength)) {
    return close(CloseCode.roomFull, 'Deze ruimte is vol; nieuwe tekst wordt niet opgeslagen');
  }

  const documentId = room.ref.documentId;
  const unclaimed: number[] = [];
  for (const client of resolution.clients) {
    const owner = room.claims.ownerOf(documentId, client);
    if (owner === undefined) unclaimed.push(client);
    else if (owner !== writer.personId) {
      return close(CloseCode.clientIdTaken, 'Deze wijziging gebruikt de client-id van iemand anders');
    }
  }
  if (writer.claimed.size + unclaimed.length > MAX_CLIENT_IDS_PER_CONNECTION) {
    return close(CloseCode.clientIdTaken, 'Te veel client-ids op een verbinding');
  }

  let drafts: string[] = [];
  switch (room.ref.kind) {
    case 'text': {
      const check = checkTextUpdate(room.doc, resolution, { structure: writer.structure }, room.textIndex!);
      if (!check.ok) return close(CloseCode.refused, check.reason);
      break;
    }
    case 'party': {
      const check = checkPartyUpdate(room.doc, resolution);
      if (!check.ok) return close(CloseCode.refused, check.reason);
      drafts = check.drafts;
      break;
    }
    case 'meta':
      return close(CloseCode.refused, 'Alleen de server schrijft in deze ruimte');
  }

  for (const client of unclaimed) {
    if (!room.claims.claim(documentId, client, writer.personId)) {
      return close(CloseCode.clientIdTaken, 'Deze wijziging gebruikt de client-id van iemand anders');
    }
    writer.claimed.add(client);
  }
  return { kind: 'accept', drafts };
}
