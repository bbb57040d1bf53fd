import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { ProtocolError } from './messages.js';

/** What the server writes into every awareness state: who the person really is. */
export interface StampedUser {
  name: string;
  party: string;
  color: string;
  role: string;
}

/**
 * Filters and stamps an awareness update from a connection. A connection owns one awareness client id (the
 * first it announces); entries for any other id are dropped — the stock client echoes the states of others
 * it has seen, so that is normal, but it must never change them. Each kept state's `user` is replaced by
 * the server's stamp, so nobody can appear as someone else. Returns null when nothing is left, and
 * 'tooLarge' when the connection's own state is longer than `maxStateBytes`.
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  user: StampedUser,
  owns: (clientId: number) => 'mine' | 'free' | 'other',
  maxStateBytes = Infinity,
): Uint8Array | 'tooLarge' | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: { clientId: number; clock: number; state: string }[] = [];
    let claimed = false;
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      const owner = owns(clientId);
      if (owner === 'other' || (owner === 'free' && claimed)) continue;
      if (Buffer.byteLength(json) > maxStateBytes) return 'tooLarge';
      const state: unknown = JSON.parse(json);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new ProtocolError('Ongeldige aanwezigheid');
      }
      if (owner === 'free') claimed = true;
      const stamped = state === null ? null : { ...(state as Record<string, unknown>), user };
      kept.push({ clientId, clock, state: JSON.stringify(stamped) });
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('Aanwezigheidsbericht heeft bytes over');
    if (kept.length === 0) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const entry of kept) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.state);
    }
    return encoding.toUint8Array(encoder);
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(`Onleesbare aanwezigheid (${(err as Error).message})`);
  }
}
