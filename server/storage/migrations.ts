/**
 * Every table of Akkoord, as one ordered list of migrations: the only place that creates or changes the
 * schema. A store runs the entries its database has not had yet, in order, each in its own transaction, and
 * records the version reached (SQLite: `PRAGMA user_version`; see `sqlite/migrate.ts`).
 *
 * Adding a table or column: append an entry with the next version number — never edit or reorder one that
 * has shipped. Write the SQL once with `portable(…)` when both databases read it alike, else once per dialect.
 *
 * Versions 1–7 are the schema as it was before it was versioned (issue 15). Databases made then have some or
 * all of those tables already and no version, so these entries say `IF NOT EXISTS` and must keep saying it:
 * the SQLite runner runs them on such a database to adopt it (see `adoptUnversioned`).
 */

/** The databases Akkoord's schema is written for. */
export type Dialect = 'sqlite' | 'postgres';

/** One step of the schema: its SQL per dialect, a name, and the feature whose tables it makes. */
export interface Migration {
  /** 1, 2, 3, …: the position in the list, recorded in the database once run. */
  version: number;
  /** What it does, in a few words (shown when it fails). */
  name: string;
  /** The server feature that owns the tables (see `server/features.ts`). */
  feature:
    | 'documents'
    | 'audit'
    | 'people'
    | 'amendments'
    | 'comments'
    | 'versions'
    | 'authorship'
    | 'notifications';
  /** The statements for each dialect, run as one script. */
  sql: Record<Dialect, string>;
}

