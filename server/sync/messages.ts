import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/protocol.js';
import type { DecodedUpdate } from './validate/index.js';

/** A decoded client message: what the room has to act on. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; step: 'step2' | 'update'; decoded: DecodedUpdate }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }
  | { type: 'auth' };

/** A message that broke the protocol, with a sentence for the person whose client sent it. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/**
 * Decodes one message of the y-websocket protocol without touching any document. Throws ProtocolError for
 * anything malformed: unknown types, truncated bytes, trailing bytes, updates that Yjs cannot decode.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === syncProtocol.messageYjsSyncStep1) {
          message = { type: 'syncStep1', stateVector: payload };
          Y.decodeStateVector(payload);
        } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          // Decoding the whole update up front means a malformed one is refused before it reaches the document;
          // the decoded structs are what the update check reads.
          const decoded = Y.decodeUpdate(payload);
          message = { type: 'update', update: payload, step: step === 1 ? 'step2' : 'update', decoded };
        } else {
          throw new ProtocolError(`Onbekend sync-bericht ${step}`);
        }
        break;
      }
      case MessageType.awareness:
        message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
        break;
      case MessageType.queryAwareness:
        message = { type: 'queryAwareness' };
        break;
      case MessageType.auth:
        message = { type: 'auth' };
        return message;
      default:
        throw new ProtocolError(`Onbekend berichttype ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('Bericht heeft bytes over na het einde');
    return message;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(`Onleesbaar bericht (${(err as Error).message})`);
  }
}

/** True for an update that changes nothing (no structs, empty delete set), such as an idle client's step 2. */
export function isEmptyUpdate({ structs, ds }: DecodedUpdate): boolean {
  return structs.length === 0 && ds.clients.size === 0;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
