import type { AmendmentsRepository } from '../amendments/repository.js';
import type { CommentRepository } from '../comments/repository.js';
import type { PeopleRepository } from '../people/repository.js';
import type { AdministratorRepository } from '../people/administrators.js';
import type { VersionsRepository } from '../versions/repository.js';
import type { AuditLog } from './audit.js';
import type { Store } from './store.js';
import type { SessionRepository } from '../auth/sessionRepository.js';
import type { NumberStore } from '../documents/numberStore.js';
import type { ClientIdRepository } from '../sync/clientIds.js';
import type { AttributionRepository } from '../authorship/repository.js';
import type { NotificationsRepository } from '../notifications/repository.js';

/**
 * Every repository of Akkoord: the storage seam. The server and the command line see only these interfaces;
 * SQL and the database handle stay behind them, in one implementation per database (`sqlite.ts` opens the
 * SQLite one). Each repository's interface lives with its feature.
 */
export interface Repositories {
  /** Documents, baselines and the update log of every room (with the audit entries written alongside). */
  store: Store;
  audit: AuditLog;
  people: PeopleRepository;
  /** The instance's administrators (no document's people). */
  administrators: AdministratorRepository;
  amendments: AmendmentsRepository;
  comments: CommentRepository;
  versions: VersionsRepository;
  /** Browser sessions (the cookie's random id, hashed). */
  sessions: SessionRepository;
  /** Every number given to a chapter, section or measure. */
  numbers: NumberStore;
  /** Who writes with which Yjs client id, per document. */
  clientIds: ClientIdRepository;
  /** Who inserted and who deleted each run of the text rooms' Yjs items (written by the store). */
  attribution: AttributionRepository;
  /** Notifications ("Meldingen") and who read which. */
  notifications: NotificationsRepository;
}

/** The repositories of one opened database, and what is done with the database as a whole. */
export interface Storage extends Repositories {
  /** Writes a consistent copy of the whole database to `file` (a new file), while it stays in use. */
  backup(file: string): Promise<void>;
  close(): void;
}

/** A repository with rows that belong to a document. */
export interface DocumentRows {
  /** Removes the document's rows; the store calls it inside its transaction that replaces the document. */
  removeDocument(documentId: string): void;
}

/**
 * The repositories whose rows go when a document is replaced: the one list of them, which every store's
 * `createDocument(…, replace)` walks. People, parties and settings are not in it: the same table negotiates
 * the new text, signed in with the same links. The audit log keeps its entries (see `AuditLog`).
 */
export function documentRows(r: Omit<Repositories, 'store'>): DocumentRows[] {
  return [
    r.audit,
    r.amendments,
    r.comments,
    r.versions,
    r.numbers,
    r.clientIds,
    r.attribution,
    r.notifications,
  ];
}
