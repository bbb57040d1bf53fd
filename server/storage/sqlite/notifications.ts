import type Database from 'better-sqlite3';
import type { Notification } from '../../../shared/notifications/types.js';
import type { NotificationsRepository, StoredNotification } from '../../notifications/repository.js';

interface Row {
  seq: number;
  body: string;
  read: number;
}

/** Notifications and who read which, on SQLite (the tables of migration 15). */
export class SqliteNotifications implements NotificationsRepository {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      insert: db.prepare(
        'INSERT INTO notifications (id, document_id, party, created_at, body) VALUES (?, ?, ?, ?, ?)',
      ),
      // The newest first, for one person: everyone's and their own party's, with their read state.
      latest: db.prepare<[string, string, string, string, number], Row>(
        `SELECT n.seq, n.body,
           (n.seq <= COALESCE((SELECT up_to_seq FROM notification_read_marks WHERE person_id = ?), 0)
            OR EXISTS (SELECT 1 FROM notification_reads r WHERE r.person_id = ? AND r.notification_id = n.id)) AS read
         FROM notifications n
         WHERE n.document_id = ? AND (n.party IS NULL OR n.party = ?)
         ORDER BY n.seq DESC LIMIT ?`,
      ),
      lastSeq: db.prepare<[string], { seq: number | null }>(
        'SELECT MAX(seq) AS seq FROM notifications WHERE document_id = ?',
      ),
      markUpTo: db.prepare(
        `INSERT INTO notification_read_marks (document_id, person_id, up_to_seq) VALUES (?, ?, ?)
         ON CONFLICT (person_id) DO UPDATE SET up_to_seq = MAX(up_to_seq, excluded.up_to_seq)`,
      ),
      markOne: db.prepare(
        'INSERT OR IGNORE INTO notification_reads (document_id, person_id, notification_id, read_at) VALUES (?, ?, ?, ?)',
      ),
      remove: [
        db.prepare('DELETE FROM notifications WHERE document_id = ?'),
        db.prepare('DELETE FROM notification_reads WHERE document_id = ?'),
        db.prepare('DELETE FROM notification_read_marks WHERE document_id = ?'),
      ],
    };
  }

  insert(n: Notification): void {
    this.q.insert.run(n.id, n.documentId, n.party, n.createdAt, JSON.stringify(n));
  }

  latest(documentId: string, person: { id: string; party: string }, limit: number): StoredNotification[] {
    return this.q.latest.all(person.id, person.id, documentId, person.party, limit).map((row) => ({
      seq: row.seq,
      notification: JSON.parse(row.body) as Notification,
      read: row.read === 1,
    }));
  }

  markRead(documentId: string, personId: string, ids: readonly string[] | null, at: string): void {
    this.db.transaction(() => {
      if (ids === null) this.q.markUpTo.run(documentId, personId, this.q.lastSeq.get(documentId)?.seq ?? 0);
      else for (const id of ids) this.q.markOne.run(documentId, personId, id, at);
    })();
  }

  removeDocument(documentId: string): void {
    for (const statement of this.q.remove) statement.run(documentId);
  }
}
