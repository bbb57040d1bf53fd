import { describe, expect, it } from 'vitest';
import { dashboard, positionsMatrix } from '../../shared/amendments/dashboard.js';
import { amendment } from './fixtures.js';

const chapters = [
  { id: 'c-1', number: '1', title: 'Wonen', measureIds: ['m-1', 'm-2', 'm-3'] },
  { id: 'c-2', number: '2', title: 'Defensie', measureIds: ['m-4'] },
];

describe('the state of the negotiation', () => {
  it('counts measures by status per chapter, open when none is set, and pending amendments', () => {
    const result = dashboard(
      chapters,
      [
        amendment({ measureId: 'm-1' }),
        amendment({ measureId: 'm-2' }),
        amendment({ measureId: 'm-4', status: 'accepted' }),
        amendment({ measureId: 'm-4', status: 'draft' }),
      ],
      { 'm-1': 'agreed', 'm-2': 'disputed', 'm-4': 'parked' },
    );
    expect(result.chapters[0]).toMatchObject({
      measures: 3,
      agreed: 1,
      disputed: 1,
      open: 1,
      pendingAmendments: 2,
    });
    expect(result.chapters[1]).toMatchObject({ measures: 1, parked: 1, pendingAmendments: 0 });
    expect(result.total).toMatchObject({
      measures: 4,
      open: 1,
      agreed: 1,
      disputed: 1,
      parked: 1,
      pendingAmendments: 2,
    });
  });

  it('shows each party’s position on the pending amendments of a chapter, the proposer as such', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const matrix = positionsMatrix(
      chapters[0]!,
      [
        amendment({ id: 'b', number: 'A-2', measureId: 'm-2', party: 'D66' }),
        amendment({
          id: 'a',
          number: 'A-10',
          measureId: 'm-1',
          positions: {
            D66: { position: 'support', note: null, by: 'x', at },
            CDA: { position: 'oppose', note: 'Nee', by: 'y', at },
          },
        }),
        amendment({ id: 'c', number: 'A-3', measureId: 'm-4' }),
      ],
      ['D66', 'CDA', 'VVD'],
    );
    expect(matrix.amendments.map((a) => a.id)).toEqual(['a', 'b']);
    expect(matrix.rows).toEqual([
      { party: 'D66', cells: ['support', 'proposer'] },
      { party: 'CDA', cells: ['oppose', 'none'] },
      { party: 'VVD', cells: ['proposer', 'none'] },
    ]);
    expect(matrix.support).toEqual([2, 1]);
  });
});
