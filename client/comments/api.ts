import { api } from '../app/session.js';
import type { Audience } from '../../shared/comments/types.js';
import type { Party } from '../../shared/auth/person.js';

/** The comments API as the client calls it (the server checks every call; see server/http/comments.ts). */
const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/comments`;

export interface Placement {
  measure?: string;
  quote: string;
  at?: { start: string; end: string };
}

export const createThread = (documentId: string, input: Placement & { audience: Audience; text: string }) =>
  api('POST', base(documentId), input);

export const reply = (documentId: string, threadId: string, text: string) =>
  api('POST', `${base(documentId)}/${encodeURIComponent(threadId)}/messages`, { text });

export const editMessage = (documentId: string, threadId: string, messageId: string, text: string) =>
  api(
    'PUT',
    `${base(documentId)}/${encodeURIComponent(threadId)}/messages/${encodeURIComponent(messageId)}`,
    { text },
  );

export const deleteMessage = (documentId: string, threadId: string, messageId: string) =>
  api(
    'DELETE',
    `${base(documentId)}/${encodeURIComponent(threadId)}/messages/${encodeURIComponent(messageId)}`,
  );

export const setResolved = (documentId: string, threadId: string, resolved: boolean) =>
  api('POST', `${base(documentId)}/${encodeURIComponent(threadId)}/${resolved ? 'resolve' : 'reopen'}`);

export const reattach = (documentId: string, threadId: string, placement: Placement) =>
  api('PUT', `${base(documentId)}/${encodeURIComponent(threadId)}/anchor`, placement);

const parties = new Map<string, Promise<Party[]>>();
/** The document's parties (names and colours), fetched once per page. */
export function fetchParties(documentId: string): Promise<Party[]> {
  let p = parties.get(documentId);
  if (!p) {
    p = api<Party[]>('GET', `/api/documents/${encodeURIComponent(documentId)}/parties`).catch(() => []);
    parties.set(documentId, p);
  }
  return p;
}

export { dutchMoment } from '../../shared/i18n/dates.js';
