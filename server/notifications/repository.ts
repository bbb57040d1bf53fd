import type Database from 'better-sqlite3';
import type { Notification } from '../../shared/notifications/types.js';

// migration: notifications — the tables `notifications` (one row per event, JSON of whom it concerns and
// what happened), `notification_reads` (one row per person and notification read) and
// `notification_read_marks` (per person: everything up to this seq is read).
const SCHEMA = `
CREATE TABLE IF NOT EXISTS notifications (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL,
  party TEXT,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notifications_document ON notifications (document_id, seq);
CREATE TABLE IF NOT EXISTS notification_reads (
  person_id TEXT NOT NULL,
  notification_id TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (person_id, notification_id)
);
CREATE TABLE IF NOT EXISTS notification_read_marks (
  person_id TEXT PRIMARY KEY,
  up_to_seq INTEGER NOT NULL
);
`;

interface Row {
  seq: number;
  body: string;
  read: number;
}

/** A stored notification with whether one person has read it. */
export interface StoredNotification {
  seq: number;
  notification: Notification;
  read: boolean;
}

/** Notifications and who read which, in SQLite. */
export class NotificationsRepository {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
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
        `INSERT INTO notification_read_marks (person_id, up_to_seq) VALUES (?, ?)
         ON CONFLICT (person_id) DO UPDATE SET up_to_seq = MAX(up_to_seq, excluded.up_to_seq)`,
      ),
      markOne: db.prepare(
        'INSERT OR IGNORE INTO notification_reads (person_id, notification_id, read_at) VALUES (?, ?, ?)',
      ),
    };
  }

  /** Stores a notification. */
  insert(n: Notification): void {
    this.q.insert.run(n.id, n.documentId, n.party, n.createdAt, JSON.stringify(n));
  }

  /** The newest `limit` notifications a person's party may read, with their read state, newest first. */
  latest(documentId: string, person: { id: string; party: string }, limit: number): StoredNotification[] {
    return this.q.latest.all(person.id, person.id, documentId, person.party, limit).map((row) => ({
      seq: row.seq,
      notification: JSON.parse(row.body) as Notification,
      read: row.read === 1,
    }));
  }

  /** Marks notifications read for a person: the given ones, or all of the document's up to now. */
  markRead(documentId: string, personId: string, ids: readonly string[] | null, at: string): void {
    this.db.transaction(() => {
      if (ids === null) this.q.markUpTo.run(personId, this.q.lastSeq.get(documentId)?.seq ?? 0);
      else for (const id of ids) this.q.markOne.run(personId, id, at);
    })();
  }
}
