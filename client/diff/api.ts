/** The diff and versions API as the client calls it. */
import { api } from '../app/session.js';
import type { Agenda } from '../../shared/agenda/types.js';
import type { AttributedUnit, ChapterSummary, StatusCounts } from '../../shared/diff/index.js';

/** A version as the server lists it. */
export interface Version {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string | null;
  /** 'original': the import itself, always listed first by the server (id `original`). */
  kind: 'named' | 'daily' | 'original';
}

/** A unit of a comparison (with who last changed it, where the audit trail knows). */
export type DiffUnit = AttributedUnit;

/** `GET /api/documents/:id/diff`. */
export interface DiffResponse {
  units: DiffUnit[];
  chapters: ChapterSummary[];
  total: StatusCounts;
}

/** One side of a comparison: `original`, `live`, `since-last-visit` or a version id. */
export type Side = string;

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export const fetchBaseline = (documentId: string) => api<Agenda>('GET', `${base(documentId)}/baseline`);

export const fetchVersions = (documentId: string) => api<Version[]>('GET', `${base(documentId)}/versions`);

export const makeVersion = (documentId: string, name: string) =>
  api<Version>('POST', `${base(documentId)}/versions`, { name });

export const restoreVersion = (documentId: string, id: string) =>
  api<{ restored: string }>('POST', `${base(documentId)}/versions/${encodeURIComponent(id)}/restore`);

export const fetchDiff = (documentId: string, from: Side, to: Side) =>
  api<DiffResponse>(
    'GET',
    `${base(documentId)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );

export const recordVisit = (documentId: string) =>
  api<{ previousVisit: string | null }>('POST', `${base(documentId)}/visits`);

export { dutchMoment as dutchTime } from '../../shared/i18n/dates.js';
