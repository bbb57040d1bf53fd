import express, { type Request, type Response, type NextFunction } from 'express';
import type { Store } from '../storage/store.js';
import type { Rooms } from '../sync/rooms.js';
import { liveAgenda } from '../documents/live.js';
import { countAgenda, listMeasures } from './measures.js';

/** An error with an HTTP status and a sentence for the person who made the request. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON API: documents and their measures. */
export function apiRouter(store: Store, rooms: Rooms): express.Router {
  const router = express.Router();

  const documentOr404 = (id: string) => {
    const doc = store.getDocument(id);
    if (!doc) throw new HttpError(404, `Er is geen document met id "${id}".`);
    return doc;
  };

  router.get('/documents', (_req, res) => {
    res.json(
      store.listDocuments().map((doc) => ({ ...doc, counts: countAgenda(liveAgenda(store, rooms, doc.id)) })),
    );
  });

  router.get('/documents/:id', (req, res) => {
    const doc = documentOr404(req.params.id);
    res.json({ ...doc, counts: countAgenda(liveAgenda(store, rooms, doc.id)) });
  });

  router.get('/documents/:id/measures', (req, res) => {
    const doc = documentOr404(req.params.id);
    const baseline = store.getBaseline(doc.id);
    if (!baseline) throw new HttpError(500, `Het origineel van "${doc.id}" ontbreekt.`);
    res.json(listMeasures(baseline, liveAgenda(store, rooms, doc.id)));
  });

  router.get('/documents/:id/baseline', (req, res) => {
    const doc = documentOr404(req.params.id);
    res.json(store.getBaseline(doc.id));
  });

  router.use((_req, _res, next) => next(new HttpError(404, 'Onbekend API-adres.')));
  return router;
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
