import { createHash, randomBytes } from 'node:crypto';
import { CloseCode } from '../../shared/protocol/protocol.js';
import type { SessionRepository } from './sessionRepository.js';

/** A session ends after this many hours without use, unless AKKOORD_SESSION_IDLE_HOURS says otherwise. */
export const DEFAULT_SESSION_IDLE_HOURS = 12;
/**
 * A use is written to the database at most once a minute per session: the idle time is exact to a minute,
 * and someone typing costs one write a minute, not one per keystroke.
 */
const TOUCH_EVERY_MS = 60_000;
/** Sessions idle past their time are deleted from the table at most this often (they are refused anyway). */
const PURGE_EVERY_MS = 10 * 60_000;
/** A session id: 32 random bytes in base64url, 43 characters. Anything else is not looked up. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** How long sessions live and what time it is (a clock tests can move). */
export interface SessionPolicy {
  idleMs: number;
  now: () => Date;
  /** Told when this server ends a session (signed out, idle), so other instances end its connections. */
  onEnd?: (key: string, reason: string) => void;
}

/** An open connection, as far as sessions care: it can be ended with a code and a reason. */
export interface Closable {
  close(code: number, reason: string): void;
}

/**
 * Server-side browser sessions. The cookie carries a random session id, never the invitation token; the
 * database keeps only its hash. A session ends after `idleMs` without use (an API request, or a sync message
 * on one of its websocket connections), when its person signs out, and when the person is revoked; its
 * open connections end with it.
 */
export class Sessions {
  /** Open connections by session hash, so that ending a session ends them. */
  private readonly open = new Map<string, Set<Closable>>();
  /** When each session with open connections last had its use written. */
  private readonly written = new Map<string, number>();
  private lastPurge = 0;

  constructor(
    private readonly repo: SessionRepository,
    readonly policy: SessionPolicy,
  ) {}

  /** Starts a session for a person and returns its id, for the cookie. */
  async start(personId: string): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.repo.insert(hashOf(id), personId, this.policy.now());
    return id;
  }

  /** The person of a live session, counting this as a use; an unknown or idle session gives null. */
  async use(id: string): Promise<string | null> {
    if (!SESSION_ID.test(id)) return null;
    const key = hashOf(id);
    const row = await this.repo.find(key);
    if (!row) return null;
    const now = this.policy.now();
    const lastSeen = Date.parse(row.lastSeenAt);
    if (now.getTime() - lastSeen >= this.policy.idleMs) {
      await this.endKey(key, 'Uw sessie is verlopen; open uw aanmeldlink opnieuw');
      return null;
    }
    if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) await this.repo.touch(key, now);
    return row.personId;
  }

  /** Ends a session (signing out): it is deleted and its open connections close. */
  async end(id: string, reason = 'U bent afgemeld'): Promise<void> {
    if (SESSION_ID.test(id)) await this.endKey(hashOf(id), reason);
  }

  /** Ends every session of a person (revocation). Their open connections are ended by the caller's registry. */
  async endPerson(personId: string): Promise<void> {
    await this.repo.deletePerson(personId);
  }

  /**
   * Ties an open connection to its session: it closes when the session ends, and `activity` (called on each
   * sync message) keeps the session alive. `detach` when the connection closes.
   */
  attach(id: string, conn: Closable): { activity(): void; detach(): void } {
    const key = hashOf(id);
    let set = this.open.get(key);
    if (!set) this.open.set(key, (set = new Set()));
    set.add(conn);
    return {
      activity: () => {
        const now = this.policy.now();
        if (now.getTime() - (this.written.get(key) ?? 0) < TOUCH_EVERY_MS) return;
        this.written.set(key, now.getTime());
        void this.repo
          .touch(key, now)
          .catch((err: unknown) => console.error('Sessie bijwerken mislukt:', err));
      },
      detach: () => {
        set.delete(conn);
        if (set.size > 0) return;
        this.open.delete(key);
        this.written.delete(key);
      },
    };
  }

  /**
   * Ends the connections of sessions that are gone or idle (signed out in another tab, revoked from the
   * command line, past their idle time), and now and then deletes idle sessions from the table.
   */
  async sweep(): Promise<void> {
    const now = this.policy.now();
    for (const key of [...this.open.keys()]) {
      const row = await this.repo.find(key);
      if (!row) this.closeAll(key, 'Uw sessie is beëindigd; open uw aanmeldlink opnieuw');
      else if (now.getTime() - Date.parse(row.lastSeenAt) >= this.policy.idleMs)
        await this.endKey(key, 'Uw sessie is verlopen; open uw aanmeldlink opnieuw');
    }
    if (now.getTime() - this.lastPurge >= PURGE_EVERY_MS) {
      this.lastPurge = now.getTime();
      await this.repo.deleteIdle(new Date(now.getTime() - this.policy.idleMs));
    }
  }

  private async endKey(key: string, reason: string): Promise<void> {
    await this.repo.delete(key);
    this.closeAll(key, reason);
    this.policy.onEnd?.(key, reason);
  }

  /** Closes the open connections of a session by its hash (one another instance ended). */
  closeAll(key: string, reason: string): void {
    for (const conn of [...(this.open.get(key) ?? [])]) conn.close(CloseCode.unauthorized, reason);
  }
}

/** What the table stores of a session id: its SHA-256, so the table alone signs no one in. */
function hashOf(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}
