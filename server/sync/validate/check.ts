/** The outcome of checking an update: fine, or refused with a sentence for the writer (a close reason). */
export type Check = { ok: true } | { ok: false; reason: string };
