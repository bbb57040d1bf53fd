import type { IncomingMessage } from 'node:http';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { ownOrigins, type OriginPolicy } from './origin.js';

/** `ws(s)://host` of each of this server's own origins: where the client's sync websocket connects. */
function websocketOrigins(req: IncomingMessage, policy: OriginPolicy): string {
  return ownOrigins(req, policy)
    .map((origin) => origin.replace(/^http/, 'ws'))
    .join(' ');
}

/**
 * The security headers of every response — pages, API, exports — from helmet:
 * - CSP: scripts, styles, fonts, images and connections from this server only (connect-src adds its
 *   websocket address explicitly, for browsers whose 'self' does not cover ws:/wss:); no inline scripts, no
 *   plugins, no <base>, never framed (frame-ancestors 'none', and X-Frame-Options DENY for old browsers).
 *   Inline style *attributes* are allowed (style-src-attr): y-prosemirror's stock cursor widgets set each
 *   person's colour with setAttribute('style'), and a style attribute runs no script; <style> elements and
 *   inline style blocks stay refused (style-src 'self').
 * - `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` (sign-in links carry their token in the
 *   fragment, which is never sent, but document ids need not leak either), and helmet's other defaults
 *   (HSTS, same-origin opener and resource policies).
 */
export function securityHeaders(policy: OriginPolicy): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", (req: IncomingMessage) => websocketOrigins(req, policy)],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * For a downloaded file made from the negotiation's own text (above all the HTML export): opened from the
 * downloads folder or, by a mistake, in the browser, it runs no script and loads nothing, in a sandbox with a
 * unique origin. The export's own <style> block stays allowed.
 */
export function sandboxDownload(res: Response): void {
  res.set(
    'Content-Security-Policy',
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
  );
}
