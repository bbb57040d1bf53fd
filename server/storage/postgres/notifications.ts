import type { Notification } from '../../../shared/notifications/types.js';
import type { NotificationsRepository, StoredNotification } from '../../notifications/repository.js';
import type { PgDatabase } from './db.js';

/** Notifications and who read which, on PostgreSQL (the tables of migration 15). */
export class PgNotifications implements NotificationsRepository {
  constructor(private readonly db: PgDatabase) {}

  async insert(n: Notification): Promise<void> {
    await this.db.query(
      'INSERT INTO notifications (id, document_id, party, created_at, body) VALUES (?, ?, ?, ?, ?)',
      [n.id, n.documentId, n.party, n.createdAt, JSON.stringify(n)],
    );
  }

  async latest(
    documentId: string,
    person: { id: string; party: string },
    limit: number,
  ): Promise<StoredNotification[]> {
    // The newest first, for one person: everyone's and their own party's, with their read state.
    const rows = await this.db.rows<{ seq: number; body: string; read: boolean }>(
      `SELECT n.seq, n.body,
         (n.seq <= COALESCE((SELECT up_to_seq FROM notification_read_marks WHERE person_id = ?), 0)
          OR EXISTS (SELECT 1 FROM notification_reads r WHERE r.person_id = ? AND r.notification_id = n.id)) AS read
       FROM notifications n
       WHERE n.document_id = ? AND (n.party IS NULL OR n.party = ?)
       ORDER BY n.seq DESC LIMIT ?`,
      [person.id, person.id, documentId, person.party, limit],
    );
    return rows.map((row) => ({
      seq: row.seq,
      notification: JSON.parse(row.body) as Notification,
      read: row.read,
    }));
  }

  async markRead(
    documentId: string,
    personId: string,
    ids: readonly string[] | null,
    at: string,
  ): Promise<void> {
    if (ids === null) {
      await this.db.query(
        `INSERT INTO notification_read_marks (document_id, person_id, up_to_seq)
         VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) FROM notifications WHERE document_id = ?))
         ON CONFLICT (person_id) DO UPDATE
           SET up_to_seq = GREATEST(notification_read_marks.up_to_seq, excluded.up_to_seq)`,
        [documentId, personId, documentId],
      );
      return;
    }
    if (ids.length === 0) return;
    await this.db.query(
      `INSERT INTO notification_reads (document_id, person_id, notification_id, read_at)
       SELECT ?, ?, unnest(?::text[]), ? ON CONFLICT DO NOTHING`,
      [documentId, personId, [...ids], at],
    );
  }

  async removeDocument(documentId: string): Promise<void> {
    for (const table of ['notifications', 'notification_reads', 'notification_read_marks'])
      await this.db.query(`DELETE FROM ${table} WHERE document_id = ?`, [documentId]);
  }
}
