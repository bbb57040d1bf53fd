import type { NextFunction, Request, Response } from 'express';
import { can, type Action } from '../../shared/auth/roles.js';
import type { PersonRecord } from '../people/repository.js';
import { HttpError } from '../http/errors.js';
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

/** The signed-in person of a request, or a 401 with a sentence. */
export function personOf(req: Request): PersonRecord {
  const person = (req as WithPerson)[PERSON];
  if (!person)
    throw new HttpError(401, 'U bent niet aangemeld, of uw aanmeldlink is ingetrokken of verlopen.');
  return person;
}

/**
 * The signed-in person, if they belong to document `documentId` and their role allows `action`;
 * otherwise a 401 / 403 / 404 with a sentence.
 */
export function requireAction(
  req: Request,
  documentId: string,
  action: Action,
  drafting?: 'open' | 'closed',
): PersonRecord {
  const person = personOf(req);
  // Another document's people learn nothing, not even that this one exists.
  if (person.documentId !== documentId)
    throw new HttpError(404, `Er is geen document met id "${documentId}".`);
  if (!can(person.role, action, drafting)) {
    throw new HttpError(403, `Uw rol (${person.role}) mag dit niet doen.`);
  }
  return person;
}
