import type { IncomingHttpHeaders } from 'node:http';
import type { PeopleRepository } from '../people/repository.js';
import type { AdministratorRepository } from '../people/administrators.js';
import type { Account } from './account.js';
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
 * Turns a credential into an account — a person of a document, or an administrator of the instance: a
 * token's signature must hold, a session must be live, and the account must still be active (not revoked,
 * not expired). Asked on every request and connection, so a revocation takes effect at once.
 */
export class Authenticator {
  constructor(
    private readonly key: Uint8Array,
    readonly people: PeopleRepository,
    readonly sessions: Sessions,
    readonly administrators: AdministratorRepository,
  ) {}

  /** The active account of an id (a token's subject, a session's), or null. */
  async account(id: string): Promise<Account | null> {
    const person = await this.people.person(id);
    if (person) return this.people.isActive(person) ? { kind: 'person', person } : null;
    const admin = await this.administrators.administrator(id);
    return admin && !admin.revokedAt ? { kind: 'admin', admin } : null;
  }

  /** The active account of a personal token, or null. */
  async authenticate(token: string | null | undefined): Promise<Account | null> {
    if (!token || token.length > 4096) return null;
    const id = await verifyToken(this.key, token);
    return id ? await this.account(id) : null;
  }

  /** The active account of a credential, or null; a session of someone no longer active ends here. */
  async identify(credential: Credential | null): Promise<Account | null> {
    if (!credential) return null;
    if (credential.kind === 'token') return this.authenticate(credential.token);
    const id = await this.sessions.use(credential.id);
    if (!id) return null;
    const account = await this.account(id);
    if (account) return account;
    await this.sessions.end(credential.id, 'Uw toegang is ingetrokken of verlopen');
    return null;
  }

  /**
   * Signs in with the token of a personal link: a new session for its account, the previous session of
   * this browser (if any) ended, so a session id planted before signing in is worth nothing after it.
   */
  async signIn(
    token: string,
    previousSession: string | null,
  ): Promise<{ account: Account; session: string } | null> {
    const account = await this.authenticate(token);
    if (!account) return null;
    if (previousSession) await this.sessions.end(previousSession);
    const id = account.kind === 'person' ? account.person.id : account.admin.id;
    return { account, session: await this.sessions.start(id) };
  }

  /** Whether an account is still allowed in (used to sweep open connections). */
  async stillActive(id: string): Promise<boolean> {
    return (await this.account(id)) !== null;
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
