import type { Role } from '../../shared/auth/roles.js';
import { Invalid } from '../domain/errors.js';
import { signToken } from '../auth/tokens.js';
import type { PeopleRepository, PersonRecord } from './repository.js';
import { SECRETARIAT } from '../../shared/auth/person.js';

/** A sign-in link carries the token in the fragment, which browsers never send to servers or logs. */
export function signInUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/signin#token=${encodeURIComponent(token)}`;
}

/** Thrown for an invitation that cannot be made, with a sentence saying why (an `Invalid` of the domain). */
export class InviteError extends Invalid {
  override name = 'InviteError';
}

/**
 * Invites a person: stores them in their party with their role and signs their personal token. The party
 * must exist in the document; `expiresInDays` ends the link after that many days.
 */
export async function invitePerson(
  people: PeopleRepository,
  key: Uint8Array,
  publicUrl: string,
  input: { documentId: string; name: string; party: string; role: Role; expiresInDays?: number | null },
): Promise<{ person: PersonRecord; token: string; url: string }> {
  const name = input.name.trim();
  if (!name || name.length > 80) throw new InviteError('Geef een naam op van hoogstens 80 tekens.');
  if (!(await people.party(input.documentId, input.party))) {
    const known = (await people.parties(input.documentId)).map((p) => p.short).join(', ');
    throw new InviteError(`Partij "${input.party}" bestaat niet in dit document (wel: ${known}).`);
  }
  if (input.role === 'chair' && input.party !== SECRETARIAT) {
    throw new InviteError(`Een voorzitter hoort bij het secretariaat (${SECRETARIAT}).`);
  }
  const days = input.expiresInDays ?? null;
  if (days !== null && (!Number.isFinite(days) || days <= 0 || days > 3650)) {
    throw new InviteError('De geldigheid moet tussen 1 en 3650 dagen liggen.');
  }
  const expiresAt = days === null ? null : new Date(Date.now() + days * 24 * 3600 * 1000);
  const person = await people.invite({
    documentId: input.documentId,
    name,
    party: input.party,
    role: input.role,
    expiresAt,
  });
  const token = await signToken(key, person.id, expiresAt);
  return { person, token, url: signInUrl(publicUrl, token) };
}
