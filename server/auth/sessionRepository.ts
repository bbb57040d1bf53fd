/** A stored session: whose it is and when it was last used. */
export interface SessionRow {
  personId: string;
  lastSeenAt: string;
}

/**
 * The browser sessions. A row is keyed by the SHA-256 of the session id the cookie carries, so a copy of the
 * database (a backup) signs no one in; `lastSeenAt` is when the session was last used.
 */
export interface SessionRepository {
  insert(idHash: string, personId: string, at: Date): Promise<void>;
  find(idHash: string): Promise<SessionRow | null>;
  /** Records a use at `at` (never moves the time back). */
  touch(idHash: string, at: Date): Promise<void>;
  delete(idHash: string): Promise<boolean>;
  /** Deletes every session of a person (revocation); returns how many there were. */
  deletePerson(personId: string): Promise<number>;
  /** Deletes the sessions last used before `cutoff`. */
  deleteIdle(cutoff: Date): Promise<number>;
  /** How many sessions a person has. */
  countPerson(personId: string): Promise<number>;
}
