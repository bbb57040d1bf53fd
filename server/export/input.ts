/**
 * Builds the `ExportInput` of one document from what the server holds: the baseline, the live text or a
 * version, and the other features' data through their repositories — amendments, measure statuses,
 * comment threads (as the meta room shows them) and who changed which measure (the audit log).
 */
import { THREADS_MAP } from '../../shared/comments/types.js';
import type { Agenda } from '../../shared/agenda/types.js';
import type { Amendment, MeasureStatus } from '../../shared/amendments/types.js';
import { roomName } from '../../shared/protocol/rooms.js';
import { liveAgenda, withLiveDoc } from '../documents/live.js';
import type { AppContext } from '../context.js';
import { NotFound } from '../domain/errors.js';
import { commentSchema } from './json.js';
import { LIVE, type ExportRequest } from './request.js';
import type { CommentThread, ExportInput, ExportParty, Revision } from './types.js';
import { ORIGINAL_VERSION } from '../versions/original.js';
import { finalNumbers } from './finalNumbers.js';

/** Where an export reads from: the server's context, or the same repositories opened by the command line. */
export type ExportSources = Pick<
  AppContext,
  'store' | 'rooms' | 'people' | 'audit' | 'amendments' | 'versions'
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
async function metaMap(
  src: ExportSources,
  documentId: string,
  map: string,
): Promise<Record<string, unknown>> {
  const room = roomName({ kind: 'meta', documentId });
  return await withLiveDoc(src.store, src.rooms, room, (doc) =>
    doc.share.has(map) ? (doc.getMap(map).toJSON() as Record<string, unknown>) : {},
  );
}

/** The amendments everyone may see (submitted and later; drafts stay with their party), by number. */
export async function readAmendments(src: ExportSources, documentId: string): Promise<Amendment[]> {
  return (await src.amendments.list(documentId, { draftsOf: null })).sort((a, b) =>
    a.number.localeCompare(b.number, 'nl', { numeric: true }),
  );
}

/** The chair's negotiation status of each measure that has one. */
export async function readMeasureStatuses(
  src: ExportSources,
  documentId: string,
): Promise<Record<string, MeasureStatus>> {
  const statuses: Record<string, MeasureStatus> = {};
  for (const [measureId, record] of Object.entries(await src.amendments.statuses(documentId))) {
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
export async function readComments(src: ExportSources, documentId: string): Promise<CommentThread[]> {
  const threads: CommentThread[] = [];
  for (const value of Object.values(await metaMap(src, documentId, THREADS_MAP))) {
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
 * Who last changed each measure, from the audit log, up to `until` when given: the party short name of the
 * change — for an accepted amendment the proposing party, which the audit records beside the chair who
 * wrote it in — at the time of the change.
 */
export async function readAttribution(
  src: ExportSources,
  documentId: string,
  until: string | null,
): Promise<Record<string, Revision>> {
  const changed: Record<string, Revision> = {};
  for (const c of await src.audit.lastChanges(documentId, until)) {
    const author = c.onBehalfOf ?? c.party ?? (await src.people.person(c.personId))?.party ?? c.personName;
    if (author) changed[c.measureId] = { author, date: c.at };
  }
  return changed;
}

/** The document's parties, as exports list them (short and full name). */
async function partiesOf(src: ExportSources, documentId: string): Promise<ExportParty[]> {
  return (await src.people.parties(documentId)).map((p) => ({ short: p.short, name: p.name }));
}

/**
 * The `ExportInput` of a document for a checked request, at `now`. Throws `ExportNotFoundError` for a
 * document without a baseline or an unknown version.
 */
export async function buildExportInput(
  src: ExportSources,
  documentId: string,
  request: ExportRequest,
  now: Date,
): Promise<ExportInput> {
  const original = await src.store.getBaseline(documentId);
  if (!original) throw new ExportNotFoundError(`Er is geen document met id "${documentId}".`);
  let current: Agenda;
  let versionLabel: string;
  let until: string | null = null;
  if (request.version === LIVE) {
    current = await liveAgenda(src.store, src.rooms, documentId);
    versionLabel = 'Live';
  } else if (request.version === ORIGINAL_VERSION) {
    current = original;
    versionLabel = 'Origineel';
    until = (await src.store.getDocument(documentId))?.createdAt ?? null;
  } else {
    const version = await src.versions.get(documentId, request.version);
    if (!version)
      throw new ExportNotFoundError(
        `Er is geen versie "${request.version}" van dit document; kies live of een bestaande versie.`,
      );
    current = version.agenda;
    versionLabel = version.name;
    until = version.createdAt;
  }
  const final = request.numbering === 'final' ? finalNumbers(current) : null;
  const amendments = await readAmendments(src, documentId);
  const wantsComments = request.comments || request.format === 'json';
  return {
    original,
    current: final?.agenda ?? current,
    versionLabel,
    changes: request.changes,
    language: request.language,
    generatedAt: now,
    attribution: await readAttribution(src, documentId, until),
    defaultAuthor: DEFAULT_AUTHOR,
    measureStatuses: await readMeasureStatuses(src, documentId),
    include: request.include,
    amendments,
    parties: await partiesOf(src, documentId),
    ...(wantsComments ? { comments: await readComments(src, documentId) } : {}),
    ...(final ? { renumbered: final.renumbered } : {}),
  };
}
