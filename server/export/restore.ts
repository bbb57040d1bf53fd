/**
 * Restores a JSON export as a new document (`npx akkoord import <file.json> --json --id <id>`), so that
 * exporting it again gives the same file (apart from the export time and the amendments' document ids).
 *
 * What goes where:
 * - the export's `original` (written by marked exports) becomes the baseline, its `agenda` the live text;
 *   a clean export has no original, so its agenda is both (the document then starts without changes);
 * - parties: the document gets the default parties, names as in the file, and any other party of the
 *   file (grey until the chair gives it a colour);
 * - amendments (with their positions) and measure statuses go to the amendments feature's tables and its
 *   live mirror in the meta room (written by `amendments/mirror.ts`); amendments get the new document id (and, when their id is
 *   taken in this database, a new id);
 * - comment threads are not restored: they are anchored in the text by the comments feature, which a
 *   thread's quote alone cannot rebuild.
 */
import * as Y from 'yjs';
import { prosemirrorToYDoc } from 'y-prosemirror';
import { buildDocument } from '../../shared/agenda/build.js';
import type { Amendment, MeasureStatusRecord } from '../../shared/amendments/types.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { DOCUMENT_ID } from '../documents/import.js';
import { mirrorAmendments, mirrorStatuses } from '../amendments/mirror.js';
import { seqOfNumber } from '../amendments/repository.js';
import type { ExportSources } from './input.js';
import type { JsonExport } from './json.js';
import { FALLBACK_COLOR } from '../../shared/auth/person.js';

/** The colour of a party that came with an import: neutral until the chair sets one. */
const IMPORTED_PARTY_COLOUR = FALLBACK_COLOR;

/** Who the restored statuses are recorded as set by. */
export const IMPORT_ACTOR = 'import';

/** What was restored, for the person who asked. */
export interface RestoreSummary {
  measures: number;
  amendments: number;
  statuses: number;
  baselineFromOriginal: boolean;
}

/**
 * Stores a read JSON export (see `importJsonExport`) as document `id`; with `replace`, an existing
 * document of that id is replaced. Throws `RangeError` for a bad id or an existing document.
 */
export function restoreJsonExport(
  src: ExportSources,
  options: { id: string; data: JsonExport; replace?: boolean },
): RestoreSummary {
  const { id, data } = options;
  if (!DOCUMENT_ID.test(id))
    throw new RangeError(`Ongeldige document-id "${id}": gebruik kleine letters, cijfers en streepjes`);
  const ydoc = prosemirrorToYDoc(buildDocument(data.agenda), TEXT_FRAGMENT);
  const initialUpdate = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  src.rooms.evict(id);
  src.store.createDocument(
    {
      id,
      title: data.agenda.title,
      baseline: data.original ?? data.agenda,
      initialUpdate,
      // With an original beside it, the live text is not the original: the original's items are not known.
      ...(data.original ? { originalState: null } : {}),
    },
    options.replace,
  );

  src.people.ensureDefaultParties(id);
  for (const party of data.parties) {
    const known = src.people.party(id, party.short);
    if (!known)
      src.people.addParty(id, { short: party.short, name: party.name, color: IMPORTED_PARTY_COLOUR });
    else if (known.name !== party.name) src.people.updateParty(id, { ...known, name: party.name });
  }

  const statuses = Object.fromEntries(
    Object.entries(data.measureStatuses).map(([measureId, status]): [string, MeasureStatusRecord] => [
      measureId,
      { status, by: IMPORT_ACTOR, at: data.exportedAt },
    ]),
  );
  const amendments = restoreNegotiation(src, id, data.amendments, statuses);
  // The live mirror every browser follows, written as the amendments feature writes it.
  mirrorAmendments(src.rooms, id, null, amendments);
  mirrorStatuses(src.rooms, id, null, statuses);
  return {
    measures: data.agenda.chapters.reduce(
      (n, c) => n + c.sections.reduce((k, s) => k + s.measures.length, 0),
      0,
    ),
    amendments: amendments.length,
    statuses: Object.keys(statuses).length,
    baselineFromOriginal: data.original !== undefined,
  };
}

/**
 * Stores the amendments (with their positions) and measure statuses in the amendments feature's tables,
 * its source of truth, in one transaction. Numbers stay (A-17 stays A-17, and the next new amendment
 * comes after the highest); an amendment id already used in this database (a copy of a document made
 * here) gets the new document id in front. Returns the stored amendments.
 */
function restoreNegotiation(
  src: ExportSources,
  documentId: string,
  amendments: readonly Amendment[],
  statuses: Record<string, MeasureStatusRecord>,
): Amendment[] {
  const repo = src.amendments;
  return repo.transaction(() => {
    let highest = 0;
    const stored: Amendment[] = [];
    const idOf = (id: string) => (repo.hasId(id) ? `${documentId}-${id}` : id);
    const ids = new Map(amendments.map((a) => [a.id, idOf(a.id)]));
    const subs = new Map<string, number>();
    for (const a of amendments) {
      const seq = seqOfNumber(a.number);
      const parent = a.parent === null ? null : (ids.get(a.parent) ?? a.parent);
      if (parent === null) highest = Math.max(highest, seq);
      else subs.set(parent, Math.max(subs.get(parent) ?? 0, Math.round((seq % 1) * 1000)));
      const copy: Amendment = { ...a, id: ids.get(a.id)!, documentId, parent };
      repo.insert(copy, seq);
      for (const [party, record] of Object.entries(a.positions))
        repo.setPosition(documentId, copy.id, party, record);
      stored.push(copy);
    }
    // The counter hands out numbers one by one; take them up to the highest restored one.
    while (highest > 0 && repo.nextSeq(documentId) < highest);
    for (const [parent, last] of subs) while (repo.nextSubSeq(documentId, parent) < last);
    for (const [measureId, record] of Object.entries(statuses)) repo.setStatus(documentId, measureId, record);
    return stored;
  });
}
