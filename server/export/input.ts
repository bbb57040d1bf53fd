/**
 * Builds the `ExportInput` of one document from what the server holds: the baseline, the live text or a
 * version, and the other features' data through their repositories — amendments, measure statuses,
 * comment threads (as the meta room shows them) and who changed which measure (the audit log).
 */
import { THREADS_MAP } from '../../shared/comments/types.js';
import type { Agenda } from '../../shared/agenda/types.js';
import type { Amendment, MeasureStatus } from '../../shared/amendments/types.js';
import { roomName } from '../../shared/protocol/rooms.js';
import { withLiveDoc } from '../documents/live.js';
import type { AppContext } from '../context.js';
import { NotFound } from '../domain/errors.js';
import { commentSchema } from './json.js';
import { LIVE, type ExportRequest } from './request.js';
import type { CommentThread, ExportAuthorship, ExportInput, ExportParty, Revision } from './types.js';
import { lastChanges } from '../authorship/lastChanges.js';
import { AuthorshipIndex } from '../authorship/lookup.js';
import { textAuthorsOf } from '../authorship/sides.js';
import { unitItems, unitItemsOfState, type UnitItems } from '../authorship/texts.js';
import { readDocument } from '../../shared/agenda/read.js';
import { proseMirrorOf } from '../documents/live.js';
import { ORIGINAL_VERSION } from '../versions/original.js';
import { finalNumbers } from './finalNumbers.js';

/** Where an export reads from: the server's context, or the same repositories opened by the command line. */
export type ExportSources = Pick<
  AppContext,
  'store' | 'rooms' | 'people' | 'audit' | 'amendments' | 'versions' | 'attribution'
>;

/** The document or version asked for does not exist; its message is one sentence (a `NotFound`). */
export class ExportNotFoundError extends NotFound {
  override name = 'ExportNotFoundError';
  constructor(sentence: string) {
    super('export source', sentence);
  }
}

/** The author of changes nobody is recorded for (the import, the server). */
export const DEFAULT_AUTHOR = 'Akkoord';

/** A map of the document's meta room as plain JSON (empty when the room or map is not there). */
function metaMap(src: ExportSources, documentId: string, map: string): Record<string, unknown> {
  const room = roomName({ kind: 'meta', documentId });
  return withLiveDoc(src.store, src.rooms, room, (doc) =>
    doc.share.has(map) ? (doc.getMap(map).toJSON() as Record<string, unknown>) : {},
  );
}

/** The amendments everyone may see (submitted and later; drafts stay with their party), by number. */
export function readAmendments(src: ExportSources, documentId: string): Amendment[] {
  return src.amendments
    .list(documentId, { draftsOf: null })
    .sort((a, b) => a.number.localeCompare(b.number, 'nl', { numeric: true }));
}

/** The chair's negotiation status of each measure that has one. */
export function readMeasureStatuses(src: ExportSources, documentId: string): Record<string, MeasureStatus> {
  const statuses: Record<string, MeasureStatus> = {};
  for (const [measureId, record] of Object.entries(src.amendments.statuses(documentId))) {
    statuses[measureId] = record.status;
  }
  return statuses;
}

/** A message's author: a name with the party ("Bram Jansen (VVD)"), or the text as stored. */
function authorOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const a = value as { name?: unknown; party?: unknown };
  return typeof a.party === 'string' && a.party ? `${String(a.name)} (${a.party})` : a.name;
}

/** A message of a thread (`shared/comments/types.ts`: author ref, text, createdAt) in export form. */
function messageOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const m = value as Record<string, unknown>;
  return { author: authorOf(m.author), date: m.createdAt ?? m.date, text: m.text };
}

/**
 * The shared comment threads, from the meta room's `THREADS_MAP` (the comments feature's mirror: id →
 * Thread with `anchor.measureId`, `anchor.quote`, `messages`). Party threads live in party
 * rooms and are never read here. Threads on text outside measures, and threads that do not fit, are
 * left out (a Word comment is placed on a measure); resolved threads are kept.
 */
