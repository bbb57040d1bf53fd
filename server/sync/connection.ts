import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import type { WebSocket } from 'ws';
import { CloseCode, MessageType } from '../../shared/protocol/protocol.js';
import type { Access } from '../auth/access.js';
import type { Rooms } from './rooms.js';
import type { Peer, Room } from './room.js';
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  isEmptyUpdate,
  ProtocolError,
} from './messages.js';
import { AwarenessGate, EchoCredit, Limits, RateLimiter } from './limits.js';
import { stampAwarenessUpdate, type StampedUser } from './awarenessStamp.js';
import { admitUpdate, type Writer } from './admission.js';
import { can, isRole } from '../../shared/auth/roles.js';

/** A keep-alive ping every 30 s; a peer that missed one pong is gone (a closed laptop, a lost network). */
const PING_INTERVAL_MS = 30_000;

/** What the server knows of the person on a connection. */
export interface ConnectionIdentity {
  personId: string | null;
  /** Stamped into the person's awareness state. */
  user: StampedUser;
  /** Asked on every message (before it is handled): drafting may open or close while connected. */
  access: () => Promise<Access>;
}

/** A served connection, as the registry of open connections holds it. */
export interface OpenConnection {
  personId: string | null;
  close(code: number, reason: string): void;
}

function permissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/**
 * Serves one websocket connection in a room with the y-websocket protocol: sends sync step 1 and the known
 * awareness states at once, answers step 1 with step 2, applies updates (stored before they are broadcast by
 * the room), relays awareness stamped with the person's identity. A connection that may only read has its
 * step 2 and updates dropped, and is told so once. Every update of a writer is admitted first (its write
 * budget, the room's size, its client ids, what it writes: `admission.ts`); one that is refused is not
 * applied, stored or broadcast, and ends the connection with a reason. A malformed, oversized or too
 * frequent message closes this connection with a reason; the room and every other peer carry on.
 */
