import type Database from 'better-sqlite3';
import type { Message, Thread } from '../../../shared/comments/types.js';
import type { CommentRepository } from '../../comments/repository.js';

import { toMessage, toThread, type MessageRow, type ThreadRow } from '../rows/comments.js';

/** Threads for everyone in SQLite (tables `comment_threads` and `comment_messages`). */
export class SqliteComments implements CommentRepository {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      threads: db.prepare<[string], ThreadRow>(
        'SELECT * FROM comment_threads WHERE document_id = ? ORDER BY created_at, id',
      ),
      thread: db.prepare<[string], ThreadRow>('SELECT * FROM comment_threads WHERE id = ?'),
      messagesOfDocument: db.prepare<[string], MessageRow>(
        'SELECT m.* FROM comment_messages m JOIN comment_threads t ON t.id = m.thread_id WHERE t.document_id = ? ORDER BY m.thread_id, m.position',
      ),
      messages: db.prepare<[string], MessageRow>(
        'SELECT * FROM comment_messages WHERE thread_id = ? ORDER BY position',
      ),
      upsert: db.prepare(
        `INSERT INTO comment_threads (id, document_id, party, anchor, status, resolved_by, resolved_at, created_at, created_by)
         VALUES (@id, @document_id, @party, @anchor, @status, @resolved_by, @resolved_at, @created_at, @created_by)
         ON CONFLICT (id) DO UPDATE SET anchor = excluded.anchor, status = excluded.status,
           resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at`,
      ),
      deleteMessages: db.prepare('DELETE FROM comment_messages WHERE thread_id = ?'),
      insertMessage: db.prepare(
        'INSERT INTO comment_messages (id, thread_id, position, author, text, created_at, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      delete: db.prepare('DELETE FROM comment_threads WHERE id = ?'),
      removeMessages: db.prepare(
        'DELETE FROM comment_messages WHERE thread_id IN (SELECT id FROM comment_threads WHERE document_id = ?)',
      ),
      removeThreads: db.prepare('DELETE FROM comment_threads WHERE document_id = ?'),
    };
  }

  async list(documentId: string): Promise<Thread[]> {
    const byThread = new Map<string, Message[]>();
    for (const row of this.q.messagesOfDocument.all(documentId)) {
      const list = byThread.get(row.thread_id) ?? [];
      list.push(toMessage(row));
      byThread.set(row.thread_id, list);
    }
    return this.q.threads.all(documentId).map((row) => toThread(row, byThread.get(row.id) ?? []));
  }

  async get(id: string): Promise<Thread | null> {
    const row = this.q.thread.get(id);
    return row ? toThread(row, this.q.messages.all(id).map(toMessage)) : null;
  }

  async save(thread: Thread): Promise<void> {
    this.db.transaction(() => {
      this.q.upsert.run({
        id: thread.id,
        document_id: thread.documentId,
        party: thread.party,
        anchor: JSON.stringify(thread.anchor),
        status: thread.status.kind,
        resolved_by: thread.status.kind === 'resolved' ? JSON.stringify(thread.status.by) : null,
        resolved_at: thread.status.kind === 'resolved' ? thread.status.at : null,
        created_at: thread.createdAt,
        created_by: JSON.stringify(thread.createdBy),
      });
      this.q.deleteMessages.run(thread.id);
      thread.messages.forEach((m, i) =>
        this.q.insertMessage.run(
          m.id,
          thread.id,
          i,
          JSON.stringify(m.author),
          m.text,
          m.createdAt,
          m.editedAt,
        ),
      );
    })();
  }

  async delete(id: string): Promise<void> {
    this.q.delete.run(id);
  }

  async removeDocument(documentId: string): Promise<void> {
    this.removeRows(documentId);
  }

  /** Removes a document's rows, synchronously (inside the store's transaction that replaces it). */
  removeRows(documentId: string): void {
    this.q.removeMessages.run(documentId);
    this.q.removeThreads.run(documentId);
  }
}
