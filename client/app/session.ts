import type { Person, Party } from '../../shared/auth/person.js';
import type { DraftingMode } from '../../shared/auth/roles.js';

/**
 * The browser keeps no token in script reach: signing in trades the link's token for an HttpOnly session
 * cookie, which the browser sends with every API request and with the websocket upgrade.
 */

/** An API error with the server's sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the API as the signed-in person; a non-2xx answer becomes an ApiError with the server's sentence. */
export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body !== undefined ? { 'content-type': 'application/json' } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const message = (parsed as { error?: string } | null)?.error ?? res.statusText;
    throw new ApiError(res.status, message);
  }
  return parsed as T;
}

/** Who is signed in, as `GET /api/me` answers. */
export interface Me {
  person: Person;
  party: Party | null;
  drafting: DraftingMode;
}

/** Signs in with the token of a personal link: the server sets the session cookie. */
export async function signIn(token: string): Promise<Me> {
  await api('POST', '/api/session', { token });
  return api<Me>('GET', '/api/me');
}
