/**
 * The one place a failure of `npx akkoord` gets its exit code and its sentence. Codes follow BSD's
 * sysexits.h, so scripts can tell a wrong input from a missing document or a damaged database.
 */
import { DomainError, type DomainErrorKind } from '../domain/errors.js';
import { StorageError } from '../storage/sqlite.js';

/** Exit code per kind of domain error. */
export const EXIT_CODE: Readonly<Record<DomainErrorKind, number>> = {
  /** EX_DATAERR: the command line or the file given was wrong. */
  invalid: 65,
  /** EX_NOINPUT: the document, person, file or version asked for is not there. */
  'not-found': 66,
  /** EX_CANTCREAT: what would be made or changed is already there, or in the way. */
  conflict: 73,
  /** EX_NOPERM (the command line runs as the operator, so this is rare). */
  forbidden: 77,
  unauthenticated: 77,
  /** EX_DATAERR too: the file given was too large, of another kind, or unusable. */
  'too-large': 65,
  unsupported: 65,
  unprocessable: 65,
};

/** EX_IOERR: the database cannot be read as an Akkoord database. */
export const EXIT_STORAGE = 74;
/** EX_SOFTWARE: a bug; the sentence says so. */
export const EXIT_UNEXPECTED = 70;

/** What the command line tells the person for an error: one sentence and the exit code. */
export function failureOf(err: unknown): { code: number; sentence: string } {
  if (err instanceof DomainError) return { code: EXIT_CODE[err.kind], sentence: err.message };
  if (err instanceof StorageError) return { code: EXIT_STORAGE, sentence: err.message };
  return { code: EXIT_UNEXPECTED, sentence: `Onverwachte fout: ${(err as Error | null)?.message ?? err}` };
}
