import express from 'express';
import { diffAgenda, type AttributedUnit } from '../../shared/diff/index.js';
import type { AppContext } from '../context.js';
import { requireAction } from '../auth/request.js';
import { liveAgenda } from '../documents/live.js';
import type { PersonRecord } from '../people/repository.js';
import { auditAttribution } from '../versions/attribution.js';
import { parseDiffSide, type DiffSide, type ResolvedSide } from '../versions/diffSides.js';
import type { VersionsRepository } from '../versions/repository.js';
import { Invalid, NotFound } from '../domain/errors.js';
import { documentOrNotFound } from '../documents/lookup.js';

/** Resolves one side of a comparison for a person, or throws `NotFound` with a sentence. */
async function resolveSide(
  ctx: AppContext,
  versions: VersionsRepository,
  documentId: string,
  person: PersonRecord,
  side: DiffSide,
  now: Date,
): Promise<ResolvedSide> {
  switch (side.kind) {
    case 'original': {
      const agenda = await ctx.store.getBaseline(documentId);
      if (!agenda) throw new Error(`Het origineel van "${documentId}" ontbreekt.`);
      return { agenda, at: null };
    }
    case 'live':
      return { agenda: await liveAgenda(ctx.store, ctx.rooms, documentId), at: now.toISOString() };
    case 'since-last-visit': {
      const visit = await versions.visit(documentId, person.id);
      if (!visit?.previousAgenda)
        throw new NotFound(
          'previous visit',
          'U heeft dit document niet eerder geopend: er is geen vorig bezoek.',
        );
      return { agenda: visit.previousAgenda, at: visit.previousAt };
    }
    case 'version': {
      const version = await versions.get(documentId, side.id);
      if (!version) throw new NotFound('version', `Er is geen versie "${side.id}" van dit document.`);
      return { agenda: version.agenda, at: version.createdAt, name: version.name };
    }
  }
}

/**
 * `GET /documents/:id/diff?from=…&to=…`: the structure-aware comparison of any two of the original, a
 * version, the live text and the text at the person's previous visit — units in document order, a
 * summary per chapter and the totals.
 */
export function diffRouter(ctx: AppContext, options: { now?: () => Date } = {}): express.Router {
  const clock = options.now ?? (() => new Date());
  const { versions } = ctx;
  const router = express.Router();

  router.get('/documents/:id/diff', async (req, res) => {
    const documentId = req.params.id;
    const person = requireAction(req, documentId, 'read');
    await documentOrNotFound(ctx.store, documentId);
    const from = parseDiffSide(req.query.from ?? 'original');
    const to = parseDiffSide(req.query.to ?? 'live');
    if (!from || !to)
      throw new Invalid(
        'Ongeldige vergelijking: gebruik from en to met original, live, since-last-visit of een versie-id.',
      );
    const now = clock();
    const a = await resolveSide(ctx, versions, documentId, person, from, now);
    const b = await resolveSide(ctx, versions, documentId, person, to, now);
    const diff = diffAgenda(a.agenda, b.agenda);
    const attributionOf = await auditAttribution(ctx.audit, documentId, b.at ?? undefined);
    const units: AttributedUnit[] = diff.units.map((unit) => {
      if (unit.status === 'unchanged' || unit.kind !== 'measure') return unit;
      const attribution = attributionOf(unit.id);
      return attribution ? { ...unit, attribution } : unit;
    });
    res.json({
      from: { side: req.query.from ?? 'original', at: a.at, name: a.name ?? null },
      to: { side: req.query.to ?? 'live', at: b.at, name: b.name ?? null },
      units,
      chapters: diff.chapters,
      total: diff.total,
    });
  });

  return router;
}
