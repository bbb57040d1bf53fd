import type { PeopleRepository } from './repository.js';
import { invitePerson } from './invite.js';
import { SECRETARIAT } from '../../shared/auth/person.js';

/**
 * On a first start with nobody invited to a document, makes a secretariat chair and returns their sign-in
 * link, so a newcomer gets in at once. Returns null when the document already has people.
 */
export async function ensureFirstChair(
  people: PeopleRepository,
  key: Uint8Array,
  publicUrl: string,
  documentId: string,
): Promise<string | null> {
  await people.ensureDefaultParties(documentId);
  if ((await people.people(documentId)).length > 0) return null;
  const { url } = await invitePerson(people, key, publicUrl, {
    documentId,
    name: 'Voorzitter',
    party: SECRETARIAT,
    role: 'chair',
  });
  return url;
}
