import type { Attribution } from '../../shared/diff/index.js';
import type { AuditLog } from '../storage/audit.js';

/** Looks up who last changed a measure of a document; null when nobody is known. */
export type AttributionOf = (documentId: string, measureId: string) => Attribution | null;

/**
 * Attribution from the audit trail: the last change to each measure of the text, at or before `before` when
 * given (so a comparison up to a version does not credit later edits). Read once per document.
 */
export function auditAttribution(audit: AuditLog, before?: string): AttributionOf {
  const byDocument = new Map<string, Map<string, Attribution>>();
  return (documentId, measureId) => {
    let changes = byDocument.get(documentId);
    if (!changes) {
      changes = new Map();
      for (const c of audit.lastChanges(documentId, before ?? null)) {
        if (c.personName) changes.set(c.measureId, { person: c.personName, party: c.party ?? '', at: c.at });
      }
      byDocument.set(documentId, changes);
    }
    return changes.get(measureId) ?? null;
  };
}
