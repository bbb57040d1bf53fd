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

/** Document ids appear in URLs and room names: lower-case letters, digits and dashes. */
export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * A document id made from a title ("Coalitieakkoord Utrecht 2026" → "coalitieakkoord-utrecht-2026"): lower
 * case, accents dropped, anything else a dash; at most 64 characters; "onderhandeling" when nothing is left.
 */
export function documentIdOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'onderhandeling';
}