export function readComments(src: ExportSources, documentId: string): CommentThread[] {
  const threads: CommentThread[] = [];
  for (const value of Object.values(metaMap(src, documentId, THREADS_MAP))) {
    if (typeof value !== 'object' || value === null) continue;
    const t = value as {
      audience?: unknown;
      anchor?: { measureId?: unknown; quote?: unknown };
      messages?: unknown;
    };
    if (t.audience !== undefined && t.audience !== 'everyone') continue;
    const messages = Array.isArray(t.messages) ? t.messages.map(messageOf) : [];
    const parsed = commentSchema.safeParse({
      measureId: t.anchor?.measureId,
      quote: t.anchor?.quote ?? '',
      messages,
    });
    if (parsed.success && parsed.data.messages.length > 0) threads.push(parsed.data);
  }
  return threads;
}

/**
 * Who last changed each measure, up to `until` when given, as the attribution index credits it: the party
 * short name of the change — for an accepted amendment the proposing party — at the time of the change.
 * Tracked changes use it for runs the index does not know (changes stored before it existed).
 */
export function readAttribution(
  src: ExportSources,
  documentId: string,
  until: string | null,
): Record<string, Revision> {
  const changed: Record<string, Revision> = {};
  for (const c of lastChanges(src.audit, src.attribution, documentId, until)) {
    const author = c.author.party ?? c.author.name;
    if (author) changed[c.measureId] = { author, date: c.author.at };
  }
  return changed;
}

/**
 * Who wrote each run of the chosen text (its Yjs items, `to`) and who deleted each run of the original
 * (`from`), from the attribution index; null when the original's Yjs state is not kept (a document
 * imported before it was), as then its deleted words cannot be told apart.
 */
function readAuthorship(
  src: ExportSources,
  documentId: string,
  current: Map<string, UnitItems> | null,
): ExportAuthorship | null {
  const state = src.store.getOriginalState(documentId);
  if (!state || !current) return null;
  const index = new AuthorshipIndex(src.attribution.rows(documentId));
  return {
    from: textAuthorsOf(unitItemsOfState(state), index, 'delete'),
    to: textAuthorsOf(current, index, 'insert'),
  };
}

/** The document's parties, as exports list them (short and full name). */
function partiesOf(src: ExportSources, documentId: string): ExportParty[] {
  return src.people.parties(documentId).map((p) => ({ short: p.short, name: p.name }));
}

/**
 * The `ExportInput` of a document for a checked request, at `now`. Throws `ExportNotFoundError` for a
 * document without a baseline or an unknown version.
 */
export function buildExportInput(
  src: ExportSources,
  documentId: string,
  request: ExportRequest,
  now: Date,
): ExportInput {
  const original = src.store.getBaseline(documentId);
  if (!original) throw new ExportNotFoundError(`Er is geen document met id "${documentId}".`);
  let current: Agenda;
  let versionLabel: string;
  let until: string | null = null;
  let items: Map<string, UnitItems> | null = null;
  const marked = request.changes === 'marked';
  if (request.version === LIVE) {
    // One read of the live document: its text and, for marked exports, the items it is made of.
    ({ current, items } = withLiveDoc(src.store, src.rooms, documentId, (doc) => ({
      current: readDocument(proseMirrorOf(doc)),
      items: marked ? unitItems(doc) : null,
    })));
    versionLabel = 'Live';
  } else if (request.version === ORIGINAL_VERSION) {
    current = original;
    versionLabel = 'Origineel';
    until = src.store.getDocument(documentId)?.createdAt ?? null;
  } else {
    const version = src.versions.get(documentId, request.version);
    if (!version)
      throw new ExportNotFoundError(
        `Er is geen versie "${request.version}" van dit document; kies live of een bestaande versie.`,
      );
    current = version.agenda;
    versionLabel = version.name;
    until = version.createdAt;
    if (marked) items = unitItemsOfState(version.state);
  }
  const authorship = marked ? readAuthorship(src, documentId, items) : null;
  const final = request.numbering === 'final' ? finalNumbers(current) : null;
  const amendments = readAmendments(src, documentId);
  const wantsComments = request.comments || request.format === 'json';
  return {
    original,
    current: final?.agenda ?? current,
    versionLabel,
    changes: request.changes,
    language: request.language,
    generatedAt: now,
    attribution: readAttribution(src, documentId, until),
    ...(authorship ? { authorship } : {}),
    defaultAuthor: DEFAULT_AUTHOR,
    measureStatuses: readMeasureStatuses(src, documentId),
    include: request.include,
    amendments,
    parties: partiesOf(src, documentId),
    ...(wantsComments ? { comments: readComments(src, documentId) } : {}),
    ...(final ? { renumbered: final.renumbered } : {}),
  };
}
