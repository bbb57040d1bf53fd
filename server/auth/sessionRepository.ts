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
  insert(idHash: string, personId: string, at: Date): void;
  find(idHash: string): SessionRow | null;
  /** Records a use at `at` (never moves the time back). */
  touch(idHash: string, at: Date): void;
  delete(idHash: string): boolean;
  /** Deletes every session of a person (revocation); returns how many there were. */
  deletePerson(personId: string): number;
  /** Deletes the sessions last used before `cutoff`. */
  deleteIdle(cutoff: Date): number;
  /** How many sessions a person has. */
  countPerson(personId: string): number;
}
