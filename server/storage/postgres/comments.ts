import type { Anchor, AuthorRef, Message, Thread } from '../../../shared/comments/types.js';
import type { CommentRepository } from '../../comments/repository.js';
import type { PgDatabase } from './db.js';

interface ThreadRow {
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
interface MessageRow {
  id: string;
  thread_id: string;
  author: string;
  text: string;
  created_at: string;
  edited_at: string | null;
}

/** Threads for everyone in PostgreSQL (tables `comment_threads` and `comment_messages`). */
export class PgComments implements CommentRepository {
  constructor(private readonly db: PgDatabase) {}

  async list(documentId: string): Promise<Thread[]> {
    const byThread = new Map<string, Message[]>();
    const messages = await this.db.rows<MessageRow & Record<string, unknown>>(
      'SELECT m.* FROM comment_messages m JOIN comment_threads t ON t.id = m.thread_id WHERE t.document_id = ? ORDER BY m.thread_id, m.position',
      [documentId],
    );
    for (const row of messages) {
      const list = byThread.get(row.thread_id) ?? [];
      list.push(toMessage(row));
      byThread.set(row.thread_id, list);
    }
    const threads = await this.db.rows<ThreadRow & Record<string, unknown>>(
      'SELECT * FROM comment_threads WHERE document_id = ? ORDER BY created_at, id',
      [documentId],
    );
    return threads.map((row) => toThread(row, byThread.get(row.id) ?? []));
  }

  async get(id: string): Promise<Thread | null> {
    const row = await this.db.row<ThreadRow & Record<string, unknown>>(
      'SELECT * FROM comment_threads WHERE id = ?',
      [id],
    );
    if (!row) return null;
    const messages = await this.db.rows<MessageRow & Record<string, unknown>>(
      'SELECT * FROM comment_messages WHERE thread_id = ? ORDER BY position',
      [id],
    );
    return toThread(row, messages.map(toMessage));
  }

  async save(thread: Thread): Promise<void> {
    await this.db.transaction(
      async () => {
        await this.db.query(
          `INSERT INTO comment_threads (id, document_id, party, anchor, status, resolved_by, resolved_at, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET anchor = excluded.anchor, status = excluded.status,
             resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at`,
          [
            thread.id,
            thread.documentId,
            thread.party,
            JSON.stringify(thread.anchor),
            thread.status.kind,
            thread.status.kind === 'resolved' ? JSON.stringify(thread.status.by) : null,
            thread.status.kind === 'resolved' ? thread.status.at : null,
            thread.createdAt,
            JSON.stringify(thread.createdBy),
          ],
        );
        await this.db.query('DELETE FROM comment_messages WHERE thread_id = ?', [thread.id]);
        for (const [i, m] of thread.messages.entries())
          await this.db.query(
            'INSERT INTO comment_messages (id, thread_id, position, author, text, created_at, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [m.id, thread.id, i, JSON.stringify(m.author), m.text, m.createdAt, m.editedAt],
          );
      },
      { join: true },
    );
  }

  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM comment_threads WHERE id = ?', [id]);
  }

  async removeDocument(documentId: string): Promise<void> {
    await this.db.query(
      'DELETE FROM comment_messages WHERE thread_id IN (SELECT id FROM comment_threads WHERE document_id = ?)',
      [documentId],
    );
    await this.db.query('DELETE FROM comment_threads WHERE document_id = ?', [documentId]);
  }
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    author: JSON.parse(row.author) as AuthorRef,
    text: row.text,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

function toThread(row: ThreadRow, messages: Message[]): Thread {
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
