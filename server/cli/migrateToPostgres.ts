import fs from 'node:fs';
import path from 'node:path';
import { Conflict, NotFound } from '../domain/errors.js';
import { openSqliteStorage } from '../storage/sqlite.js';
import { openPostgresStorage, redactedUrl } from '../storage/postgres.js';
import { copySqliteToPostgres, NotEmptyError } from '../storage/postgres/copyFromSqlite.js';
import { databaseUrl } from '../storage/open.js';
import { CliError, option, type Args } from './args.js';

/** The key file beside a SQLite database (see `auth/tokens.ts`): its sign-in links keep working on PostgreSQL. */
const KEY_FILE = 'signing.key';

/**
 * `akkoord migrate-to-postgres <sqlite file> [--database-url postgres://…]`: copies every table of a SQLite
 * database (first brought to the current schema, as a start of the server would) into an empty PostgreSQL
 * database (DATABASE_URL when no --database-url), in one transaction, with the signing key of its data
 * folder, so every sign-in link keeps working; then checks the audit chain there.
 */
export async function migrateToPostgres(args: Args, out: (line: string) => void): Promise<void> {
  const file = args.positional[0];
  if (!file)
    throw new CliError('Geef het SQLite-bestand op dat naar PostgreSQL moet (bijv. data/akkoord.sqlite).');
  if (!fs.existsSync(file)) throw new NotFound('file', `${file} bestaat niet.`);
  const url = option(args, 'database-url') ?? databaseUrl();
  if (!url)
    throw new CliError('Geef de PostgreSQL-database op met --database-url postgres://… (of DATABASE_URL).');
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new CliError(
      '--database-url moet een PostgreSQL-adres zijn (postgres://gebruiker@host:5432/database).',
    );

  await openSqliteStorage(file).close();
  const storage = await openPostgresStorage(url);
  try {
    let report;
    try {
      report = await copySqliteToPostgres(file, storage.db);
    } catch (err) {
      if (err instanceof NotEmptyError) throw new Conflict('database', err.message);
      throw err;
    }
    const keyFile = path.join(path.dirname(path.resolve(file)), KEY_FILE);
    if (fs.existsSync(keyFile))
      await storage.db.query("UPDATE instance_secrets SET value = ? WHERE name = 'signing_key'", [
        fs.readFileSync(keyFile, 'utf8').trim(),
      ]);
    const problems = await storage.audit.verify();
    if (problems.length > 0)
      throw new CliError(
        `Gekopieerd, maar het auditlog klopt niet:\n  ${problems.slice(0, 20).join('\n  ')}`,
      );
    const rows = Object.values(report).reduce((a, b) => a + b, 0);
    out(
      `${rows} rijen uit ${Object.keys(report).length} tabellen gekopieerd naar ${redactedUrl(url)}` +
        `${fs.existsSync(keyFile) ? ', met de ondertekeningssleutel' : ''}; auditlog en opgeslagen wijzigingen kloppen.`,
    );
  } finally {
    await storage.close();
  }
}
