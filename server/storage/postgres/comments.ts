import type { Message, Thread } from '../../../shared/comments/types.js';
import type { CommentRepository } from '../../comments/repository.js';
import type { PgDatabase } from './db.js';

import { toMessage, toThread, type MessageRow, type ThreadRow } from '../rows/comments.js';

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
