import type pg from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * The instance's signing key in the database, so a sign-in link made on one instance signs in on every one.
 * Made once, by the first instance to start (under the migration lock); `instance_secrets` is PostgreSQL's
 * alone (SQLite keeps the key in its data folder) and so is made here, not in the migrations list.
 */
export async function signingKeyOf(client: pg.PoolClient): Promise<Uint8Array> {
  await client.query(
    'CREATE TABLE IF NOT EXISTS instance_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL)',
  );
  await client.query(
    "INSERT INTO instance_secrets (name, value) VALUES ('signing_key', $1) ON CONFLICT (name) DO NOTHING",
    [randomBytes(32).toString('base64')],
  );
  const row = (
    await client.query<{ value: string }>("SELECT value FROM instance_secrets WHERE name = 'signing_key'")
  ).rows[0]!;
  const key = Buffer.from(row.value, 'base64');
  if (key.byteLength < 32)
    throw new Error('De ondertekeningssleutel in de database is beschadigd (te kort).');
  return new Uint8Array(key);
}
