/**
 * A comparison of any two of the original, a version, the live text and the text at a person's previous
 * visit, with authors: every insert and delete op split by who wrote or removed its characters (the
 * attribution index), falling back to who last changed the measure where the index cannot say.
 */
import * as Y from 'yjs';
import { diffAgenda, type AgendaDiff, type AttributedUnit } from '../../shared/diff/index.js';
import { readDocument } from '../../shared/agenda/read.js';
import type { AppContext } from '../context.js';
import { proseMirrorOf, withLiveDoc } from '../documents/live.js';
import type { PersonRecord } from '../people/repository.js';
import type { DiffSide, ResolvedSide } from './diffSides.js';
import { NotFound } from '../domain/errors.js';
import { documentOrNotFound } from '../documents/lookup.js';
import { unitItems, unitItemsOfState } from '../authorship/texts.js';
import { attributeUnits } from '../authorship/diff.js';
import { AuthorshipIndex } from '../authorship/lookup.js';
import { lastAuthors, lastChanges } from '../authorship/lastChanges.js';
import type { OriginalItems } from '../authorship/originals.js';

/** What a comparison reads: the repositories and the live rooms. */
export type CompareSources = Pick<AppContext, 'store' | 'rooms' | 'audit' | 'attribution' | 'versions'>;

/** Two sides compared: each resolved, the units with attributed ops, the summaries. */
export interface Comparison extends Omit<AgendaDiff, 'units'> {
  from: ResolvedSide;
  to: ResolvedSide;
  units: AttributedUnit[];
}

/** Resolves one side of a comparison for a person, or throws `NotFound` with a sentence. */
function resolveSide(
  ctx: CompareSources,
  originals: OriginalItems,
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
      const visit = ctx.versions.visit(documentId, person.id);
      if (!visit?.previousAgenda)
        throw new NotFound(
          'previous visit',
          'U heeft dit document niet eerder geopend: er is geen vorig bezoek.',
        );
      return { agenda: visit.previousAgenda, at: visit.previousAt, items: null };
    }
    case 'version': {
      const version = ctx.versions.get(documentId, side.id);
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

/** Compares two sides of a document for a person (see the module comment); throws `NotFound` for a missing side. */
export function compare(
  ctx: CompareSources,
  originals: OriginalItems,
  documentId: string,
  person: PersonRecord,
  sides: { from: DiffSide; to: DiffSide },
  now: Date,
): Comparison {
  const document = documentOrNotFound(ctx.store, documentId);
  const a = resolveSide(ctx, originals, documentId, person, sides.from, now);
  const b = resolveSide(ctx, originals, documentId, person, sides.to, now);
  const diff = diffAgenda(a.agenda, b.agenda);
  // Who last changed each measure up to the new side's moment (the original: nobody).
  const last = lastAuthors(lastChanges(ctx.audit, ctx.attribution, documentId, b.at ?? document.createdAt));
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
  return { from: a, to: b, units, chapters: diff.chapters, total: diff.total };
}
