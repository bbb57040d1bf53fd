import { z } from 'zod';
import type { Resolution } from './anchor.js';
import { MAX_MESSAGE_LENGTH, MAX_QUOTE_LENGTH, type AuthorRef, type Message, type Thread } from './types.js';

/**
 * Threads as values: checked when read from a room (a party's members may write their room directly, so
 * what is there is checked, never trusted), and changed by pure functions that return a new thread.
 */

const AuthorSchema = z.object({ personId: z.string(), name: z.string(), party: z.string() });
const MessageSchema = z.object({
  id: z.string(),
  author: AuthorSchema,
  text: z.string().max(MAX_MESSAGE_LENGTH),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});

/** The shape of a stored thread. */
export const ThreadSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  audience: z.enum(['everyone', 'party']),
  party: z.string(),
  anchor: z.object({
    measureId: z.string().nullable(),
    quote: z.string().min(1).max(MAX_QUOTE_LENGTH),
    prefix: z.string(),
    suffix: z.string(),
    start: z.string(),
    end: z.string(),
  }),
  status: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('open') }),
    z.object({ kind: z.literal('resolved'), by: AuthorSchema, at: z.string() }),
  ]),
  createdAt: z.string(),
  createdBy: AuthorSchema,
  messages: z.array(MessageSchema),
});

/** A thread read from a room, or null when the value is not one. */
export function parseThread(value: unknown): Thread | null {
  const parsed = ThreadSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The threads of a room's `threads` map entries, skipping anything that is not a thread. */
export function threadsOf(entries: Iterable<unknown>): Thread[] {
  const out: Thread[] = [];
  for (const value of entries) {
    const thread = parseThread(value);
    if (thread) out.push(thread);
  }
  return out;
}

/** A thread with one more message. */
export function withMessage(thread: Thread, message: Message): Thread {
  return { ...thread, messages: [...thread.messages, message] };
}

/** A thread with one message's text changed (and marked edited). */
export function withEditedMessage(thread: Thread, messageId: string, text: string, now: string): Thread {
  return {
    ...thread,
    messages: thread.messages.map((m) => (m.id === messageId ? { ...m, text, editedAt: now } : m)),
  };
}

/** A thread without one message, or null when that was its last. */
export function withoutMessage(thread: Thread, messageId: string): Thread | null {
  const messages = thread.messages.filter((m) => m.id !== messageId);
  return messages.length === 0 ? null : { ...thread, messages };
}

/** A thread resolved by someone, or opened again. */
export function withStatus(
  thread: Thread,
  change: { resolve: true; by: AuthorRef; at: string } | { resolve: false },
): Thread {
  return {
    ...thread,
    status: change.resolve ? { kind: 'resolved', by: change.by, at: change.at } : { kind: 'open' },
  };
}

/** Whether a thread is open. */
export function isOpen(thread: Thread): boolean {
  switch (thread.status.kind) {
    case 'open':
      return true;
    case 'resolved':
      return false;
  }
}

/** Mentions of parties in a message (`@VVD`), as they are written; known ones only. */
export function mentions(text: string, parties: readonly string[]): string[] {
  const known = new Set(parties);
  const out: string[] = [];
  for (const m of text.matchAll(/@([A-Za-z0-9-]+)/g)) {
    const name = m[1]!.replace(/-+$/, '');
    if (known.has(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Splits a message into text and party mentions, for showing mentions highlighted. */
export function splitMentions(
  text: string,
  parties: readonly string[],
): ({ kind: 'text'; text: string } | { kind: 'mention'; party: string })[] {
  const known = new Set(parties);
  const out: ({ kind: 'text'; text: string } | { kind: 'mention'; party: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(/@([A-Za-z0-9-]+)/g)) {
    const name = m[1]!.replace(/-+$/, '');
    if (!known.has(name)) continue;
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push({ kind: 'mention', party: name });
    last = m.index + 1 + name.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Orders threads in document order of their anchors; detached ones last, oldest first. */
export function byDocumentOrder<T extends { thread: Thread; resolution: Resolution }>(items: T[]): T[] {
  const key = (r: Resolution) => (r.kind === 'anchored' ? r.from : Number.POSITIVE_INFINITY);
  return [...items].sort(
    (a, b) => key(a.resolution) - key(b.resolution) || a.thread.createdAt.localeCompare(b.thread.createdAt),
  );
}
