import type { NextFunction, Request, Response } from 'express';
import { ADMIN, type Action, type InstanceAction } from '../../shared/auth/roles.js';
import type { PersonRecord } from '../people/repository.js';
import { Forbidden, permit, Unauthenticated } from '../domain/errors.js';
import { noDocument } from '../documents/lookup.js';
import { credentialOfRequest, type Authenticator } from './auth.js';
import { standingOf, type Account } from './account.js';

const ACCOUNT = Symbol('account');

type WithAccount = Request & { [ACCOUNT]?: Account | null };

/**
 * Express middleware: resolves the request's credential (bearer token or session cookie) to an account (or
 * none) once, for the handlers after it.
 */
export function authenticate(auth: Authenticator) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    await auth
      .identify(credentialOfRequest(req))
      .then((account) => {
        (req as WithAccount)[ACCOUNT] = account;
        next();
      })
      .catch(next);
  };
}

/** The signed-in account of a request (a person or an administrator), or `Unauthenticated` with a sentence. */
export function accountOf(req: Request): Account {
  const account = (req as WithAccount)[ACCOUNT];
  if (!account)
    throw new Unauthenticated('U bent niet aangemeld, of uw aanmeldlink is ingetrokken of verlopen.');
  return account;
}

/**
 * The signed-in person of a request, or `Unauthenticated`. An administrator is refused here (`Forbidden`):
 * every route about a document's content asks for a person, and an administrator takes part in none.
 */
export function personOf(req: Request, action: Action = 'read'): PersonRecord {
  const account = accountOf(req);
  if (account.kind === 'admin') throw new Forbidden(ADMIN, action);
  return account.person;
}

/**
 * The signed-in person, if they belong to document `documentId`; otherwise `Unauthenticated`, `Forbidden`
 * (an administrator) or `NotFound`. For routes whose permission a feature's own rules decide (the
 * amendment lifecycle).
 */
export function memberOf(req: Request, documentId: string): PersonRecord {
  const person = personOf(req);
  // Another document's people learn nothing, not even that this one exists.
  if (person.documentId !== documentId) throw noDocument(documentId);
  return person;
}

/**
 * The signed-in person, if they belong to document `documentId` and the role table lets their role do
 * `action`; otherwise `Unauthenticated`, `NotFound` or `Forbidden` (naming the role and the action).
 */
export function requireAction(
  req: Request,
  documentId: string,
  action: Action,
  drafting?: 'open' | 'closed',
): PersonRecord {
  const person = personOf(req, action);
  if (person.documentId !== documentId) throw noDocument(documentId);
  permit(person.role, action, drafting);
  return person;
}

/**
 * The signed-in account, if the role table lets it do an action on the instance (create a negotiation, read
 * an agenda file): in practice an administrator. Otherwise `Unauthenticated` or `Forbidden`.
 */
export function requireInstanceAction(req: Request, action: InstanceAction): Account {
  const account = accountOf(req);
  permit(standingOf(account), action);
  return account;
}
