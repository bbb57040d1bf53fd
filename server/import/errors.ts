/**
 * Why a file could not be imported, as the domain says it: one Dutch sentence for a person (what is wrong and
 * what to try) and a kind that the edges map to an HTTP status or an exit code.
 */
export type ImportErrorKind =
  'too-large' | 'unsupported' | 'unreadable' | 'encrypted' | 'no-text' | 'no-structure';

/** A file that cannot become an agenda. */
export class ImportError extends Error {
  override name = 'ImportError';

  constructor(
    readonly kind: ImportErrorKind,
    message: string,
  ) {
    super(message);
  }
}
