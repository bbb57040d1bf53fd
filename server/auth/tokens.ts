import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

/** The key file in the data directory; made on first start, readable by the owner only. */
const KEY_FILE = 'signing.key';
const ISSUER = 'akkoord';

/** Loads the signing key of this installation, creating it the first time. */
export function loadSigningKey(dataDir: string): Uint8Array {
  const file = path.join(dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    // 256 bits for HS256; written exclusively so two processes starting at once cannot overwrite each other.
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.byteLength < 32) throw new Error(`De sleutel in ${file} is beschadigd (te kort).`);
  return new Uint8Array(key);
}

/** Signs a personal sign-in token for a person; it carries no rights itself, the server looks them up. */
export async function signToken(key: Uint8Array, personId: string, expiresAt: Date | null): Promise<string> {
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(personId)
    .setIssuer(ISSUER)
    .setIssuedAt();
  if (expiresAt) jwt.setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
  return jwt.sign(key);
}

/** The person id of a valid token, or null for a missing, forged, malformed or expired one. */
export async function verifyToken(key: Uint8Array, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
