import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { requireAction } from '../auth/request.js';
import { liveAgenda } from '../documents/live.js';
import { DailyVersions } from '../versions/daily.js';
import { proseMirrorOfState, replaceLiveText, snapshotLive } from '../versions/snapshot.js';
import { ORIGINAL_VERSION, originalVersion } from '../versions/original.js';
import { buildDocument } from '../../shared/agenda/build.js';
import { NotFound } from '../domain/errors.js';
import { documentOrNotFound } from '../documents/lookup.js';
import { body } from './people.js';

const VersionBody = z.object({ name: z.string().trim().min(1).max(120) });

/** Options for tests: the clock the routes and the daily check read. */
export interface VersionsOptions {
  now?: () => Date;
}

/**
 * Versions of a document (list, make, open, restore) and visits ("since my last visit"). Listing checks the
 * daily versions first; the versions feature checks them on start and every minute.
 */
export function versionsRouter(ctx: AppContext, options: VersionsOptions = {}): express.Router {
  const clock = options.now ?? (() => new Date());
  const { versions } = ctx;
  const daily = new DailyVersions(ctx.store, ctx.rooms, versions);

  const baselineOf = (id: string) => {
    const baseline = ctx.store.getBaseline(id);
    if (!baseline) throw new Error(`Het origineel van "${id}" ontbreekt.`);
    return baseline;
  };

  const router = express.Router();

  router.get('/documents/:id/versions', (req, res) => {
    requireAction(req, req.params.id, 'read');
    const document = documentOrNotFound(ctx.store, req.params.id);
    daily.check(req.params.id, clock());
    res.json([originalVersion(document), ...versions.list(req.params.id)]);
  });

  router.post('/documents/:id/versions', (req, res) => {
    const chair = requireAction(req, req.params.id, 'version.create');
    documentOrNotFound(ctx.store, req.params.id);
    const { name } = body(VersionBody, req.body);
    const snapshot = snapshotLive(ctx.store, ctx.rooms, req.params.id);
    const version = versions.create({
      documentId: req.params.id,
      name,
      createdAt: clock().toISOString(),
      createdBy: chair.id,
      kind: 'named',
      agenda: snapshot.agenda,
      state: snapshot.state,
    });
    res.status(201).json(version);
  });

  router.get('/documents/:id/versions/:vid', (req, res) => {
    requireAction(req, req.params.id, 'read');
    if (req.params.vid === ORIGINAL_VERSION) {
      const document = documentOrNotFound(ctx.store, req.params.id);
      res.json({ ...originalVersion(document), agenda: baselineOf(document.id) });
      return;
    }
    const version = versions.get(req.params.id, req.params.vid);
    if (!version) throw new NotFound('version', `Er is geen versie "${req.params.vid}" van dit document.`);
    const { state: _state, ...rest } = version;
    res.json(rest);
  });

  router.post('/documents/:id/versions/:vid/restore', (req, res) => {
    const chair = requireAction(req, req.params.id, 'version.create');
    if (req.params.vid === ORIGINAL_VERSION) {
      const original = originalVersion(documentOrNotFound(ctx.store, req.params.id));
      // The original's ids and numbers: measures that come back keep their numbers, later ones go.
      replaceLiveText(ctx.rooms, req.params.id, chair.id, buildDocument(baselineOf(req.params.id)));
      res.json({ restored: original.id, name: original.name });
      return;
    }
    const version = versions.get(req.params.id, req.params.vid);
    if (!version) throw new NotFound('version', `Er is geen versie "${req.params.vid}" van dit document.`);
    replaceLiveText(ctx.rooms, req.params.id, chair.id, proseMirrorOfState(version.state));
    res.json({ restored: version.id, name: version.name });
  });

  router.post('/documents/:id/visits', (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    documentOrNotFound(ctx.store, req.params.id);
    const previous = versions.recordVisit(
      req.params.id,
      person.id,
      clock().toISOString(),
      liveAgenda(ctx.store, ctx.rooms, req.params.id),
    );
    res.json({ previousVisit: previous });
  });

  return router;
}
