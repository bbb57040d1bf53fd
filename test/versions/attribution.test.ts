import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditAttribution } from '../../server/versions/attribution.js';

describe('attribution from the audit trail', () => {
  it('knows nobody while there is no audit table', () => {
    const db = new Database(':memory:');
    expect(auditAttribution(db)('doc', 'm-1')).toBeNull();
  });

  it('names the person, party and time of the newest change to a measure, up to a moment', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE audit (document_id TEXT, measure_ids TEXT, person_name TEXT, party TEXT, at TEXT)');
    const add = db.prepare('INSERT INTO audit VALUES (?, ?, ?, ?, ?)');
    add.run('doc', '["m-1","m-2"]', 'Anna', 'D66', '2026-03-01T10:00:00.000Z');
    add.run('doc', '["m-1"]', 'Bram', 'CDA', '2026-03-02T10:00:00.000Z');
    add.run('doc', '[]', null, null, '2026-03-03T10:00:00.000Z');
    add.run('other', '["m-1"]', 'Cees', 'VVD', '2026-03-04T10:00:00.000Z');
    expect(auditAttribution(db)('doc', 'm-1')).toEqual({
      person: 'Bram',
      party: 'CDA',
      at: '2026-03-02T10:00:00.000Z',
    });
    expect(auditAttribution(db)('doc', 'm-2')).toMatchObject({ person: 'Anna' });
    expect(auditAttribution(db, '2026-03-01T12:00:00.000Z')('doc', 'm-1')).toMatchObject({ person: 'Anna' });
    expect(auditAttribution(db)('doc', 'm-3')).toBeNull();
  });

  it('knows nobody when the audit table has another shape', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE audit (id INTEGER)');
    expect(auditAttribution(db)('doc', 'm-1')).toBeNull();
  });
});
