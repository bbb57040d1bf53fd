import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/** A raw websocket to the sync endpoint, recording every byte it receives, for tests that send by hand. */
export interface RawConnection {
  ws: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  send(data: Uint8Array): void;
}

export function rawConnect(url: string): Promise<RawConnection> {
  const ws = new WebSocket(url);
  ws.binaryType = 'nodebuffer';
  const received: Uint8Array[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on('error', () => {});
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, received, closed, send: (d) => ws.send(d) }));
    ws.once('close', () => reject(new Error('closed before open')));
  });
}

/** A sync message carrying `update` (type 0, subtype 2). */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A sync step 1 for `doc` (type 0, subtype 0). */
export function step1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}
