import type { NextFunction, Request, Response } from 'express';
import { DomainError, NotFound, type DomainErrorKind } from '../domain/errors.js';

/** The one place a domain error gets its HTTP status. */
export const HTTP_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unsupported: 415,
  unprocessable: 422,
};

/** The status and JSON answer for an error: a domain error's own sentence, anything else without details. */
export function httpAnswerOf(err: unknown): { status: number; body: { error: string } } {
  if (err instanceof DomainError) return { status: HTTP_STATUS[err.kind], body: { error: err.message } };
  // Express' own body parser marks a malformed or oversized body with a 4xx status.
  const status = (err as { status?: number } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return { status, body: { error: 'Het verzoek is onleesbaar of te groot.' } };
  return { status: 500, body: { error: 'Er ging iets mis op de server; er is niets verloren gegaan.' } };
}

/** Maps any error to a status code and a one-sentence JSON answer; never leaks a stack trace. */
export function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  const { status, body } = httpAnswerOf(err);
  if (status === 500) console.error(err);
  res.status(status).json(body);
}

/** Express middleware for an address no router answers under `/api`. */
export function unknownApiAddress(_req: Request, _res: Response, next: NextFunction): void {
  next(new NotFound('api address', 'Onbekend API-adres.'));
}
