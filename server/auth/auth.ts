import type { Request } from 'express';
import type { PeopleRepository, PersonRecord } from '../people/repository.js';
import { verifyToken } from './tokens.js';

/** The name of the session cookie set after signing in with a link. */
export const SESSION_COOKIE = 'akkoord_session';

/**
 * Turns a token into a person: the signature must hold and the person must still be active (not revoked,
 * not expired). Asked on every request and connection, so a revocation takes effect at once.
 */
export class Authenticator {
  constructor(
    private readonly key: Uint8Array,
    readonly people: PeopleRepository,
  ) {}

  async authenticate(token: string | null | undefined): Promise<PersonRecord | null> {
    if (!token || token.length > 4096) return null;
    const id = await verifyToken(this.key, token);
    if (!id) return null;
    const person = this.people.person(id);
    return person && this.people.isActive(person) ? person : null;
  }

  /** Whether a person is still allowed in (used to sweep open connections). */
  stillActive(personId: string): boolean {
    const person = this.people.person(personId);
    return person !== null && this.people.isActive(person);
  }
}

/** The token of an HTTP request: `Authorization: Bearer …`, else the session cookie. */
export function tokenOfRequest(req: Pick<Request, 'headers'>): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return cookie(req.headers.cookie, SESSION_COOKIE);
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
