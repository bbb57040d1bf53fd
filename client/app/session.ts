import type { Administrator, Person, Party } from '../../shared/auth/person.js';
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

/**
 * Sends a file as multipart form data (field `file`), as the signed-in person, the same way as `api`: the
 * browser marks it same-origin itself, and a non-2xx answer becomes an ApiError with the server's sentence.
 */
export async function upload<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(url, { method: 'POST', body: form });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // a proxy's HTML error page: the status says enough
  }
  if (!res.ok) throw new ApiError(res.status, (parsed as { error?: string } | null)?.error ?? res.statusText);
  return parsed as T;
}

/** A person signed in, as `GET /api/me` answers for them: their party and the drafting mode. */
export interface Me {
  kind: 'person';
  person: Person;
  party: Party | null;
  drafting: DraftingMode;
}

/** An administrator of the instance signed in, as `GET /api/me` answers for them. */
export interface AdminMe {
  kind: 'admin';
  admin: Administrator;
}

/** Whoever is signed in. */
export type Account = Me | AdminMe;

/** Signs in with the token of a personal link: the server sets the session cookie. */
export async function signIn(token: string): Promise<Account> {
  await api('POST', '/api/session', { token });
  return api<Account>('GET', '/api/me');
}
