import type { Notification } from '../../shared/notifications/types.js';
import type { DocumentRows } from '../storage/storage.js';

/** A stored notification with whether one person has read it. */
export interface StoredNotification {
  seq: number;
  notification: Notification;
  read: boolean;
}

/**
 * Notifications and who read which (tables of migration 15). The SQLite implementation is
 * `storage/sqlite/notifications.ts`.
 */
export interface NotificationsRepository extends DocumentRows {
  /** Stores a notification. */
  insert(n: Notification): void;
  /** The newest `limit` notifications a person's party may read, with their read state, newest first. */
  latest(documentId: string, person: { id: string; party: string }, limit: number): StoredNotification[];
  /** Marks notifications read for a person: the given ones, or all of the document's up to now (`ids` null). */
  markRead(documentId: string, personId: string, ids: readonly string[] | null, at: string): void;
}
