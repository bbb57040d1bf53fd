import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL the tests use: the machine's (127.0.0.1:5432, trust auth, user postgres), reached through its
 * maintenance database to make and drop a database per test. AKKOORD_TEST_POSTGRES points elsewhere.
 */
export const POSTGRES_ADMIN_URL =
  process.env.AKKOORD_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const run = (command: string) => execSync(command, { stdio: 'inherit' });

/** The clusters Debian's postgresql-common knows, as "<version> <name>" lines. */
function clusters(): string[] {
  if (!fs.existsSync('/usr/bin/pg_lsclusters')) return [];
  return execSync('pg_lsclusters --no-header', { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '));
}

/**
 * Makes sure PostgreSQL answers on 127.0.0.1:5432 before any test: a stopped cluster is started; where none is
 * installed, Debian's `postgresql` is installed with apt-get (as root) and set to trust local connections, as
 * on the project's machines. Otherwise it stops with a sentence saying what to do: tests never skip silently.
 */
export async function ensurePostgres(): Promise<void> {
  if (await reachable()) return;
  if (process.env.AKKOORD_TEST_POSTGRES)
    throw new Error(`PostgreSQL op AKKOORD_TEST_POSTGRES (${POSTGRES_ADMIN_URL}) antwoordt niet.`);
  const root = process.getuid?.() === 0;
  if (clusters().length === 0) {
    if (!root)
      throw new Error(
        'PostgreSQL ontbreekt. Installeer het met: sudo apt-get update && sudo apt-get install -y postgresql',
      );
    console.log('PostgreSQL ontbreekt; installeren met apt-get (eenmalig)…');
    run('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql');
    if (clusters().length === 0) run(`pg_createcluster $(ls /etc/postgresql | sort -V | tail -1) main`);
  }
  const [version, name] = clusters()[0]!.split(' ');
  if (!root)
    throw new Error(`PostgreSQL antwoordt niet. Start het met: sudo pg_ctlcluster ${version} ${name} start`);
  // The project's machines trust local TCP connections of user postgres (no password in the URL); a cluster
  // just installed (here or by .ci/run) is set up the same way.
  const hba = `/etc/postgresql/${version}/${name}/pg_hba.conf`;
  const rules = fs.readFileSync(hba, 'utf8');
  if (!rules.includes('# akkoord tests'))
    fs.writeFileSync(hba, `# akkoord tests\nhost all postgres 127.0.0.1/32 trust\n${rules}`);
  console.log(`PostgreSQL ${version} ${name} starten…`);
  run(
    `pg_ctlcluster --skip-systemctl-redirect ${version} ${name} start || pg_ctlcluster ${version} ${name} reload`,
  );
  for (let i = 0; i < 50 && !(await reachable()); i++) await new Promise((r) => setTimeout(r, 200));
  if (!(await reachable())) throw new Error('PostgreSQL is gestart maar antwoordt niet op 127.0.0.1:5432.');
}

/** A database of its own for one test (or file), dropped again with `drop`. */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Makes a new, empty database with a unique name, through the maintenance connection. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `akkoord_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
