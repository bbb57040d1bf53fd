import type { NextFunction, Request, Response } from 'express';
import type { Action } from '../../shared/auth/roles.js';
import type { PersonRecord } from '../people/repository.js';
import { permit, Unauthenticated } from '../domain/errors.js';
import { noDocument } from '../documents/lookup.js';
import { credentialOfRequest, type Authenticator } from './auth.js';

const PERSON = Symbol('person');

type WithPerson = Request & { [PERSON]?: PersonRecord | null };

/**
 * Express middleware: resolves the request's credential (bearer token or session cookie) to a person (or
 * none) once, for the handlers after it.
 */
export function authenticate(auth: Authenticator) {
  return (req: Request, _res: Response, next: NextFunction) => {
    auth
      .identify(credentialOfRequest(req))
      .then((person) => {
        (req as WithPerson)[PERSON] = person;
        next();
      })
      .catch(next);
  };
}

/** The signed-in person of a request, or `Unauthenticated` with a sentence. */
export function personOf(req: Request): PersonRecord {
  const person = (req as WithPerson)[PERSON];
  if (!person)
    throw new Unauthenticated('U bent niet aangemeld, of uw aanmeldlink is ingetrokken of verlopen.');
  return person;
}

/**
 * The signed-in person, if they belong to document `documentId`; otherwise `Unauthenticated` or
 * `NotFound`. For routes whose permission a feature's own rules decide (the amendment lifecycle).
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
  const person = memberOf(req, documentId);
  permit(person.role, action, drafting);
  return person;
}
