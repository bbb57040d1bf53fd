import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import { akkoord } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** A database with two documents and every feature's rows (see test/fixtures/make-main-database.ts). */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/main-before-migrations.sqlite');
const AGENDA = path.resolve('fixtures/agendas/smal-zonder-inleiding.txt');

/**
 * Tables with rows of a document that stay when it is replaced, and why. Any other table with a
 * `document_id` column must be emptied of the document: a new feature table either gets a
 * `removeDocument` in `storage.ts`'s `documentRows`, or a line here.
 */
const KEPT: Record<string, string> = {
  people: 'the same people negotiate the new text, with the same sign-in links',
  parties: 'the parties stay with their people',
  document_settings: 'the drafting mode is the chair’s setting for the table',
  sessions: 'the same people stay signed in',
  audit: 'the hash chain is append-only: its entries stay and still verify',
};

const dirs: string[] = [];
let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDirWithFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-replace-'));
  dirs.push(dir);
  fs.copyFileSync(FIXTURE, path.join(dir, 'akkoord.sqlite'));
  return dir;
}

/** Rows per table that belong to a document (by `document_id`, or through their thread). */
async function rowsOfDocument(dir: string, documentId: string): Promise<Record<string, number>> {
  const storage = openSqliteStorage(path.join(dir, 'akkoord.sqlite'));
  const { db } = storage.store;
  try {
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      const count = (sql: string, args = [documentId]) => (db.prepare(sql).get(...args) as { n: number }).n;
      if (columns.includes('document_id'))
        counts[table] = count(`SELECT COUNT(*) AS n FROM ${table} WHERE document_id = ?`);
      else if (table === 'comment_messages')
        counts[table] = count(
          'SELECT COUNT(*) AS n FROM comment_messages WHERE thread_id IN (SELECT id FROM comment_threads WHERE document_id = ?)',
        );
      else if (table === 'updates')
        counts[table] = count("SELECT COUNT(*) AS n FROM updates WHERE room = ? OR room LIKE ? || '/%'", [
          documentId,
          documentId,
        ]);
      else if (table === 'sessions')
        counts[table] = count(
          'SELECT COUNT(*) AS n FROM sessions WHERE person_id IN (SELECT id FROM people WHERE document_id = ?)',
        );
      else if (table === 'administrators')
        continue; // the instance's, of no document
      else if (table !== 'documents') throw new Error(`Table ${table}: how does a row belong to a document?`);
    }
    return counts;
  } finally {
    await storage.close();
  }
}

describe('replacing a document', () => {
  it('leaves none of the old document’s amendments, threads, positions, statuses, versions or visits', async () => {
    const dir = dataDirWithFixture();
    const before = await rowsOfDocument(dir, 'oud');
    for (const table of [
      'amendments',
      'amendment_positions',
      'measure_positions',
      'comment_threads',
      'versions',
    ])
      expect(before[table], table).toBeGreaterThan(0);
    const other = await rowsOfDocument(dir, 'ander');

    const result = akkoord(['import', AGENDA, '--id', 'oud', '--replace'], dir);
    // Warnings about the agenda itself ("Let op: …") are fine; nothing may have gone wrong.
    expect(result.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('Let op:'))).toEqual([]);
    expect(result.code).toBe(0);

    const after = await rowsOfDocument(dir, 'oud');
    for (const [table, n] of Object.entries(after)) {
      if (table === 'audit') expect(n, 'the old entries and the new import’s').toBe(before[table]! + 1);
      else if (table in KEPT) expect(n, table).toBe(before[table]);
      else if (table === 'updates') expect(n, 'the new text’s first update').toBe(1);
      else expect(n, table).toBe(0);
    }
    // The other document is as it was.
    expect(await rowsOfDocument(dir, 'ander')).toEqual(other);

    // The audit log still verifies: the old entries stay in the chain, their updates are gone.
    const verified = akkoord(['verify'], dir);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
  });

  it('shows the new text without the old amendments, threads, versions or changes through the API', async () => {
    const dir = dataDirWithFixture();
    expect(akkoord(['import', AGENDA, '--id', 'oud', '--replace'], dir).code).toBe(0);
    server = await startTestServer({ dir });
    const chair = await server.invite({ party: 'SEC', role: 'chair', documentId: 'oud' });
    const get = async (url: string) =>
      (await server!.api(chair.token, 'GET', `/api/documents/oud${url}`)).body;
    expect(await get('/amendments')).toEqual([]);
    expect(await get('/comments')).toEqual([]);
    expect(await get('/negotiation')).toMatchObject({ statuses: {}, positions: {} });
    expect((await get('/versions')).filter((v: any) => v.kind === 'named')).toEqual([]);
    // Measure m-1-1-1 exists in both texts: the old text's changes to it are not the new text's.
    expect(await get('/last-changes')).toEqual([]);
    expect(await get('/audit?measure=m-1-1-1')).toEqual([]);
    // A new amendment starts the numbering again.
    const draft = await server.api(chair.token, 'POST', '/api/documents/oud/amendments', {
      measure: 'm-1-1-1',
      kind: 'delete',
      rationale: 'Opnieuw.',
    });
    expect(draft.body.number).toBe('A-1');
  });
});
