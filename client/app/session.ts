import type { Person, Party } from '../../shared/auth/person.js';
import type { DraftingMode } from '../../shared/auth/roles.js';

const TOKEN_KEY = 'akkoord.token';

/** The sign-in token of this browser (the session cookie carries it for HTTP; the websocket gets it as a parameter). */
export function storedToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

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
  const token = storedToken();
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
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

/** Signs in with the token of a personal link: sets the session cookie and keeps the token. */
export async function signIn(token: string): Promise<Me> {
  storeToken(token);
  try {
    await api('POST', '/api/session', { token });
    return await api<Me>('GET', '/api/me');
  } catch (err) {
    storeToken(null);
    throw err;
  }
}
