import type { Storage } from '../storage/storage.js';
import { loadSigningKey } from './tokens.js';

/** AKKOORD_SECRET needs at least this many characters: 256 bits for HS256. */
const MIN_SECRET_LENGTH = 32;

/**
 * The key this instance signs sign-in tokens with: AKKOORD_SECRET when set (the same on every instance), else
 * the database's own (PostgreSQL keeps one, made by the first instance), else the key file in the data folder
 * (SQLite). Every instance on one database thus signs alike, and a link made on one signs in on all.
 */
export function instanceKey(
  storage: Pick<Storage, 'signingKey'>,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Uint8Array {
  const secret = env.AKKOORD_SECRET;
  if (secret !== undefined && secret !== '') {
    if (secret.length < MIN_SECRET_LENGTH)
      throw new RangeError(`AKKOORD_SECRET is te kort: gebruik minstens ${MIN_SECRET_LENGTH} tekens.`);
    return new Uint8Array(Buffer.from(secret, 'utf8'));
  }
  return storage.signingKey ?? loadSigningKey(dataDir);
}
