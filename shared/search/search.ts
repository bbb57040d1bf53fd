import { fold, queryTerms } from './fold.js';
import { MAX_HITS, type SearchEntry, type SearchHit, type SearchResult, type Snippet } from './types.js';

/** An entry with its texts folded once, so that each query only looks them up. */
export interface PreparedEntry {
  entry: SearchEntry;
  fields: string[];
  folded: string[];
}

/** Characters of context before a match and after it, in a hit's snippet. */
const BEFORE = 40;
const AFTER = 90;

function fieldsOf(entry: SearchEntry): string[] {
  switch (entry.kind) {
    case 'measure':
    case 'title':
      return [entry.text];
    case 'amendment':
      return [entry.amendmentNumber, entry.text, entry.rationale];
    case 'thread':
      return [entry.quote, ...entry.messages];
  }
}

/** Folds an entry's texts for searching. */
export function prepare(entry: SearchEntry): PreparedEntry {
  const fields = fieldsOf(entry);
  return { entry, fields, folded: fields.map(fold) };
}

/** The words around [from, to) of a text, cut at word boundaries, on one line. */
export function snippetOf(text: string, from: number, to: number): Snippet {
  let start = Math.max(0, from - BEFORE);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < from ? space + 1 : from;
  }
  let end = Math.min(text.length, to + AFTER);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > to ? space : end;
  }
  const line = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (start > 0 ? '…' : '') + line(text.slice(start, from)),
    match: line(text.slice(from, to)),
    after: line(text.slice(to, end)) + (end < text.length ? '…' : ''),
  };
}

function hitOf(entry: SearchEntry, number: string | null, snippet: Snippet): SearchHit {
  switch (entry.kind) {
    case 'measure':
      return { kind: 'measure', id: entry.id, measureId: entry.id, number, snippet };
    case 'title':
      return { kind: 'title', id: entry.id, level: entry.level, measureId: null, number, snippet };
    case 'amendment':
      return {
        kind: 'amendment',
        id: entry.id,
        amendmentNumber: entry.amendmentNumber,
        number,
        measureId: entry.measureId,
        party: entry.party,
        status: entry.status,
        snippet,
      };
    case 'thread':
      return {
        kind: 'thread',
        id: entry.id,
        measureId: entry.measureId,
        audience: entry.audience,
        party: entry.party,
        status: entry.status,
        number,
        snippet,
      };
  }
}

/**
 * Finds the entries in which every word of the query occurs (in any of their texts, whatever the case and
 * the accents), in the order given. Each hit shows the words around the whole query where it occurs as
 * typed, else around its first word. `measureNumber` gives the number of a measure by id (for amendments and
 * threads); the numbers of measures and headings are their entries' own.
 */
export function search(
  entries: Iterable<PreparedEntry>,
  query: string,
  measureNumber: (measureId: string) => string | null,
  limit = MAX_HITS,
): SearchResult {
  const terms = queryTerms(query);
  const result: SearchResult = { query, total: 0, hits: [] };
  if (terms.length === 0) return result;
  const phrase = fold(query.trim().replace(/\s+/g, ' '));
  for (const prepared of entries) {
    const { folded } = prepared;
    if (!terms.every((term) => folded.some((f) => f.includes(term)))) continue;
    result.total++;
    if (result.hits.length >= limit) continue;
    let at = { field: -1, from: 0, to: 0 };
    for (const [needle, i] of [phrase, terms[0]!].flatMap((n) => folded.map((_, i) => [n, i] as const))) {
      const from = folded[i]!.indexOf(needle);
      if (from >= 0) {
        at = { field: i, from, to: from + needle.length };
        break;
      }
    }
    const entry = prepared.entry;
    const number =
      entry.kind === 'measure' || entry.kind === 'title'
        ? entry.number
        : entry.measureId
          ? measureNumber(entry.measureId)
          : null;
    result.hits.push(hitOf(entry, number, snippetOf(prepared.fields[at.field]!, at.from, at.to)));
  }
  return result;
}

/** Where the query's words occur in a text: [from, to) ranges in order, overlapping ones merged. */
export function matchesIn(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0) return [];
  const folded = fold(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length))
      ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}
