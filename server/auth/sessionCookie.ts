import type { CookieOptions } from 'express';

/**
 * The session cookie's attributes. HttpOnly: no script reads it. SameSite=Strict: a page of another site
 * never gets it sent along (pages of the same site on another port or subdomain can still; server/http/
 * origin.ts refuses those). No expiry: the browser drops it when it closes, the server ends the session after
 * its idle time. Secure when the public address is https or this request arrived over https (directly, or
 * through a proxy trusted with AKKOORD_TRUST_PROXY that says so with X-Forwarded-Proto).
 */
export function sessionCookieOptions(publicUrl: string, requestIsHttps: boolean): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: publicUrl.startsWith('https:') || requestIsHttps,
    path: '/',
  };
}
