import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { NextFunction, Request, Response } from 'express';
import proxyaddr from 'proxy-addr';
import { credentialOfRequest } from '../auth/auth.js';
import { ForeignOrigin } from '../domain/errors.js';

/** Whether the proxy at `hop` (0: the peer of the socket) may be believed about the request it forwards. */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Which proxies' X-Forwarded-Proto and X-Forwarded-Host are believed (AKKOORD_TRUST_PROXY): unset, empty or
 * `false` none; `true` any; a number that many hops; otherwise a comma-separated list of addresses, subnets or
 * the names `loopback`, `linklocal` and `uniquelocal` (as express's `trust proxy`). A wrong value throws.
 */
export function compileTrustProxy(setting: string | undefined): TrustProxy {
  const value = setting?.trim() ?? '';
  if (value === '' || value === 'false') return () => false;
  if (value === 'true') return () => true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  try {
    return proxyaddr.compile(value.split(',').map((part) => part.trim()));
  } catch (err) {
    throw new RangeError(`Ongeldige AKKOORD_TRUST_PROXY "${value}": ${(err as Error).message}`);
  }
}

/** What decides which origins are this server's own: its public address and the proxies it believes. */
export interface OriginPolicy {
  /** The public address (AKKOORD_URL, or http://localhost:<port>). */
  publicUrl: () => string;
  trust: TrustProxy;
}

/** The first value of a header that proxies append to (`a, b`). */
function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

/** The scheme the browser used: https on a TLS socket, or when a believed proxy says so (as express does). */
export function schemeOf(req: IncomingMessage, trust: TrustProxy): 'http' | 'https' {
  const direct = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  if (!trust(req.socket.remoteAddress ?? '', 0)) return direct;
  const forwarded = firstValue(req.headers['x-forwarded-proto']);
  return forwarded === 'https' ? 'https' : forwarded === 'http' ? 'http' : direct;
}

/** The host the browser addressed: X-Forwarded-Host from a believed proxy, else Host. */
function hostOf(req: IncomingMessage, trust: TrustProxy): string | undefined {
  const forwarded = trust(req.socket.remoteAddress ?? '', 0)
    ? firstValue(req.headers['x-forwarded-host'])
    : undefined;
  return forwarded ?? req.headers.host;
}

/** `scheme://host[:port]` in the form browsers send, or null for anything else (`null`, other schemes). */
function normalOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origins this server answers as: its public address, and the address this request was sent to (the host
 * it is served on, e.g. 127.0.0.1:<port> or Vite's dev server that proxies to it).
 */
export function ownOrigins(req: IncomingMessage, policy: OriginPolicy): string[] {
  const origins = [normalOrigin(policy.publicUrl())];
  const host = hostOf(req, policy.trust);
  if (host) origins.push(normalOrigin(`${schemeOf(req, policy.trust)}://${host}`));
  return origins.filter((o): o is string => o !== null);
}

/** Whether an Origin header names this server itself. */
export function isOwnOrigin(origin: string, req: IncomingMessage, policy: OriginPolicy): boolean {
  const normal = normalOrigin(origin);
  return normal !== null && ownOrigins(req, policy).includes(normal);
}

/** Methods that only read: everything else changes state. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a refused request is told. */
export const FOREIGN_ORIGIN = 'Geweigerd: dit verzoek komt van een andere website dan Akkoord.';
export const NO_SAME_ORIGIN_PROOF =
  'Geweigerd: dit verzoek met uw sessie komt niet aantoonbaar van een pagina van Akkoord zelf.';

/**
 * Why an API request must be refused, or null when it may go on.
 * - A state change carrying an Origin other than this server's own is refused, whatever credential it has.
 * - A request signed by the session cookie (which the browser adds on its own, also to requests that pages
 *   of the same site on other ports or subdomains make) must show it comes from Akkoord's own pages:
 *   Fetch Metadata `Sec-Fetch-Site: same-origin` (or `none`, typed by the person, for reading), or, from a
 *   browser too old to send it, a state change's own Origin.
 * Requests with a bearer token or without credentials are judged by their token alone.
 */
export function refusalOfRequest(req: IncomingMessage, policy: OriginPolicy): string | null {
  const safe = SAFE_METHODS.has(req.method ?? 'GET');
  const origin = req.headers.origin;
  if (!safe && origin !== undefined && !isOwnOrigin(origin, req, policy)) return FOREIGN_ORIGIN;
  if (credentialOfRequest(req)?.kind !== 'session') return null;
  const site = firstValue(req.headers['sec-fetch-site']);
  if (site !== undefined) {
    if (site === 'same-origin' || (safe && site === 'none')) return null;
    return NO_SAME_ORIGIN_PROOF;
  }
  if (safe) return null;
  return origin !== undefined ? null : NO_SAME_ORIGIN_PROOF;
}

/**
 * Why a websocket upgrade must be refused, or null. Browsers always send Origin with an upgrade: a foreign
 * one is refused whatever the credential, and a connection signed by the session cookie must carry this
 * server's own. Clients without Origin (scripts, stock clients with `?token=`) are judged by their token.
 */
export function refusalOfUpgrade(
  req: IncomingMessage,
  bySessionCookie: boolean,
  policy: OriginPolicy,
): string | null {
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, req, policy))
    return 'Geweigerd: deze verbinding komt van een andere website dan Akkoord.';
  if (bySessionCookie && origin === undefined)
    return 'Geweigerd: een verbinding met uw sessie moet van een pagina van Akkoord zelf komen.';
  return null;
}

/** Express middleware for the API: refuses with 403 and a sentence what refusalOfRequest refuses. */
export function requestGuard(policy: OriginPolicy) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const refusal = refusalOfRequest(req, policy);
    next(refusal === null ? undefined : new ForeignOrigin(refusal));
  };
}
