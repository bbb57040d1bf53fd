import type { Thread } from '../../shared/comments/types.js';

/**
 * Threads for everyone: the source of truth (the meta room shows a copy live). Party threads are not here:
 * they live in their party's room only. The SQLite implementation is `storage/sqlite/comments.ts`.
 */
export interface CommentRepository {
  /** The everyone-threads of a document, oldest first. */
  list(documentId: string): Promise<Thread[]>;
  /** One thread, or null. */
  get(id: string): Promise<Thread | null>;
  /** Stores a thread as it is now, messages and all, in one transaction. */
  save(thread: Thread): Promise<void>;
  /** Removes a thread and its messages. */
  delete(id: string): Promise<void>;
  /** Removes every thread of a document, with their messages. */
  removeDocument(documentId: string): Promise<void>;
}
