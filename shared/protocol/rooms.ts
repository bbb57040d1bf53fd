/**
 * Room names. Every permission boundary is a room boundary:
 * - `<doc>`: the agenda text (everyone in the document reads; who writes depends on role and drafting);
 * - `<doc>/meta`: amendments once submitted, positions, statuses, shared comment threads — written by the
 *   server only, after it checked the request; clients read it live;
 * - `<doc>/party/<party>`: a party's private room (notes, draft amendments, party threads); no other
 *   party's connection can open it.
 */
export type RoomRef =
  | { kind: 'text'; documentId: string }
  | { kind: 'meta'; documentId: string }
  | { kind: 'party'; documentId: string; party: string };

export function roomName(ref: RoomRef): string {
  switch (ref.kind) {
    case 'text':
      return ref.documentId;
    case 'meta':
      return `${ref.documentId}/meta`;
    case 'party':
      return `${ref.documentId}/party/${ref.party}`;
  }
}

/** The room a name refers to, or null for a name that is none of them. */
export function parseRoomName(name: string): RoomRef | null {
  const parts = name.split('/');
  const [documentId, kind, party] = parts;
  if (!documentId) return null;
  if (parts.length === 1) return { kind: 'text', documentId };
  if (parts.length === 2 && kind === 'meta') return { kind: 'meta', documentId };
  if (parts.length === 3 && kind === 'party' && party) return { kind: 'party', documentId, party };
  return null;
}
