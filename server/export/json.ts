/**
 * The JSON export: the agenda in its public JSON form plus what was negotiated on it, and its reader,
 * which checks a file with zod before anything trusts it.
 */
import { z } from 'zod';
import type { Agenda } from '../../shared/agenda/types.js';
import {
  AMENDMENT_KINDS,
  AMENDMENT_STATUSES,
  MEASURE_STATUSES,
  POSITIONS,
  VERDICTS,
  type Amendment,
  type MeasureStatus,
} from '../../shared/amendments/types.js';
import type { CommentThread, ExportInput, ExportParty } from './types.js';
import { agendaSchema, describeIssue } from '../../shared/agenda/schema.js';

/** The format tag of this version of the JSON export. */
export const JSON_FORMAT = 'akkoord/1';

const positionSchema = z.enum(POSITIONS);
/** A measure's negotiation status. */
export const measureStatusSchema = z.enum(MEASURE_STATUSES);
/** A decision on an amendment (the shared `Decision` type). */
const decisionSchema = z.object({
  verdict: z.enum(VERDICTS).nullable(),
  note: z.string().nullable(),
  compromise: z.string().nullable(),
  changes: z.array(
    z.object({
      verdict: z.enum(['accepted', 'rejected']),
      removed: z.string(),
      inserted: z.string(),
      note: z.string().nullable(),
      by: z.string(),
      at: z.string(),
    }),
  ),
  steps: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('replace'),
        measureId: z.string(),
        before: z.string(),
        after: z.string(),
        by: z.enum(['party', 'chair']),
      }),
      z.object({ kind: z.literal('insert'), measureId: z.string(), text: z.string() }),
      z.object({
        kind: z.literal('delete'),
        measureId: z.string(),
        text: z.string(),
        sectionId: z.string(),
        afterMeasureId: z.string().nullable(),
      }),
      z.object({ kind: z.literal('parent'), parentId: z.string(), before: z.string(), after: z.string() }),
    ]),
  ),
  proposal: z.object({ text: z.string().nullable(), baseText: z.string().nullable() }),
});
/** An amendment as the JSON export writes it (the shared `Amendment` type). */
export const amendmentSchema = z.object({
  id: z.string(),
  number: z.string(),
  documentId: z.string(),
  measureId: z.string(),
  kind: z.enum(AMENDMENT_KINDS),
  text: z.string().nullable(),
  rationale: z.string(),
  party: z.string(),
  authors: z.array(z.string()),
  status: z.enum(AMENDMENT_STATUSES),
  baseText: z.string().nullable(),
  group: z.string().nullable(),
  positions: z.record(
    z.string(),
    z.object({ position: positionSchema, note: z.string().nullable(), by: z.string(), at: z.string() }),
  ),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  // Exports made before amendments to amendments and decisions with notes have neither.
  parent: z.string().nullable().default(null),
  decision: decisionSchema.nullable().default(null),
});
/** A comment thread as the JSON export writes it. */
export const commentSchema = z.object({
  measureId: z.string(),
  quote: z.string(),
  messages: z.array(z.object({ author: z.string(), date: z.string(), text: z.string() })),
});

const exportSchema = z.object({
  format: z.literal(JSON_FORMAT),
  versionLabel: z.string(),
  exportedAt: z.string(),
  agenda: agendaSchema,
  original: agendaSchema.optional(),
  amendments: z.array(amendmentSchema),
  measureStatuses: z.record(z.string(), measureStatusSchema),
  parties: z.array(z.object({ short: z.string(), name: z.string() })),
  comments: z.array(commentSchema),
});

/** The content of a JSON export file. */
export interface JsonExport {
  format: typeof JSON_FORMAT;
  versionLabel: string;
  /** ISO 8601 date-time of the export. */
  exportedAt: string;
  /** The chosen text, in the public agenda JSON form. */
  agenda: Agenda;
  /** The baseline, in marked exports (what the changes are against); absent in clean ones. */
  original?: Agenda;
  /** With their positions per party. */
  amendments: Amendment[];
  measureStatuses: Record<string, MeasureStatus>;
  parties: ExportParty[];
  comments: CommentThread[];
}

/**
 * The export as JSON text (two-space indentation, keys in a fixed order, a final newline): the current
 * agenda, the original when `changes` is `marked`, the amendments with their positions, measure statuses,
 * parties, comment threads and the export time. Everything given is kept: `include` does not apply (the
 * JSON export is the data, not a reading copy). Unknown keys in the agenda are left out.
 */
export function exportJson(input: ExportInput): string {
  const data = exportSchema.parse({
    format: JSON_FORMAT,
    versionLabel: input.versionLabel,
    exportedAt: input.generatedAt.toISOString(),
    agenda: input.current,
    ...(input.changes === 'marked' ? { original: input.original } : {}),
    amendments: input.amendments ?? [],
    measureStatuses: input.measureStatuses ?? {},
    parties: input.parties ?? [],
    comments: input.comments ?? [],
  });
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Thrown by `importJsonExport` for a file that is not a valid JSON export; its message is one sentence. */
export class JsonExportError extends Error {
  override name = 'JsonExportError';
}

/**
 * Reads a JSON export. Throws `JsonExportError` with one sentence saying what is wrong: not JSON, not an
 * Akkoord export (or another version of the format), or the first field that does not fit.
 */
export function importJsonExport(text: string): JsonExport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new JsonExportError('Dit bestand is geen JSON en dus geen Akkoord-export.');
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || format === undefined)
    throw new JsonExportError('Dit bestand is geen Akkoord-export: het veld format ontbreekt.');
  if (format !== JSON_FORMAT)
    throw new JsonExportError(
      `Dit bestand heeft formaat ${JSON.stringify(format)}, maar alleen ${JSON_FORMAT} kan worden ingelezen.`,
    );
  const result = exportSchema.safeParse(data);
  if (!result.success)
    throw new JsonExportError(
      `Dit bestand is geen geldige Akkoord-export: ${describeIssue(result.error.issues[0]!, data)}.`,
    );
  const parsed = result.data;
  const { original, ...rest } = parsed;
  return original === undefined ? rest : { ...rest, original };
}
