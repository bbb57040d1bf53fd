import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { rawConnect, step1Message, updateMessage, type RawConnection } from './raw.js';
import { eventually } from './clients.js';

/**
 * An attacker's connection: a raw websocket plus a Y.Doc holding the room's state, in which the attacker
 * makes any change it likes (as a modified client would) and sends exactly that change, y-websocket framed.
 */
export interface Attacker {
  raw: RawConnection;
  doc: Y.Doc;
  /** Makes a change in the attacker's document and sends the update it produced. Returns that update. */
  send(change: (doc: Y.Doc) => void): Uint8Array;
}

/** Opens a raw connection to `room` and fetches the room's whole state into a fresh Y.Doc (sync step 1 → 2). */
export async function attacker(
  wsUrl: string,
  room: string,
  token: string,
  clientID?: number,
): Promise<Attacker> {
  const raw = await rawConnect(`${wsUrl}/${room}?token=${token}`);
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  raw.send(step1Message(new Y.Doc()));
  await eventually(() => raw.received.some(isStep2));
  for (const message of raw.received.filter(isStep2)) Y.applyUpdate(doc, payloadOf(message));
  return {
    raw,
    doc,
    send(change) {
      const before = Y.encodeStateVector(doc);
      change(doc);
      const update = Y.encodeStateAsUpdate(doc, before);
      raw.send(updateMessage(update));
      return update;
    },
  };
}

function isStep2(message: Uint8Array): boolean {
  return message[0] === 0 && message[1] === 1;
}

function payloadOf(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

/** The first element named `name` whose `id` attribute is `id`, searched depth-first. */
export function elementById(parent: Y.XmlFragment | Y.XmlElement, id: string): Y.XmlElement | null {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.getAttribute('id') === id) return child;
    const found = elementById(child, id);
    if (found) return found;
  }
  return null;
}

/** Every `id` attribute in the fragment, in document order (duplicates kept). */
export function allIds(parent: Y.XmlFragment | Y.XmlElement): string[] {
  const out: string[] = [];
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const id = child.getAttribute('id');
    if (typeof id === 'string') out.push(id);
    out.push(...allIds(child));
  }
  return out;
}
