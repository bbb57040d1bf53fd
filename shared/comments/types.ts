/**
 * Comment threads on the agenda text. A thread is anchored on a span of words; it is either for everyone at
 * the table (kept by the server, mirrored into the meta room) or for one party only (kept in that party's
 * private room, so other parties never receive it).
 */

/** Who may read a thread: everyone in the document, or only the members of one party. */
export type Audience = 'everyone' | 'party';

/** A person as a thread remembers them: enough to show a name and a colour, even after they left. */
export interface AuthorRef {
  personId: string;
  name: string;
  party: string;
}

/**
 * Where a thread stands in the text. `start` and `end` are Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`) in the text room: `start` sticks to the first character of the quote, `end`
 * to its last (assoc −1), so text typed just before or after the words never enters the span. The quote and
 * its context let an anchor whose positions broke be found again.
 */
export interface Anchor {
  /** The measure the words were in when the thread started; null for other text (titles, paragraphs). */
  measureId: string | null;
  /** The quoted words as they were; text blocks are joined with "\n". */
  quote: string;
  /** Up to CONTEXT_LENGTH characters before and after the quote, for telling repeated quotes apart. */
  prefix: string;
  suffix: string;
  start: string;
  end: string;
}

/** One message of a thread. */
export interface Message {
  id: string;
  author: AuthorRef;
  text: string;
  /** ISO times. */
  createdAt: string;
  editedAt: string | null;
}

/** A thread's lifecycle. */
export type ThreadStatus = { kind: 'open' } | { kind: 'resolved'; by: AuthorRef; at: string };

/** A comment thread as stored in a room's `threads` map and as the API returns it (without resolution). */
export interface Thread {
  id: string;
  documentId: string;
  audience: Audience;
  /** The party of the thread: its owner for party threads, the starter's party for everyone threads. */
  party: string;
  anchor: Anchor;
  status: ThreadStatus;
  createdAt: string;
  createdBy: AuthorRef;
  messages: Message[];
}

/** The Y.Map, in the meta room and in each party room, that holds threads by id. */
export const THREADS_MAP = 'threads';

/** Characters of context kept on each side of a quote: enough to tell a repeated phrase apart. */
export const CONTEXT_LENGTH = 32;

/** Longest quote kept: a thread is on words, not on whole chapters. */
export const MAX_QUOTE_LENGTH = 2_000;

/** Longest message. */
export const MAX_MESSAGE_LENGTH = 5_000;
