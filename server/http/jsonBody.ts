import { isUtf8 } from 'node:buffer';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { Invalid } from '../domain/errors.js';

/** The largest JSON body the API reads: an amendment's text with its rationale is a few KB. */
const JSON_LIMIT = '1mb';

/** A UTF-16 code unit of a surrogate pair without its other half: not a character, cannot be stored as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Reads JSON request bodies for the whole API, and refuses text that is not text: bytes that are not valid
 * UTF-8 (which a lenient decoder would silently turn into U+FFFD) and lone surrogates (`"\ud800"`, valid JSON
 * but no character; SQLite, the websocket copy and every export would each render it differently). Either is
 * a 400 with a sentence, before any route sees the body, so nothing of it is stored.
 */
export function jsonBody(): RequestHandler[] {
  return [express.json({ limit: JSON_LIMIT, verify: refuseInvalidUtf8 }), refuseLoneSurrogates];
}

function refuseInvalidUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  // body-parser passes this error on with its status (400), to the error handler's sentence.
  if (!isUtf8(buf))
    throw new Invalid('De tekst in dit verzoek is geen geldige UTF-8; er is niets opgeslagen.');
}

function refuseLoneSurrogates(req: Request, _res: Response, next: NextFunction): void {
  if (hasLoneSurrogate(req.body)) {
    next(
      new Invalid(
        'De tekst in dit verzoek bevat een ongeldig teken (een losse surrogaat); er is niets opgeslagen.',
      ),
    );
    return;
  }
  next();
}

/**
 * Whether any string in a parsed JSON value — a key or a value, at any depth — holds a lone surrogate.
 * Walks with its own stack: a deeply nested body must not overflow the call stack.
 */
export function hasLoneSurrogate(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) stack.push(element);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, element] of Object.entries(item)) {
        if (LONE_SURROGATE.test(key)) return true;
        stack.push(element);
      }
    }
  }
  return false;
}
