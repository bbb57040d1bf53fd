import { signToken } from '../auth/tokens.js';
import type { AdministratorRecord, AdministratorRepository } from './administrators.js';
import { InviteError, signInUrl } from './invite.js';

/**
 * Makes an administrator of the instance and signs their personal token (no end date: the link stays
 * theirs until revoked). The link signs in like a person's, at `/signin#token=…`.
 */
export async function appointAdministrator(
  administrators: AdministratorRepository,
  key: Uint8Array,
  publicUrl: string,
  name: string,
): Promise<{ admin: AdministratorRecord; token: string; url: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 80) throw new InviteError('Geef een naam op van hoogstens 80 tekens.');
  const admin = await administrators.add(trimmed);
  const token = await signToken(key, admin.id, null);
  return { admin, token, url: signInUrl(publicUrl, token) };
}

/**
 * On a start with no administrator yet (the first start, or the first after the role existed), makes one
 * and returns their sign-in link; null when there is one already.
 */
export async function ensureFirstAdministrator(
  administrators: AdministratorRepository,
  key: Uint8Array,
  publicUrl: string,
): Promise<string | null> {
  if ((await administrators.administrators()).length > 0) return null;
  return (await appointAdministrator(administrators, key, publicUrl, 'Beheerder')).url;
}
