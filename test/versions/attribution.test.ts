import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../server/storage/sqlite/audit.js';
import { migrateSqlite } from '../../server/storage/sqlite/migrate.js';
import { auditAttribution } from '../../server/versions/attribution.js';

/** An audit log in memory, in a database with every table. */
function auditLog() {
  const db = new Database(':memory:');
  migrateSqlite(db);
  const audit = new SqliteAuditLog(db);
  let seq = 0;
  const record = (
    documentId: string,
    measureIds: string[],
    person: [string, string] | null,
    at: string,
    room = documentId,
  ) =>
    audit.record(
      {
        kind: person ? 'update' : 'import',
        room,
        documentId,
        updateSeq: ++seq,
        personId: person ? `p-${person[0]}` : null,
        personName: person?.[0] ?? null,
        party: person?.[1] ?? null,
        onBehalfOf: null,
        measureIds,
        at,
      },
      new Uint8Array([seq]),
    );
  return { audit, record };
}

describe('attribution from the audit trail', () => {
  it('knows nobody while nothing was recorded', async () => {
    expect((await auditAttribution(auditLog().audit, 'doc'))('m-1')).toBeNull();
  });

  it('names the person, party and time of the newest change to a measure, up to a moment', async () => {
    const { audit, record } = auditLog();
    record('doc', ['m-1', 'm-2'], ['Anna', 'D66'], '2026-03-01T10:00:00.000Z');
    record('doc', ['m-1'], ['Bram', 'CDA'], '2026-03-02T10:00:00.000Z');
    record('doc', ['m-1'], null, '2026-03-03T10:00:00.000Z');
    record('other', ['m-1'], ['Cees', 'VVD'], '2026-03-04T10:00:00.000Z');
    record('doc', ['m-1'], ['Dirk', 'JA21'], '2026-03-05T10:00:00.000Z', 'doc/party/JA21');
    expect((await auditAttribution(audit, 'doc'))('m-1')).toEqual({
      person: 'Bram',
      party: 'CDA',
      at: '2026-03-02T10:00:00.000Z',
    });
    expect((await auditAttribution(audit, 'doc'))('m-2')).toMatchObject({ person: 'Anna' });
    expect((await auditAttribution(audit, 'doc', '2026-03-01T12:00:00.000Z'))('m-1')).toMatchObject({
      person: 'Anna',
    });
    expect((await auditAttribution(audit, 'doc'))('m-3')).toBeNull();
    expect((await auditAttribution(audit, 'other'))('m-1')).toMatchObject({ person: 'Cees' });
  });
});
