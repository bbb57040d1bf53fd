import type { Anchor, AuthorRef, Message, Thread } from '../../../shared/comments/types.js';

/** The rows of the comment tables as both stores read them, and how they become threads. */
export interface ThreadRow {
  id: string;
  document_id: string;
  party: string;
  anchor: string;
  status: 'open' | 'resolved';
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
  created_by: string;
}
export interface MessageRow {
  id: string;
  thread_id: string;
  author: string;
  text: string;
  created_at: string;
  edited_at: string | null;
}

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    author: JSON.parse(row.author) as AuthorRef,
    text: row.text,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

export function toThread(row: ThreadRow, messages: Message[]): Thread {
  return {
    id: row.id,
    documentId: row.document_id,
    audience: 'everyone',
    party: row.party,
    anchor: JSON.parse(row.anchor) as Anchor,
    status:
      row.status === 'resolved' && row.resolved_by && row.resolved_at
        ? { kind: 'resolved', by: JSON.parse(row.resolved_by) as AuthorRef, at: row.resolved_at }
        : { kind: 'open' },
    createdAt: row.created_at,
    createdBy: JSON.parse(row.created_by) as AuthorRef,
    messages,
  };
}
