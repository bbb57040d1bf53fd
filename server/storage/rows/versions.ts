import { withTextNumbers } from '../../../shared/agenda/read.js';
import type { Agenda } from '../../../shared/agenda/types.js';
import type { VersionKind, VersionRecord, VersionsRepository } from '../../versions/repository.js';

/** A version's summary columns as both stores read them (aliased to the summary's names). */
export interface VersionRow {
  id: string;
  documentId: string;
  name: string;
  createdAt: string;
  createdBy: string | null;
  kind: VersionKind;
}

/** A version's whole row: the summary with its agenda (JSON) and Yjs state. */
export type FullVersionRow = VersionRow & { agenda: string; state: Uint8Array };

/** What `create` is given, as the repository's interface says. */
export type NewVersion = Parameters<VersionsRepository['create']>[0];

/** A whole row as a version: the agenda parsed (numbers in its text), the state as bytes. */
export function versionOfRow(row: FullVersionRow): VersionRecord {
  return {
    ...row,
    agenda: withTextNumbers(JSON.parse(row.agenda) as Agenda),
    state: new Uint8Array(row.state),
  };
}