export function serveConnection(
  ws: WebSocket,
  rooms: Rooms,
  /** The room, opened (`rooms.open`) by the caller; the connection releases it when it closes. */
  room: Room,
  identity: ConnectionIdentity,
): OpenConnection {
  const limiter = new RateLimiter(Limits.messagesPerSecond, Limits.burst);
  const echoes = new EchoCredit();
  const awarenessGate = new AwarenessGate(room.settings.awarenessPerSecond);
  const role = identity.user.role;
  const writer: Writer | null = identity.personId
    ? {
        personId: identity.personId,
        structure: isRole(role) && can(role, 'text.structure'),
        claimed: new Set(),
      }
    : null;
  let closed = false;
  const close = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    ws.close(code, reason.slice(0, 120)); // a close reason may carry at most 123 bytes
  };
  const peer: Peer = {
    personId: identity.personId,
    awarenessClients: new Set(),
    send(data) {
      if (ws.readyState !== ws.OPEN) return;
      if (data[0] === MessageType.awareness) echoes.sent();
      ws.send(data, (err) => err && ws.terminate());
    },
    close,
  };
  room.peers.add(peer);
  let toldReadOnly = false;

  // A stock client's awareness id is its document's client id: claiming it for the person at once means
  // nobody who saw it in the room can write with it before its owner does.
  const claimAwarenessClients = () => {
    if (!identity.personId || !room.ref) return;
    for (const id of peer.awarenessClients) {
      if (writer?.claimed.has(id)) continue;
      if (room.claims.ownerOf(room.ref.documentId, id) === undefined) {
        room.claims.claim(room.ref.documentId, id, identity.personId);
        writer?.claimed.add(id);
      }
    }
  };

  const owns = (clientId: number): 'mine' | 'free' | 'other' => {
    if (peer.awarenessClients.has(clientId)) return 'mine';
    for (const other of room.peers)
      if (other !== peer && other.awarenessClients.has(clientId)) return 'other';
    return peer.awarenessClients.size === 0 ? 'free' : 'other';
  };

  // Messages are handled one at a time, in the order they came: the access check before each one asks
  // storage, and an update is admitted and applied in one go after it.
  let inbox: Promise<void> = Promise.resolve();
  ws.on('message', (raw: Buffer, isBinary: boolean) => {
    if (closed) return;
    if (!isBinary) return close(CloseCode.malformed, 'Alleen binaire y-websocket-berichten');
    const echo = raw[0] === MessageType.awareness && echoes.take();
    if (!echo && !limiter.take())
      return close(CloseCode.tooManyRequests, 'Te veel berichten; verbind opnieuw');
    const data = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    if (data.byteLength > Limits.maxSyncBytes) return close(CloseCode.tooLarge, 'Bericht te groot');
    inbox = inbox.then(() => handle(data));
  });

  const handle = async (data: Uint8Array): Promise<void> => {
    if (closed) return;
    try {
      const access = await identity.access();
      if (closed) return;
      if (access === 'none') return close(CloseCode.forbidden, 'Geen toegang (meer) tot deze ruimte');
      const message = decodeClientMessage(data);
      switch (message.type) {
        case 'syncStep1':
          peer.send(encodeSyncStep2(room.doc, message.stateVector));
          break;
        case 'update': {
          if (isEmptyUpdate(message.decoded)) break;
          if (access !== 'write' || !writer) {
            if (!toldReadOnly)
              peer.send(permissionDenied('Alleen-lezen: uw wijzigingen worden niet opgeslagen'));
            toldReadOnly = true;
            break;
          }
          const admission = admitUpdate(room, message.update, message.decoded, writer);
          if (admission.kind === 'close') return close(admission.code, admission.reason);
          Y.applyUpdate(room.doc, message.update, peer);
          if (room.doc.store.pendingStructs !== null || room.doc.store.pendingDs !== null) {
            // The admission refuses updates with unknown dependencies; this is the safety net should Yjs still
            // keep something pending: its dangling part is dropped so it cannot pile up in memory, and the
            // client reconnects and resyncs.
            room.doc.store.pendingStructs = null;
            room.doc.store.pendingDs = null;
            return close(
              CloseCode.resync,
              'Wijziging verwijst naar onbekende wijzigingen; opnieuw synchroniseren',
            );
          }
          if (admission.drafts.length > 0) rooms.onDraftsEdited(room, admission.drafts, writer.personId);
          break;
        }
        case 'awareness': {
          if (message.update.byteLength > Limits.maxAwarenessBytes) {
            return close(CloseCode.tooLarge, 'Aanwezigheidsbericht te groot');
          }
          const stamped = stampAwarenessUpdate(
            message.update,
            identity.user,
            owns,
            room.settings.awarenessStateBytes,
          );
          if (stamped === 'tooLarge') return close(CloseCode.tooLarge, 'Aanwezigheid te groot');
          if (stamped) {
            awarenessGate.offer(() => {
              if (!closed) awarenessProtocol.applyAwarenessUpdate(room.awareness, stamped, peer);
            });
          }
          claimAwarenessClients();
          break;
        }
        case 'queryAwareness':
          peer.send(encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]));
          break;
        case 'auth':
          break;
        default:
          message satisfies never;
      }
    } catch (err) {
      const reason =
        err instanceof ProtocolError ? err.message : `Bericht geweigerd (${(err as Error).message})`;
      close(CloseCode.malformed, reason);
    }
  };

  let alive = true;
  ws.on('pong', () => (alive = true));
  const ping = setInterval(() => {
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
  }, PING_INTERVAL_MS);

  ws.on('close', () => {
    closed = true;
    awarenessGate.close();
    clearInterval(ping);
    room.leave(peer);
    void rooms.release(room);
  });
  ws.on('error', () => ws.terminate());

  peer.send(encodeSyncStep1(room.doc));
  const states = [...room.awareness.getStates().keys()];
  if (states.length > 0) peer.send(encodeAwareness(room.awareness, states));
  return { personId: identity.personId, close };
}
