import type { DocumentRecord } from '../storage/store.js';
import type { VersionSummary } from './repository.js';

/**
 * The id of the original import as a version. It is no row of the versions table: the baseline is stored
 * with the document and never changes, so the original is always a version, listed first, compared with
 * (`from=original` in the diff API) and restored from like any named version.
 */
export const ORIGINAL_VERSION = 'original';

/** The original import of a document as a version (made when the document was imported, by nobody). */
export function originalVersion(document: DocumentRecord): VersionSummary {
  return {
    id: ORIGINAL_VERSION,
    documentId: document.id,
    name: 'Origineel',
    createdAt: document.createdAt,
    createdBy: null,
    kind: 'original',
  };
}