/** The same SQL for every dialect. */
export const portable = (sql: string): Record<Dialect, string> => ({ sqlite: sql, postgres: sql });

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents and the update log of their rooms',
    feature: 'documents',
    sql: {
      sqlite: `
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  baseline TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  data BLOB NOT NULL,
  person_id TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_room ON updates (room, seq);`,
      postgres: `
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  baseline TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq BIGSERIAL PRIMARY KEY,
  room TEXT NOT NULL,
  data BYTEA NOT NULL,
  person_id TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_room ON updates (room, seq);`,
    },
  },
  {
    version: 2,
    name: 'the hash-chained audit log and its index by measure',
    feature: 'audit',
    sql: {
      // on_behalf_of comes last: databases made before versioning got it by ALTER TABLE.
      sqlite: `
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  room TEXT NOT NULL,
  document_id TEXT NOT NULL,
  update_seq INTEGER NOT NULL,
  person_id TEXT,
  person_name TEXT,
  party TEXT,
  measure_ids TEXT NOT NULL,
  at TEXT NOT NULL,
  update_hash TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  on_behalf_of TEXT
);
CREATE INDEX IF NOT EXISTS audit_document ON audit (document_id, seq);
CREATE TABLE IF NOT EXISTS audit_measures (
  document_id TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  audit_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_measures_lookup ON audit_measures (document_id, measure_id, audit_seq);`,
      postgres: `
CREATE TABLE IF NOT EXISTS audit (
  seq BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL,
  room TEXT NOT NULL,
  document_id TEXT NOT NULL,
  update_seq BIGINT NOT NULL,
  person_id TEXT,
  person_name TEXT,
  party TEXT,
  measure_ids TEXT NOT NULL,
  at TEXT NOT NULL,
  update_hash TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  on_behalf_of TEXT
);
CREATE INDEX IF NOT EXISTS audit_document ON audit (document_id, seq);
CREATE TABLE IF NOT EXISTS audit_measures (
  document_id TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  audit_seq BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_measures_lookup ON audit_measures (document_id, measure_id, audit_seq);`,
    },
  },
  {
    version: 3,
    name: 'parties, people and per-document settings',
    feature: 'people',
    sql: portable(`
CREATE TABLE IF NOT EXISTS parties (
  document_id TEXT NOT NULL,
  short TEXT NOT NULL,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  sort INTEGER NOT NULL,
  PRIMARY KEY (document_id, short)
);
CREATE TABLE IF NOT EXISTS people (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,
  name TEXT NOT NULL,
  party TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS people_document ON people (document_id);
CREATE TABLE IF NOT EXISTS document_settings (
  document_id TEXT PRIMARY KEY,
  drafting TEXT NOT NULL DEFAULT 'closed'
);`),
  },
  {
    version: 4,
    name: 'amendments, positions and measure statuses',
    feature: 'amendments',
    sql: portable(`
CREATE TABLE IF NOT EXISTS amendment_counters (
  document_id TEXT PRIMARY KEY,
  last INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS amendments (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  party TEXT NOT NULL,
  status TEXT NOT NULL,
  text TEXT,
  rationale TEXT NOT NULL,
  authors TEXT NOT NULL,
  base_text TEXT,
  grp TEXT,
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  decided_at TEXT,
  decided_by TEXT,
  UNIQUE (document_id, seq)
);
CREATE INDEX IF NOT EXISTS amendments_measure ON amendments (document_id, measure_id, seq);
CREATE INDEX IF NOT EXISTS amendments_party ON amendments (document_id, party, seq);
CREATE INDEX IF NOT EXISTS amendments_status ON amendments (document_id, status, seq);
CREATE TABLE IF NOT EXISTS amendment_positions (
  document_id TEXT NOT NULL,
  amendment_id TEXT NOT NULL,
  party TEXT NOT NULL,
  position TEXT NOT NULL,
  note TEXT,
  by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (amendment_id, party)
);
CREATE INDEX IF NOT EXISTS amendment_positions_document ON amendment_positions (document_id);
CREATE TABLE IF NOT EXISTS measure_positions (
  document_id TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  party TEXT NOT NULL,
  position TEXT NOT NULL,
  note TEXT,
  by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (document_id, measure_id, party)
);
CREATE TABLE IF NOT EXISTS measure_statuses (
  document_id TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  status TEXT NOT NULL,
  by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (document_id, measure_id)
);`),
  },
  {
    version: 5,
    name: 'comment threads for everyone and their messages',
    feature: 'comments',
    sql: portable(`
CREATE TABLE IF NOT EXISTS comment_threads (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,
  party TEXT NOT NULL,
  anchor TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  resolved_by TEXT,
  resolved_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comment_threads_document ON comment_threads (document_id, created_at);
CREATE TABLE IF NOT EXISTS comment_messages (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  edited_at TEXT
);
CREATE INDEX IF NOT EXISTS comment_messages_thread ON comment_messages (thread_id, position);`),
  },
  {
    version: 6,
    name: 'versions (immutable) and visits',
    feature: 'versions',
    sql: {
      sqlite: `
CREATE TABLE IF NOT EXISTS versions (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('named', 'daily')),
  agenda TEXT NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_document ON versions (document_id, created_at);
CREATE TRIGGER IF NOT EXISTS versions_immutable BEFORE UPDATE ON versions
BEGIN
  SELECT RAISE(ABORT, 'versions are immutable');
END;
CREATE TABLE IF NOT EXISTS version_visits (
  document_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  visited_at TEXT NOT NULL,
  agenda TEXT NOT NULL,
  previous_at TEXT,
  previous_agenda TEXT,
  PRIMARY KEY (document_id, person_id)
);`,
      postgres: `
CREATE TABLE IF NOT EXISTS versions (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('named', 'daily')),
  agenda TEXT NOT NULL,
  state BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_document ON versions (document_id, created_at);
CREATE OR REPLACE FUNCTION versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'versions are immutable';
END;
$$;
DROP TRIGGER IF EXISTS versions_immutable ON versions;
CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions
  FOR EACH ROW EXECUTE FUNCTION versions_immutable();
CREATE TABLE IF NOT EXISTS version_visits (
  document_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  visited_at TEXT NOT NULL,
  agenda TEXT NOT NULL,
  previous_at TEXT,
  previous_agenda TEXT,
  PRIMARY KEY (document_id, person_id)
);`,
    },
  },
  {
    version: 7,
    name: 'the daily versions’ watch on each document',
    feature: 'versions',
    sql: {
      sqlite: `
CREATE TABLE IF NOT EXISTS version_watch (
  document_id TEXT PRIMARY KEY,
  state_vector TEXT NOT NULL,
  change_day TEXT,
  pending INTEGER NOT NULL,
  -- The text at the last check that saw a change (always set from the first check on).
  agenda TEXT,
  state BLOB
);`,
      postgres: `
CREATE TABLE IF NOT EXISTS version_watch (
  document_id TEXT PRIMARY KEY,
  state_vector TEXT NOT NULL,
  change_day TEXT,
  pending INTEGER NOT NULL,
  -- The text at the last check that saw a change (always set from the first check on).
  agenda TEXT,
  state BYTEA
);`,
    },
  },
  {
    version: 8,
    name: 'browser sessions',
    feature: 'people',
    sql: portable(`
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_person ON sessions (person_id);
CREATE INDEX IF NOT EXISTS sessions_last_seen ON sessions (last_seen_at);`),
  },
  {
    version: 9,
    name: 'every number given to a chapter, section or measure',
    feature: 'documents',
    sql: portable(`
CREATE TABLE IF NOT EXISTS node_numbers (
  document_id TEXT NOT NULL,
  import_seq INTEGER NOT NULL,
  node_id TEXT NOT NULL,
  number TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (document_id, import_seq, node_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS node_numbers_unique ON node_numbers (document_id, import_seq, number);`),
  },
  {
    version: 10,
    name: 'decisions with notes, amendments to amendments, the secretariat as a party',
    feature: 'amendments',
    sql: {
      // SQLite keeps a fractional seq ("A-7.1" → 7.001, see seqOfNumber) as REAL in the INTEGER column.
      sqlite: `
ALTER TABLE amendments ADD COLUMN parent TEXT;
ALTER TABLE amendments ADD COLUMN decision TEXT;
CREATE TABLE amendment_settings (
  document_id TEXT PRIMARY KEY,
  secretariat_is_party INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE amendment_decisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL,
  amendment_id TEXT NOT NULL,
  move TEXT NOT NULL,
  note TEXT,
  detail TEXT,
  by TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX amendment_decisions_amendment ON amendment_decisions (document_id, amendment_id, seq);`,
      postgres: `
ALTER TABLE amendments ADD COLUMN parent TEXT;
ALTER TABLE amendments ADD COLUMN decision TEXT;
ALTER TABLE amendments ALTER COLUMN seq TYPE DOUBLE PRECISION;
CREATE TABLE amendment_settings (
  document_id TEXT PRIMARY KEY,
  secretariat_is_party INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE amendment_decisions (
  seq BIGSERIAL PRIMARY KEY,
  document_id TEXT NOT NULL,
  amendment_id TEXT NOT NULL,
  move TEXT NOT NULL,
  note TEXT,
  detail TEXT,
  "by" TEXT NOT NULL,
  "at" TEXT NOT NULL
);
CREATE INDEX amendment_decisions_amendment ON amendment_decisions (document_id, amendment_id, seq);`,
    },
  },
  {
    version: 11,
    name: 'the Yjs client ids each person (or the server, person_id NULL) writes with',
    feature: 'documents',
    sql: portable(`
CREATE TABLE IF NOT EXISTS client_ids (
  document_id TEXT NOT NULL,
  client_id BIGINT NOT NULL,
  person_id TEXT,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (document_id, client_id)
);`),
  },
  {
    version: 12,
    name: 'administrators of the instance',
    feature: 'people',
    // Apart from people: an administrator belongs to no document, so no query of a document's people (and
    // no room check by document) can ever include one. Their ids are UUIDs like people's, so a token's
    // subject and a session's person_id name one or the other, never both.
    sql: portable(`
CREATE TABLE IF NOT EXISTS administrators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);`),
  },
  {
    version: 13,
    name: 'who inserted and who deleted each run of Yjs items of a text room',
    feature: 'authorship',
    // One row per update and client: a range of item ids (client, clock, len) the update inserted or deleted,
    // with its author as they were at the time. Item ids survive compaction, so the rows stay valid.
    sql: {
      sqlite: `
CREATE TABLE IF NOT EXISTS attribution (
  document_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('insert', 'delete')),
  client INTEGER NOT NULL,
  clock INTEGER NOT NULL,
  len INTEGER NOT NULL,
  update_seq INTEGER NOT NULL,
  person_id TEXT,
  person_name TEXT,
  party TEXT,
  on_behalf_of TEXT,
  decided_by TEXT,
  decided_by_name TEXT,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attribution_document ON attribution (document_id, update_seq);`,
      postgres: `
CREATE TABLE IF NOT EXISTS attribution (
  document_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('insert', 'delete')),
  client BIGINT NOT NULL,
  clock BIGINT NOT NULL,
  len BIGINT NOT NULL,
  update_seq BIGINT NOT NULL,
  person_id TEXT,
  person_name TEXT,
  party TEXT,
  on_behalf_of TEXT,
  decided_by TEXT,
  decided_by_name TEXT,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attribution_document ON attribution (document_id, update_seq);`,
    },
  },
  {
    version: 14,
    name: 'the Yjs state of each document as imported',
    feature: 'documents',
    // The original's item ids tell which of its words a later change deleted. Documents imported before this
    // get it from their import's update when the log still holds it (not yet compacted), else stay without.
    sql: {
      sqlite: `
ALTER TABLE documents ADD COLUMN original_state BLOB;
UPDATE documents SET original_state = (
  SELECT u.data FROM audit a JOIN updates u ON u.seq = a.update_seq
  WHERE a.room = documents.id AND a.document_id = documents.id AND a.kind = 'import'
  ORDER BY a.seq DESC LIMIT 1
);`,
      postgres: `
ALTER TABLE documents ADD COLUMN original_state BYTEA;
UPDATE documents SET original_state = (
  SELECT u.data FROM audit a JOIN updates u ON u.seq = a.update_seq
  WHERE a.room = documents.id AND a.document_id = documents.id AND a.kind = 'import'
  ORDER BY a.seq DESC LIMIT 1
);`,
    },
  },
  {
    version: 15,
    name: 'notifications and who read them',
    feature: 'notifications',
    // One row per event, its JSON `body` saying whom it concerns and what happened; `party` set for a party
    // thread's (its members alone may read it). Read per person: one row per notification read, and a mark
    // "everything up to this seq is read". Both carry the document, so replacing it removes them.
    sql: {
      sqlite: `
CREATE TABLE notifications (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL,
  party TEXT,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX notifications_document ON notifications (document_id, seq);
CREATE TABLE notification_reads (
  document_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  notification_id TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (person_id, notification_id)
);
CREATE INDEX notification_reads_document ON notification_reads (document_id);
CREATE TABLE notification_read_marks (
  document_id TEXT NOT NULL,
  person_id TEXT PRIMARY KEY,
  up_to_seq INTEGER NOT NULL
);`,
      postgres: `
CREATE TABLE notifications (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL,
  party TEXT,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX notifications_document ON notifications (document_id, seq);
CREATE TABLE notification_reads (
  document_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  notification_id TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (person_id, notification_id)
);
CREATE INDEX notification_reads_document ON notification_reads (document_id);
CREATE TABLE notification_read_marks (
  document_id TEXT NOT NULL,
  person_id TEXT PRIMARY KEY,
  up_to_seq BIGINT NOT NULL
);`,
    },
  },
  {
    version: 16,
    name: 'party colours that differ in hue and lightness',
    feature: 'people',
    // D66 and CDA were two greens hard to tell apart (issue 14). Only parties that still have their former
    // default colour change: a colour a chair chose stays. The new ones are DEFAULT_PARTIES' (shared/auth).
    sql: portable(`
UPDATE parties SET color = '#237e12' WHERE short = 'D66' AND color = '#00a651';
UPDATE parties SET color = '#013f30' WHERE short = 'CDA' AND color = '#007b5f';
UPDATE parties SET color = '#994b02' WHERE short = 'VVD' AND color = '#1f4e9c';
UPDATE parties SET color = '#8d012a' WHERE short = 'GL-PvdA' AND color = '#c8102e';
UPDATE parties SET color = '#02255d' WHERE short = 'JA21' AND color = '#242b57';`),
  },
];

/** The version a database has once every migration ran. */
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** The migrations of one feature, for its entry in the feature list. */
export function migrationsOf(feature: Migration['feature']): Migration[] {
  return MIGRATIONS.filter((m) => m.feature === feature);
}
