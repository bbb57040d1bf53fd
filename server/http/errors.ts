import type { NextFunction, Request, Response } from 'express';

/** An error with an HTTP status and a sentence for the person who made the request. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Maps any error to a status code and a one-sentence JSON answer; never leaks a stack trace. */
export function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.message });
    return;
  }
  const status = (err as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ error: 'Het verzoek is onleesbaar of te groot.' });
    return;
  }
  console.error(err);
  res.status(500).json({ error: 'Er ging iets mis op de server; er is niets verloren gegaan.' });
}
