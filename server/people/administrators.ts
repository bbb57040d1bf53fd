import type { Administrator } from '../../shared/auth/person.js';

/** An administrator as stored. */
export interface AdministratorRecord extends Administrator {
  createdAt: string;
  revokedAt: string | null;
}

/**
 * The administrators of this instance (table `administrators`, apart from the people of documents). The
 * SQLite implementation is `storage/sqlite/administrators.ts`.
 */
export interface AdministratorRepository {
  administrator(id: string): Promise<AdministratorRecord | null>;
  /** Every administrator, oldest first, revoked ones included. */
  administrators(): Promise<AdministratorRecord[]>;
  /** Stores a new administrator and returns the record. */
  add(name: string): Promise<AdministratorRecord>;
  /** Ends an administrator's access; false when there was none left to end. */
  revoke(id: string): Promise<boolean>;
}
