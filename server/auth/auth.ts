import type { IncomingHttpHeaders } from 'node:http';
import type { PeopleRepository, PersonRecord } from '../people/repository.js';
import type { Sessions } from './sessions.js';
import { verifyToken } from './tokens.js';

/** The name of the session cookie set after signing in with a link. */
export const SESSION_COOKIE = 'akkoord_session';

/**
 * What a request or connection signs in with: a personal token (command line, scripts, stock clients with
 * `?token=`), or the browser's session cookie. Only the cookie is sent by the browser on its own, so only it
 * needs a proof that the request comes from Akkoord's own pages (see server/http/origin.ts).
 */
export type Credential = { kind: 'token'; token: string } | { kind: 'session'; id: string };

/**
 * Turns a credential into a person: a token's signature must hold, a session must be live, and the person
 * must still be active (not revoked, not expired). Asked on every request and connection, so a revocation
 * takes effect at once.
 */
export class Authenticator {
  constructor(
    private readonly key: Uint8Array,
    readonly people: PeopleRepository,
    readonly sessions: Sessions,
  ) {}

  /** The active person of a personal token, or null. */
  async authenticate(token: string | null | undefined): Promise<PersonRecord | null> {
    if (!token || token.length > 4096) return null;
    const id = await verifyToken(this.key, token);
    if (!id) return null;
    const person = this.people.person(id);
    return person && this.people.isActive(person) ? person : null;
  }

  /** The active person of a credential, or null; a session of someone no longer active ends here. */
  async identify(credential: Credential | null): Promise<PersonRecord | null> {
    if (!credential) return null;
    if (credential.kind === 'token') return this.authenticate(credential.token);
    const personId = this.sessions.use(credential.id);
    if (!personId) return null;
    const person = this.people.person(personId);
    if (person && this.people.isActive(person)) return person;
    this.sessions.end(credential.id, 'Uw toegang is ingetrokken of verlopen');
    return null;
  }

  /**
   * Signs in with the token of an invitation link: a new session for its person, the previous session of
   * this browser (if any) ended, so a session id planted before signing in is worth nothing after it.
   */
  async signIn(
    token: string,
    previousSession: string | null,
  ): Promise<{ person: PersonRecord; session: string } | null> {
    const person = await this.authenticate(token);
    if (!person) return null;
    if (previousSession) this.sessions.end(previousSession);
    return { person, session: this.sessions.start(person.id) };
  }

  /** Whether a person is still allowed in (used to sweep open connections). */
  stillActive(personId: string): boolean {
    const person = this.people.person(personId);
    return person !== null && this.people.isActive(person);
  }
}

/** The credential of an HTTP request: `Authorization: Bearer …`, else the session cookie. */
export function credentialOfRequest(req: { headers: IncomingHttpHeaders }): Credential | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { kind: 'token', token: header.slice(7).trim() };
  const id = cookie(req.headers.cookie, SESSION_COOKIE);
  return id ? { kind: 'session', id } : null;
}

/** One cookie's value from a Cookie header. */
export function cookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}
