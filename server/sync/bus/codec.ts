import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { BusEvent, RoomMessage } from '../bus.js';

/** The kinds of room message on the wire, one byte each. */
const KIND = { update: 0, head: 1, awareness: 2, queryAwareness: 3 } as const;

/** A room message with the instance that sent it (Redis hands a publisher its own messages too). */
export function encodeRoomMessage(sender: string, message: RoomMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, sender);
  encoding.writeVarUint(e, KIND[message.kind]);
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(e, message.seq);
      encoding.writeVarUint(e, message.prev);
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'head':
      encoding.writeVarUint(e, message.seq);
      encoding.writeVarUint(e, message.prev);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'queryAwareness':
      break;
    default:
      message satisfies never;
  }
  return encoding.toUint8Array(e);
}

/** Decodes `encodeRoomMessage`; throws RangeError for bytes that are not one. */
export function decodeRoomMessage(data: Uint8Array): { sender: string; message: RoomMessage } {
  const d = decoding.createDecoder(data);
  const sender = decoding.readVarString(d);
  const kind = decoding.readVarUint(d);
  let message: RoomMessage;
  switch (kind) {
    case KIND.update:
      message = {
        kind: 'update',
        seq: decoding.readVarUint(d),
        prev: decoding.readVarUint(d),
        update: decoding.readVarUint8Array(d),
      };
      break;
    case KIND.head:
      message = { kind: 'head', seq: decoding.readVarUint(d), prev: decoding.readVarUint(d) };
      break;
    case KIND.awareness:
      message = { kind: 'awareness', update: decoding.readVarUint8Array(d) };
      break;
    case KIND.queryAwareness:
      message = { kind: 'queryAwareness' };
      break;
    default:
      throw new RangeError(`Unknown room message kind ${kind}`);
  }
  if (decoding.hasContent(d)) throw new RangeError('Room message has bytes after its end');
  return { sender, message };
}

/** An event with the instance that sent it, as JSON. */
export function encodeEvent(sender: string, event: BusEvent): string {
  return JSON.stringify({ sender, event });
}

/** Decodes `encodeEvent`; throws for anything else. */
export function decodeEvent(text: string): { sender: string; event: BusEvent } {
  const parsed = JSON.parse(text) as { sender?: unknown; event?: { kind?: unknown } };
  if (typeof parsed.sender !== 'string' || typeof parsed.event?.kind !== 'string')
    throw new RangeError(`Not a bus event: ${text.slice(0, 80)}`);
  return parsed as { sender: string; event: BusEvent };
}
