import { ADMIN, type Standing } from '../../shared/auth/roles.js';
import type { PersonRecord } from '../people/repository.js';
import type { AdministratorRecord } from '../people/administrators.js';

/**
 * Who a credential signs in: a person of one document (in one party, with one role), or an administrator of
 * the instance (no document, no party). Every check that involves a document asks for the person; the
 * administrator has only the instance's actions (`InstanceAction` in shared/auth/roles.ts).
 */
export type Account =
  { kind: 'person'; person: PersonRecord } | { kind: 'admin'; admin: AdministratorRecord };

/** The id a token's subject and a session carry for this account. */
export function accountId(account: Account): string {
  return account.kind === 'person' ? account.person.id : account.admin.id;
}

/** The account's name, as others see it (presence, logs). */
export function accountName(account: Account): string {
  return account.kind === 'person' ? account.person.name : account.admin.name;
}

/** What the role table asks about an account: the person's role, or the administrator's standing. */
export function standingOf(account: Account): Standing {
  return account.kind === 'person' ? account.person.role : ADMIN;
}
