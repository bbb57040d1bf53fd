/** Amendments for the export tests. */
import type { Amendment } from '../../shared/amendments/types.js';

/** An amendment of D66 on measure 1.1.1, supported by CDA; override any field. */
export function amendment(overrides: Partial<Amendment> = {}): Amendment {
  return {
    id: `am-${overrides.number ?? 'A-1'}`,
    number: 'A-1',
    documentId: 'd66-cda',
    measureId: 'm-1-1-1',
    kind: 'replace',
    text: 'We willen schrappen in bezwaarprocedures.',
    rationale: 'Korter.',
    party: 'D66',
    authors: ['p-1'],
    status: 'submitted',
    baseText: null,
    group: null,
    positions: {
      D66: { position: 'support', note: null, by: 'p-1', at: '2026-11-20T10:00:00Z' },
      CDA: { position: 'reservation', note: 'Eerst doorrekenen', by: 'p-2', at: '2026-11-21T10:00:00Z' },
    },
    createdAt: '2026-11-19T10:00:00Z',
    submittedAt: '2026-11-19T23:30:00Z',
    decidedAt: null,
    decidedBy: null,
    parent: null,
    decision: null,
    ...overrides,
  };
}
