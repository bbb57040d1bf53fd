import { describe, expect, it } from 'vitest';
import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  Unauthenticated,
  errorOfRefusal,
  type DomainError,
} from '../../server/domain/errors.js';
import { httpAnswerOf } from '../../server/http/errors.js';
import { failureOf } from '../../server/cli/failure.js';
import { CliError } from '../../server/cli/args.js';
import { StorageError } from '../../server/storage/sqlite.js';

const kinds: [string, DomainError, number, number][] = [
  ['invalid', new Invalid('Geef een naam op.'), 400, 65],
  ['not signed in', new Unauthenticated('U bent niet aangemeld.'), 401, 77],
  ['forbidden', new Forbidden('observer', 'comment.write'), 403, 77],
  ['not found', new NotFound('amendment', 'Er is geen amendement "x".'), 404, 66],
  ['conflict', new Conflict('amendment accepted', 'Amendement A-1 is al aangenomen.'), 409, 73],
];

describe('domain errors at the HTTP edge', () => {
  it.each(kinds)('answers %s with its status and the sentence alone', (_name, err, status) => {
    expect(httpAnswerOf(err)).toEqual({ status, body: { error: err.message } });
  });

  it('answers a bug with 500 and a sentence that gives nothing away', () => {
    const answer = httpAnswerOf(new TypeError('x is undefined at /srv/akkoord/server/secret.ts:12'));
    expect(answer.status).toBe(500);
    expect(answer.body.error).not.toMatch(/secret|undefined/);
  });

  it("keeps express' own 4xx for a malformed body, with a sentence", () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token'), { status: 400 });
    expect(httpAnswerOf(parseError)).toEqual({
      status: 400,
      body: { error: 'Het verzoek is onleesbaar of te groot.' },
    });
  });
});

describe('domain errors at the command line', () => {
  it.each(kinds)('exits %s with its own non-zero code and the sentence', (_name, err, _status, code) => {
    expect(failureOf(err)).toEqual({ code, sentence: err.message });
  });

  it('gives every kind a different code, except the two ways of not being allowed', () => {
    const codes = kinds.map(([name, err]) => [name, failureOf(err).code] as const);
    expect(new Set(codes.map(([, code]) => code)).size).toBe(kinds.length - 1);
    expect(codes.every(([, code]) => code !== 0)).toBe(true);
  });

  it('treats a mistake on the command line as invalid input', () => {
    expect(failureOf(new CliError('Geef --doc op.'))).toEqual({ code: 65, sentence: 'Geef --doc op.' });
  });

  it('tells a damaged database (74) and a bug (70) apart', () => {
    expect(failureOf(new StorageError('De database is beschadigd.')).code).toBe(74);
    expect(failureOf(new Error('kapot'))).toEqual({ code: 70, sentence: 'Onverwachte fout: kapot' });
  });
});

describe('refusals of the shared rules', () => {
  it('become the domain error of their kind, keeping role, action and sentence', () => {
    const forbidden = errorOfRefusal({
      refused: true,
      kind: 'forbidden',
      role: 'negotiator',
      action: 'amendment.decide',
      reason: 'Nee.',
    });
    expect(forbidden).toBeInstanceOf(Forbidden);
    expect(forbidden).toMatchObject({ role: 'negotiator', action: 'amendment.decide', message: 'Nee.' });
    expect(
      errorOfRefusal({ refused: true, kind: 'conflict', conflictsWith: 'amendment accepted', reason: 'Al.' }),
    ).toBeInstanceOf(Conflict);
    expect(errorOfRefusal({ refused: true, kind: 'invalid', reason: 'Leeg.' })).toBeInstanceOf(Invalid);
  });

  it('say which role may not do which action when no sentence is given', () => {
    expect(new Forbidden('reviewer', 'version.create').message).toBe(
      'Uw rol (reviewer) mag dit niet doen: versies maken of terugzetten.',
    );
  });
});
