import type { Attribution } from '../../shared/diff/index.js';
import type { AuditLog } from '../storage/audit.js';

/** Looks up who last changed a measure of one document; null when nobody is known. */
export type AttributionOf = (measureId: string) => Attribution | null;

/**
 * Attribution from the audit trail: the last change to each measure of a document's text, at or before
 * `before` when given (so a comparison up to a version does not credit later edits). Read once.
 */
export async function auditAttribution(
  audit: AuditLog,
  documentId: string,
  before?: string,
): Promise<AttributionOf> {
  const changes = new Map<string, Attribution>();
  for (const c of await audit.lastChanges(documentId, before ?? null)) {
    if (c.personName) changes.set(c.measureId, { person: c.personName, party: c.party ?? '', at: c.at });
  }
  return (measureId) => changes.get(measureId) ?? null;
}
