/**
 * The agenda JSON as a zod schema: what the importer gives (`recogniseAgenda`), what the JSON export writes
 * and reads, and what `POST /api/documents` accepts for a new negotiation. One schema for all three, so an
 * agenda the importer made is always one a negotiation can start from.
 */
import { z } from 'zod';
import type { Agenda } from './types.js';

const measureSchema = z.object({ id: z.string(), number: z.string(), text: z.string() });
const sectionSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  runIn: z.boolean(),
  intro: z.array(z.string()),
  measures: z.array(measureSchema),
});
const chapterSchema = z.object({
  id: z.string(),
  // Exports made before numbers were stable wrote a chapter's number as a JSON number.
  number: z.union([z.string(), z.number().transform(String)]),
  title: z.string(),
  intro: z.array(z.string()),
  sections: z.array(sectionSchema),
});

/** The agenda JSON (see `shared/agenda/types.ts`); parsing also puts the keys in that order. */
export const agendaSchema = z.object({
  title: z.string(),
  intro: z.object({ paragraphs: z.array(z.string()), signature: z.string().nullable() }),
  chapters: z.array(chapterSchema),
  footnotes: z.array(z.object({ marker: z.string(), text: z.string() })),
});

/**
 * An id of a chapter, section or measure: its kind and letters, digits and dashes — what the importer
 * (`c-1`, `s-1-2`, `m-1-2-3`) and the editor (`m-k3x9q2v7a1`) make. Ids become element ids and room keys.
 */
const NODE_ID = /^[csm]-[a-z0-9-]{1,64}$/;

/** Every id of an agenda with where it is, in document order. */
function idsOf(agenda: Agenda): { id: string; kind: 'c' | 's' | 'm'; path: (string | number)[] }[] {
  const out: { id: string; kind: 'c' | 's' | 'm'; path: (string | number)[] }[] = [];
  agenda.chapters.forEach((c, ci) => {
    out.push({ id: c.id, kind: 'c', path: ['chapters', ci, 'id'] });
    c.sections.forEach((s, si) => {
      out.push({ id: s.id, kind: 's', path: ['chapters', ci, 'sections', si, 'id'] });
      s.measures.forEach((m, mi) =>
        out.push({ id: m.id, kind: 'm', path: ['chapters', ci, 'sections', si, 'measures', mi, 'id'] }),
      );
    });
  });
  return out;
}

/**
 * The agenda a negotiation starts from: the agenda schema, with at least one chapter and every id well
 * formed (of its own kind) and used once. The importer's output always passes.
 */
export const negotiationAgendaSchema = agendaSchema.superRefine((agenda, ctx) => {
  if (agenda.chapters.length === 0)
    ctx.addIssue({ code: 'custom', path: ['chapters'], message: 'De agenda heeft geen hoofdstukken' });
  const seen = new Set<string>();
  for (const { id, kind, path } of idsOf(agenda as Agenda)) {
    if (!NODE_ID.test(id) || id[0] !== kind)
      ctx.addIssue({
        code: 'custom',
        path,
        message: `De id "${id.slice(0, 80)}" heeft niet de vorm ${kind}-…`,
      });
    else if (seen.has(id))
      ctx.addIssue({ code: 'custom', path, message: `De id "${id}" komt twee keer voor` });
    seen.add(id);
  }
});

const TYPE_NAMES: Record<string, string> = {
  string: 'een tekst',
  number: 'een getal',
  boolean: 'waar of onwaar',
  array: 'een lijst',
  object: 'een object',
  null: 'leeg',
};

/** A path as `chapters[0].sections[2].title`. */
function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

/**
 * A zod issue in Dutch words, for a sentence: "het veld chapters[0].title ontbreekt", "het veld … moet een
 * tekst zijn", or a custom rule's own words. `prefix` names where the checked value sits in the request.
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, prefix = ''): string {
  const path = pathOf([...(prefix ? [prefix] : []), ...issue.path]);
  if (issue.code === 'custom') return `${issue.message} (${path})`;
  let value: unknown = input;
  for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  if (value === undefined) return `het veld ${path} ontbreekt`;
  if (issue.code === 'invalid_type')
    return `het veld ${path} moet ${TYPE_NAMES[issue.expected] ?? issue.expected} zijn`;
  return `het veld ${path} heeft een ongeldige waarde`;
}
