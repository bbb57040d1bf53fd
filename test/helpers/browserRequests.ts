import WebSocket from 'ws';
import type { TestServer } from './server.js';

/**
 * Requests as a browser makes them, by hand: with the session cookie and the headers a browser adds on its
 * own (Origin, Fetch Metadata), so tests can send what a page of Akkoord sends, and what another site's does.
 */

/** What came back: status, the parsed body, and the Set-Cookie lines. */
export interface Reply {
  status: number;
  body: any;
  setCookie: string[];
  headers: Headers;
}

/** Where a server answers: a test server in this process, or a server process's addresses. */
export type ServerAddress = { app: Pick<TestServer['app'], 'url'>; wsUrl: string };

/** The headers Chromium adds to a fetch from one of Akkoord's own pages. */
export function ownPageHeaders(server: ServerAddress): Record<string, string> {
  return { origin: server.app.url, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' };
}

/** An HTTP request with an optional session cookie and whatever headers a test gives. */
export async function send(
  server: ServerAddress,
  path: string,
  init: { method?: string; session?: string | null; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const res = await fetch(`${server.app.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.session ? { cookie: `akkoord_session=${init.session}` } : {}),
      ...init.headers,
    },
    body: init.body,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body, setCookie: res.headers.getSetCookie(), headers: res.headers };
}

/** The value of the session cookie in Set-Cookie lines, or null. */
export function sessionOf(setCookie: string[]): string | null {
  for (const line of setCookie) {
    const match = /^akkoord_session=([^;]*)/.exec(line);
    if (match) return decodeURIComponent(match[1]!);
  }
  return null;
}

/** Signs in as the sign-in page does (POST /api/session from Akkoord's own page); returns the reply and the session. */
export async function signInForCookie(
  server: ServerAddress,
  token: string,
  options: { session?: string | null; headers?: Record<string, string> } = {},
): Promise<{ reply: Reply; session: string }> {
  const reply = await send(server, '/api/session', {
    method: 'POST',
    session: options.session,
    headers: { ...ownPageHeaders(server), 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ token }),
  });
  const session = sessionOf(reply.setCookie);
  if (reply.status !== 200 || !session)
    throw new Error(`Sign-in failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { reply, session };
}

/** A websocket to a room with given headers; `opened` says whether the upgrade succeeded. */
export interface HeadedSocket {
  ws: WebSocket;
  received: Uint8Array[];
  opened: Promise<boolean>;
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens `/sync/<room>` with the session cookie and/or an Origin, as a browser (or an attacker's page) would. */
export function socketWith(
  server: ServerAddress,
  room: string,
  options: { session?: string; origin?: string; token?: string },
): HeadedSocket {
  const query = options.token ? `?token=${encodeURIComponent(options.token)}` : '';
  const ws = new WebSocket(`${server.wsUrl}/${room}${query}`, {
    headers: options.session ? { cookie: `akkoord_session=${options.session}` } : {},
    ...(options.origin ? { origin: options.origin } : {}),
  });
  ws.binaryType = 'nodebuffer';
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('close', () => resolve(false));
  });
  return { ws, received, opened, closed };
}
