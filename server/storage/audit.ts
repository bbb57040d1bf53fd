import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** Who last changed a measure, and when. */
export interface LastChange {
  measureId: string;
  personId: string;
  personName: string | null;
  party: string | null;
  onBehalfOf: string | null;
  at: string;
}

/** What one audit entry says: which stored bytes, of which room, came from whom, touching which measures. */
export interface AuditEntry {
  seq: number;
  kind: 'import' | 'update' | 'compact';
  room: string;
  documentId: string;
  updateSeq: number;
  personId: string | null;
  personName: string | null;
  party: string | null;
  /** The party a change was made for by someone else (the chair accepting an amendment), else null. */
  onBehalfOf: string | null;
  measureIds: string[];
  at: string;
}

/** The hash every chain starts from. */
const GENESIS = '0'.repeat(64);

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** The hash of one entry, over every field a hand edit could change, chained to the one before. */
function entryHash(e: Omit<AuditEntry, 'seq'> & { updateHash: string; prevHash: string }): string {
  return sha256(
    JSON.stringify([
      e.prevHash,
      e.kind,
      e.room,
      e.documentId,
      e.updateSeq,
      e.personId,
      e.personName,
      e.party,
      e.measureIds,
      e.at,
      e.updateHash,
    ]),
  );
}

interface Row {
  seq: number;
  kind: AuditEntry['kind'];
  room: string;
  document_id: string;
  update_seq: number;
  person_id: string | null;
  person_name: string | null;
  party: string | null;
  on_behalf_of: string | null;
  measure_ids: string;
  at: string;
  update_hash: string;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq,
  kind: r.kind,
  room: r.room,
  documentId: r.document_id,
  updateSeq: r.update_seq,
  personId: r.person_id,
  personName: r.person_name,
  party: r.party,
  onBehalfOf: r.on_behalf_of ?? null,
  measureIds: JSON.parse(r.measure_ids) as string[],
  at: r.at,
});

/**
 * The append-only audit log: one entry per stored update (and per import and compaction), hash-chained, so
 * that editing the database by hand — an entry, or the bytes of a stored update — is found by `verify`.
 * Its writes run inside the store's transactions: an update is never stored without its entry.
 */
export class AuditLog {
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      last: db.prepare('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        'INSERT INTO audit (kind, room, document_id, update_seq, person_id, person_name, party, on_behalf_of, measure_ids, at, update_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertMeasure: db.prepare(
        'INSERT INTO audit_measures (document_id, measure_id, audit_seq) VALUES (?, ?, ?)',
      ),
      forMeasure: db.prepare(
        'SELECT a.* FROM audit_measures m JOIN audit a ON a.seq = m.audit_seq WHERE m.document_id = ? AND m.measure_id = ? ORDER BY a.seq DESC LIMIT ?',
      ),
      // SQLite takes the bare columns of an aggregate query from the row that gave MAX(seq): the last change.
      lastPerMeasure: db.prepare(
        `SELECT m.measure_id AS measureId, MAX(a.seq) AS seq, a.person_id AS personId, a.person_name AS personName,
                a.party AS party, a.on_behalf_of AS onBehalfOf, a.at AS at
         FROM audit_measures m JOIN audit a ON a.seq = m.audit_seq
         WHERE m.document_id = @documentId AND a.room = @documentId AND a.person_id IS NOT NULL
           AND (@until IS NULL OR a.at <= @until)
         GROUP BY m.measure_id`,
      ),
      all: db.prepare('SELECT * FROM audit ORDER BY seq'),
      updates: db.prepare('SELECT seq, data FROM updates'),
    };
  }

  /** Records one stored update; call inside the transaction that stored it. */
  record(entry: Omit<AuditEntry, 'seq'>, update: Uint8Array): void {
    const prevHash = (this.q.last.get() as { hash: string } | undefined)?.hash ?? GENESIS;
    const updateHash = sha256(update);
    const hash = entryHash({ ...entry, updateHash, prevHash });
    const info = this.q.insert.run(
      entry.kind,
      entry.room,
      entry.documentId,
      entry.updateSeq,
      entry.personId,
      entry.personName,
      entry.party,
      entry.onBehalfOf,
      JSON.stringify(entry.measureIds),
      entry.at,
      updateHash,
      prevHash,
      hash,
    );
    for (const id of entry.measureIds) this.q.insertMeasure.run(entry.documentId, id, info.lastInsertRowid);
  }

  /** The changes to one measure, newest first. */
  forMeasure(documentId: string, measureId: string, limit = 200): AuditEntry[] {
    return (this.q.forMeasure.all(documentId, measureId, limit) as Row[]).map(toEntry);
  }

  /**
   * Who last changed each measure of a document's text (people only, not the import), and when; with
   * `until`, as it stood at that moment.
   */
  lastChanges(documentId: string, until: string | null = null): LastChange[] {
    return (this.q.lastPerMeasure.all({ documentId, until }) as (LastChange & { seq: number })[]).map(
      ({ seq: _seq, ...change }) => change,
    );
  }

  /**
   * Checks the chain and the stored updates against it. Returns the problems found, each a sentence; an
   * empty list means the log and every stored update are as written.
   */
  verify(): string[] {
    const problems: string[] = [];
    let prev = GENESIS;
    const hashes = new Map<number, string>();
    for (const row of this.q.all.iterate() as Iterable<Row>) {
      const expected = entryHash({ ...toEntry(row), updateHash: row.update_hash, prevHash: prev });
      if (row.prev_hash !== prev)
        problems.push(`Auditregel ${row.seq} sluit niet aan op de vorige (ketting verbroken).`);
      else if (row.hash !== expected) problems.push(`Auditregel ${row.seq} is na het schrijven gewijzigd.`);
      prev = row.hash;
      hashes.set(row.update_seq, row.update_hash);
    }
    for (const u of this.q.updates.iterate() as Iterable<{ seq: number; data: Buffer }>) {
      const recorded = hashes.get(u.seq);
      if (recorded === undefined) problems.push(`Opgeslagen wijziging ${u.seq} staat niet in het auditlog.`);
      else if (recorded !== sha256(u.data))
        problems.push(`Opgeslagen wijziging ${u.seq} is na het schrijven gewijzigd.`);
    }
    return problems;
  }
}
