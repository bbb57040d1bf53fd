import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../server/storage/sqlite/audit.js';
import { SqliteAttribution } from '../../server/storage/sqlite/attribution.js';
import { migrateSqlite } from '../../server/storage/sqlite/migrate.js';
import { lastChanges } from '../../server/authorship/lastChanges.js';
import { changeAuthor } from '../../server/authorship/authors.js';

/** An audit log and attribution index in memory, in a database with every table. */
function repositories() {
  const db = new Database(':memory:');
  migrateSqlite(db);
  const audit = new SqliteAuditLog(db);
  const attribution = new SqliteAttribution(db);
  let seq = 0;
  const record = (
    measureIds: string[],
    person: [string, string] | null,
    at: string,
    options: { onBehalfOf?: string; indexed?: boolean; proposer?: [string, string] } = {},
  ) => {
    const updateSeq = ++seq;
    audit.record(
      {
        kind: person ? 'update' : 'import',
        room: 'doc',
        documentId: 'doc',
        updateSeq,
        personId: person ? `p-${person[0]}` : null,
        personName: person?.[0] ?? null,
        party: person?.[1] ?? null,
        onBehalfOf: options.onBehalfOf ?? null,
        measureIds,
        at,
      },
      new Uint8Array([updateSeq]),
    );
    if (options.indexed !== false && person)
      attribution.record(
        'doc',
        updateSeq,
        { inserted: [[1, updateSeq * 10, 5]], deleted: [] },
        changeAuthor({
          sender: { id: `p-${person[0]}`, name: person[0], party: person[1] },
          senderId: `p-${person[0]}`,
          onBehalfOf: options.onBehalfOf ?? null,
          proposer: options.proposer
            ? { id: `p-${options.proposer[0]}`, name: options.proposer[0], party: options.proposer[1] }
            : null,
          at,
        }),
      );
  };
  return { audit, attribution, record };
}

describe('who last changed each measure', () => {
  it('credits the person otherwise, and an accepted amendment to the proposing party with the chair as decider', () => {
    const { audit, attribution, record } = repositories();
    record(['m-1'], ['Anna', 'D66'], '2026-03-01T10:00:00.000Z');
    record(['m-2'], ['Anna', 'D66'], '2026-03-01T11:00:00.000Z');
    record(['m-1'], ['Carla', 'SEC'], '2026-03-02T10:00:00.000Z', {
      onBehalfOf: 'CDA',
      proposer: ['Bram', 'CDA'],
    });
    record(['m-1'], null, '2026-03-03T10:00:00.000Z');
    const byMeasure = new Map(lastChanges(audit, attribution, 'doc').map((c) => [c.measureId, c.author]));
    expect(byMeasure.get('m-1')).toEqual({
      person: 'p-Bram',
      name: 'Bram',
      party: 'CDA',
      at: '2026-03-02T10:00:00.000Z',
      decidedBy: { person: 'p-Carla', name: 'Carla' },
    });
    expect(byMeasure.get('m-2')).toEqual({
      person: 'p-Anna',
      name: 'Anna',
      party: 'D66',
      at: '2026-03-01T11:00:00.000Z',
    });
    // Up to a moment: as it stood then.
    const then = lastChanges(audit, attribution, 'doc', '2026-03-01T12:00:00.000Z');
    expect(then.find((c) => c.measureId === 'm-1')?.author.name).toBe('Anna');
  });

  it('credits a change stored before the index existed from its audit entry the same way', () => {
    const { audit, attribution, record } = repositories();
    record(['m-1'], ['Carla', 'SEC'], '2026-03-02T10:00:00.000Z', { onBehalfOf: 'VVD', indexed: false });
    expect(lastChanges(audit, attribution, 'doc')[0]!.author).toEqual({
      person: null,
      name: 'VVD',
      party: 'VVD',
      at: '2026-03-02T10:00:00.000Z',
      decidedBy: { person: 'p-Carla', name: 'Carla' },
    });
  });
});
