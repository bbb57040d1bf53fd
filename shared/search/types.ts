/**
 * Search over a negotiation: what can be found (the text's measures and titles, amendments, comment
 * threads) and what a hit tells. The server and the browser build the entries from the rooms the person may
 * open, so a search never sees another party's drafts or party threads.
 */
import type { AmendmentStatus } from '../amendments/types.js';
import type { Audience } from '../comments/types.js';

/** Something that can be found, with the texts to look in. */
export type SearchEntry =
  | { kind: 'measure'; id: string; number: string; text: string }
  | {
      kind: 'title';
      id: string;
      level: 'document' | 'chapter' | 'section';
      /** The chapter's or section's number ("2", "2.3"); null for the document's title. */
      number: string | null;
      text: string;
    }
  | {
      kind: 'amendment';
      id: string;
      /** "A-12". */
      amendmentNumber: string;
      measureId: string;
      party: string;
      status: AmendmentStatus;
      text: string;
      rationale: string;
    }
  | {
      kind: 'thread';
      id: string;
      measureId: string | null;
      audience: Audience;
      party: string;
      status: 'open' | 'resolved';
      quote: string;
      messages: string[];
    };

/** The words around a match: `before` and `after` are cut at word boundaries. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/** A hit: the entry without its long texts, the measure's number where there is one, and where it matched. */
export type SearchHit = (
  | { kind: 'measure'; id: string; measureId: string }
  | { kind: 'title'; id: string; level: 'document' | 'chapter' | 'section'; measureId: null }
  | {
      kind: 'amendment';
      id: string;
      /** "A-12". */
      amendmentNumber: string;
      measureId: string;
      party: string;
      status: AmendmentStatus;
    }
  | {
      kind: 'thread';
      id: string;
      measureId: string | null;
      audience: Audience;
      party: string;
      status: 'open' | 'resolved';
    }
) & {
  /** The number people know: the measure's (for amendments and threads too) or the heading's; null when none. */
  number: string | null;
  snippet: Snippet;
};

/** The answer to a query: the first `hits`, and how many there are in all. */
export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
}

/** Longest query: a sentence, not a page. */
export const MAX_QUERY_LENGTH = 200;
/** Hits returned at most: more than anyone reads in a list; the total says how many there are. */
export const MAX_HITS = 100;
