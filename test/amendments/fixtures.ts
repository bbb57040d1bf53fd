import type { Actor, Amendment } from '../../shared/amendments/types.js';

/** A submitted replace amendment of VVD on measure m-1, with overrides. */
export function amendment(overrides: Partial<Amendment> = {}): Amendment {
  return {
    id: 'a1',
    number: 'A-1',
    documentId: 'doc',
    measureId: 'm-1',
    kind: 'replace',
    text: 'We bouwen veel meer woningen.',
    rationale: 'Meer.',
    party: 'VVD',
    authors: ['p-vvd'],
    status: 'submitted',
    baseText: 'We bouwen meer woningen.',
    group: null,
    positions: {},
    createdAt: '2026-01-01T10:00:00.000Z',
    submittedAt: '2026-01-01T11:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    parent: null,
    decision: null,
    ...overrides,
  };
}

export const vvd: Actor = { personId: 'p-vvd', party: 'VVD', role: 'negotiator' };
export const d66: Actor = { personId: 'p-d66', party: 'D66', role: 'negotiator' };
export const chair: Actor = { personId: 'p-chair', party: 'SEC', role: 'chair' };
export const reviewer: Actor = { personId: 'p-rev', party: 'VVD', role: 'reviewer' };
export const NOW = '2026-02-01T12:00:00.000Z';
