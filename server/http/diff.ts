import express from 'express';
import type { AppContext } from '../context.js';
import { requireAction } from '../auth/request.js';
import { parseDiffSide } from '../versions/diffSides.js';
import { Invalid } from '../domain/errors.js';
import { OriginalItems } from '../authorship/originals.js';
import { compare } from '../versions/compare.js';
import { documentOrNotFound } from '../documents/lookup.js';

/**
 * `GET /documents/:id/diff?from=…&to=…`: the structure-aware comparison of any two of the original, a
 * version, the live text and the text at the person's previous visit — units in document order, a
 * summary per chapter and the totals. Every insert and delete op carries its author as a third element
 * (`[1, "tekst", { person, name, party, at }]`, with `decidedBy` for an accepted amendment), split where
 * the author changes: who inserted the new side's characters and who deleted the old side's, from the
 * attribution index.
 */
export function diffRouter(ctx: AppContext, options: { now?: () => Date } = {}): express.Router {
  const clock = options.now ?? (() => new Date());
  const originals = new OriginalItems(ctx.store);
  const router = express.Router();

  router.get('/documents/:id/diff', (req, res) => {
    const documentId = req.params.id;
    const person = requireAction(req, documentId, 'read');
    documentOrNotFound(ctx.store, documentId);
    const from = parseDiffSide(req.query.from ?? 'original');
    const to = parseDiffSide(req.query.to ?? 'live');
    if (!from || !to)
      throw new Invalid(
        'Ongeldige vergelijking: gebruik from en to met original, live, since-last-visit of een versie-id.',
      );
    const {
      from: a,
      to: b,
      units,
      chapters,
      total,
    } = compare(ctx, originals, documentId, person, { from, to }, clock());
    res.json({
      from: { side: req.query.from ?? 'original', at: a.at, name: a.name ?? null },
      to: { side: req.query.to ?? 'live', at: b.at, name: b.name ?? null },
      units,
      chapters,
      total,
    });
  });

  return router;
}
