import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { CloseCode, MessageType } from '../../shared/protocol/protocol.js';
import { refusalOfUpgrade, type OriginPolicy } from '../http/origin.js';
import { SESSION_COOKIE, cookie, type Authenticator, type Credential } from './auth.js';
import type { Closable } from './sessions.js';
import type { Account } from './account.js';

/** What becomes of a websocket upgrade: refused with a close code and a sentence, or admitted for a person. */
export type Admission =
  | { kind: 'refused'; code: number; reason: string }
  | {
      kind: 'admitted';
      account: Account;
      /** Ties the served connection to its session (if it signed in with one): ended with it, keeping it alive. */
      bind(ws: WebSocket, conn: Closable): void;
    };

/**
 * Decides who an upgrade to `/sync/<room>` is: `?token=` (stock clients, scripts) or the session cookie (the
 * browser). The Origin is checked first (server/http/origin.ts), so a page of another origin is refused with
 * 4403 before any credential counts.
 */
export async function admitUpgrade(
  req: IncomingMessage,
  url: URL,
  auth: Authenticator,
  origins: OriginPolicy,
): Promise<Admission> {
  const token = url.searchParams.get('token');
  const session = token === null ? cookie(req.headers.cookie, SESSION_COOKIE) : null;
  const credential: Credential | null =
    token !== null ? { kind: 'token', token } : session ? { kind: 'session', id: session } : null;
  const refusal = refusalOfUpgrade(req, credential?.kind === 'session', origins);
  if (refusal) return { kind: 'refused', code: CloseCode.forbidden, reason: refusal };
  const account = await auth.identify(credential);
  if (!account) {
    return {
      kind: 'refused',
      code: CloseCode.unauthorized,
      reason: 'Niet aangemeld: aanmeldlink ontbreekt, is ongeldig of ingetrokken',
    };
  }
  return {
    kind: 'admitted',
    account,
    bind: (ws, conn) => {
      if (credential?.kind !== 'session') return;
      const tie = auth.sessions.attach(credential.id, conn);
      // Writing (sync messages) is use; presence alone (awareness, renewed by every open tab) is not.
      ws.on('message', (data) => {
        if (Buffer.isBuffer(data) && data[0] === MessageType.sync) tie.activity();
      });
      ws.once('close', () => tie.detach());
    },
  };
}
