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

  const baselineOf = async (id: string) => {
    const baseline = await ctx.store.getBaseline(id);
    if (!baseline) throw new Error(`Het origineel van "${id}" ontbreekt.`);
    return baseline;
  };

  const router = express.Router();

  router.get('/documents/:id/versions', async (req, res) => {
    requireAction(req, req.params.id, 'read');
    const document = await documentOrNotFound(ctx.store, req.params.id);
    await daily.check(req.params.id, clock());
    res.json([originalVersion(document), ...(await versions.list(req.params.id))]);
  });

  router.post('/documents/:id/versions', async (req, res) => {
    const chair = requireAction(req, req.params.id, 'version.create');
    await documentOrNotFound(ctx.store, req.params.id);
    const { name } = body(VersionBody, req.body);
    const snapshot = await snapshotLive(ctx.store, ctx.rooms, req.params.id);
    const version = await versions.create({
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

  router.get('/documents/:id/versions/:vid', async (req, res) => {
    requireAction(req, req.params.id, 'read');
    if (req.params.vid === ORIGINAL_VERSION) {
      const document = await documentOrNotFound(ctx.store, req.params.id);
      res.json({ ...originalVersion(document), agenda: await baselineOf(document.id) });
      return;
    }
    const version = await versions.get(req.params.id, req.params.vid);
    if (!version) throw new NotFound('version', `Er is geen versie "${req.params.vid}" van dit document.`);
    const { state: _state, ...rest } = version;
    res.json(rest);
  });

  router.post('/documents/:id/versions/:vid/restore', async (req, res) => {
    const chair = requireAction(req, req.params.id, 'version.create');
    if (req.params.vid === ORIGINAL_VERSION) {
      const original = originalVersion(await documentOrNotFound(ctx.store, req.params.id));
      // The original's ids and numbers: measures that come back keep their numbers, later ones go.
      await replaceLiveText(
        ctx.rooms,
        req.params.id,
        chair.id,
        buildDocument(await baselineOf(req.params.id)),
      );
      res.json({ restored: original.id, name: original.name });
      return;
    }
    const version = await versions.get(req.params.id, req.params.vid);
    if (!version) throw new NotFound('version', `Er is geen versie "${req.params.vid}" van dit document.`);
    await replaceLiveText(ctx.rooms, req.params.id, chair.id, proseMirrorOfState(version.state));
    res.json({ restored: version.id, name: version.name });
  });

  router.post('/documents/:id/visits', async (req, res) => {
    const person = requireAction(req, req.params.id, 'read');
    await documentOrNotFound(ctx.store, req.params.id);
    const previous = await versions.recordVisit(
      req.params.id,
      person.id,
      clock().toISOString(),
      await liveAgenda(ctx.store, ctx.rooms, req.params.id),
    );
    res.json({ previousVisit: previous });
  });

  return router;
}
