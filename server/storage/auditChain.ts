import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit.js';

/**
 * The hash chain of the audit log, apart from any database: how an entry is hashed and how a stored log is
 * checked. Every store keeps the same chain, so a log copied from one to another still verifies.
 */

/** The hash every chain starts from. */
export const GENESIS = '0'.repeat(64);

/** The SHA-256 of bytes or text, as hex. */
export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** An entry as stored: with the hash of its update's bytes, the hash before it and its own. */
export interface StoredAuditEntry extends AuditEntry {
  updateHash: string;
  prevHash: string;
  hash: string;
}

/**
 * The hash of one entry, over the fields a hand edit could change, chained to the one before. (The party an
 * accepted change was made for, `onBehalfOf`, came later and is not in it: adding it would break every
 * chain stored before.)
 */
export function entryHash(e: Omit<AuditEntry, 'seq'> & { updateHash: string; prevHash: string }): string {
  return sha256(
    JSON.stringify([
      e.prevHash,
      e.kind,
      e.room,
      e.documentId,
      e.updateSeq,
      e.personId,
      e.personName,
      e.party,
      e.measureIds,
      e.at,
      e.updateHash,
    ]),
  );
}

/**
 * Checks a stored log, oldest entry first, and the stored updates against it. Returns the problems found,
 * each a sentence; an empty list means the log and every stored update are as written. Updates no longer
 * stored (compacted, or of a replaced document) are not missed: their entries stay and still chain.
 */
export function verifyChain(
  entries: Iterable<StoredAuditEntry>,
  updates: Iterable<{ seq: number; data: Uint8Array }>,
): string[] {
  const problems: string[] = [];
  let prev = GENESIS;
  const hashes = new Map<number, string>();
  for (const entry of entries) {
    if (entry.prevHash !== prev)
      problems.push(`Auditregel ${entry.seq} sluit niet aan op de vorige (ketting verbroken).`);
    else if (entry.hash !== entryHash({ ...entry, prevHash: prev }))
      problems.push(`Auditregel ${entry.seq} is na het schrijven gewijzigd.`);
    prev = entry.hash;
    hashes.set(entry.updateSeq, entry.updateHash);
  }
  for (const u of updates) {
    const recorded = hashes.get(u.seq);
    if (recorded === undefined) problems.push(`Opgeslagen wijziging ${u.seq} staat niet in het auditlog.`);
    else if (recorded !== sha256(u.data))
      problems.push(`Opgeslagen wijziging ${u.seq} is na het schrijven gewijzigd.`);
  }
  return problems;
}
