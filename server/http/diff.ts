import express from 'express';
import * as Y from 'yjs';
import { diffAgenda } from '../../shared/diff/index.js';
import { readDocument } from '../../shared/agenda/read.js';
import type { AppContext } from '../context.js';
import { requireAction } from '../auth/request.js';
import { proseMirrorOf, withLiveDoc } from '../documents/live.js';
import type { PersonRecord } from '../people/repository.js';
import { parseDiffSide, type DiffSide, type ResolvedSide } from '../versions/diffSides.js';
import type { VersionsRepository } from '../versions/repository.js';
import { Invalid, NotFound } from '../domain/errors.js';
import { documentOrNotFound } from '../documents/lookup.js';
import { unitItems, unitItemsOfState } from '../authorship/texts.js';
import { attributeUnits } from '../authorship/diff.js';
import { AuthorshipIndex } from '../authorship/lookup.js';
import { lastAuthors, lastChanges } from '../authorship/lastChanges.js';
import { OriginalItems } from '../authorship/originals.js';

/** Resolves one side of a comparison for a person, or throws `NotFound` with a sentence. */
function resolveSide(
  ctx: AppContext,
  originals: OriginalItems,
  versions: VersionsRepository,
  documentId: string,
  person: PersonRecord,
  side: DiffSide,
  now: Date,
): ResolvedSide {
  switch (side.kind) {
    case 'original': {
      const agenda = ctx.store.getBaseline(documentId);
      if (!agenda) throw new Error(`Het origineel van "${documentId}" ontbreekt.`);
      return { agenda, at: null, items: originals.of(documentId) };
    }
    case 'live':
      return withLiveDoc(ctx.store, ctx.rooms, documentId, (doc: Y.Doc) => ({
        agenda: readDocument(proseMirrorOf(doc)),
        at: now.toISOString(),
        items: unitItems(doc),
      }));
    case 'since-last-visit': {
      const visit = versions.visit(documentId, person.id);
      if (!visit?.previousAgenda)
        throw new NotFound(
          'previous visit',
          'U heeft dit document niet eerder geopend: er is geen vorig bezoek.',
        );
      return { agenda: visit.previousAgenda, at: visit.previousAt, items: null };
    }
    case 'version': {
      const version = versions.get(documentId, side.id);
      if (!version) throw new NotFound('version', `Er is geen versie "${side.id}" van dit document.`);
      return {
        agenda: version.agenda,
        at: version.createdAt,
        name: version.name,
        items: unitItemsOfState(version.state),
      };
    }
  }
}

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
  const { versions } = ctx;
  const originals = new OriginalItems(ctx.store);
  const router = express.Router();

  router.get('/documents/:id/diff', (req, res) => {
    const documentId = req.params.id;
    const person = requireAction(req, documentId, 'read');
    const document = documentOrNotFound(ctx.store, documentId);
    const from = parseDiffSide(req.query.from ?? 'original');
    const to = parseDiffSide(req.query.to ?? 'live');
    if (!from || !to)
      throw new Invalid(
        'Ongeldige vergelijking: gebruik from en to met original, live, since-last-visit of een versie-id.',
      );
    const now = clock();
    const a = resolveSide(ctx, originals, versions, documentId, person, from, now);
    const b = resolveSide(ctx, originals, versions, documentId, person, to, now);
    const diff = diffAgenda(a.agenda, b.agenda);
    // Who last changed each measure up to the new side's moment (the original: nobody).
    const until = b.at ?? document.createdAt;
    const last = lastAuthors(lastChanges(ctx.audit, ctx.attribution, documentId, until));
    const index = new AuthorshipIndex(ctx.attribution.rows(documentId));
    const units = attributeUnits(diff.units, a.items, b.items, index, (unit) =>
      unit.kind === 'measure' ? (last.get(unit.id) ?? null) : null,
    ).map((unit) => {
      if (unit.status === 'unchanged' || unit.kind !== 'measure') return unit;
      const author = last.get(unit.id);
      return author
        ? { ...unit, attribution: { person: author.name, party: author.party ?? '', at: author.at } }
        : unit;
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
