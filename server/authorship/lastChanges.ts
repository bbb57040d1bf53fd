import type { Author } from '../../shared/diff/index.js';
import type { AuditLog, LastChange } from '../storage/audit.js';
import { authorOf, changeAuthor } from './authors.js';
import type { AttributionRepository } from './repository.js';

/** Who last changed a measure: the audit's entry and its author as the attribution index records it. */
export interface AttributedLastChange extends LastChange {
  author: Author;
}

/**
 * Who last changed each measure of a document (up to `until` when given), credited as the attribution
 * index credits that change: the proposing party (and proposer) for an accepted amendment with the chair
 * as the one who decided, the person otherwise. A change stored before the index existed is credited from
 * its audit entry the same way.
 */
export function lastChanges(
  audit: Pick<AuditLog, 'lastChanges'>,
  attribution: Pick<AttributionRepository, 'authorsOfUpdates'>,
  documentId: string,
  until: string | null = null,
): AttributedLastChange[] {
  const changes = audit.lastChanges(documentId, until);
  const recorded = attribution.authorsOfUpdates(
    documentId,
    changes.map((c) => c.updateSeq),
  );
  return changes.map((c) => {
    const known = recorded.get(c.updateSeq);
    const author = authorOf(
      known ??
        changeAuthor({
          sender: { id: c.personId, name: c.personName ?? c.personId, party: c.party },
          senderId: c.personId,
          onBehalfOf: c.onBehalfOf,
          proposer: null,
          at: c.at,
        }),
    );
    return { ...c, author };
  });
}

/** The authors of `lastChanges` by measure id. */
export function lastAuthors(changes: readonly AttributedLastChange[]): Map<string, Author> {
  return new Map(changes.map((c) => [c.measureId, c.author]));
}
