import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { requireAction } from '../auth/request.js';
import { documentOrNotFound } from '../documents/lookup.js';
import { NotificationsService } from '../notifications/service.js';
import { body } from './people.js';

/** Ids a person marks read at once: a screenful, with room to spare. */
const ReadBody = z.object({ ids: z.array(z.string().min(1).max(100)).max(500).optional() });

/**
 * Notifications ("Meldingen"): `GET /documents/:id/notifications` (the person's, newest first, with their
 * read state and the unread count), `POST /documents/:id/notifications/read` `{ids?}` (those, or all).
 */
export function notificationsRouter(ctx: AppContext): express.Router {
  const service = new NotificationsService(ctx);
  const router = express.Router();

  router.get('/documents/:id/notifications', (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    documentOrNotFound(ctx.store, req.params.id);
    res.json(service.list(person));
  });

  router.post('/documents/:id/notifications/read', (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    documentOrNotFound(ctx.store, req.params.id);
    const { ids } = body(ReadBody, req.body ?? {});
    res.json(service.markRead(person, ids ?? null));
  });

  return router;
}
