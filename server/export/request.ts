/**
 * What a person asks to export, as the HTTP query and the command line spell it, checked once here so
 * both refuse the same mistakes with the same sentence.
 */
import { Invalid } from '../domain/errors.js';
import type { ExportFormat, IncludeOptions } from './types.js';

/** The format names of the API and the command line, and the exporter each one means. */
export const REQUEST_FORMATS: Readonly<Record<string, ExportFormat>> = {
  docx: 'docx',
  md: 'markdown',
  html: 'html',
  json: 'json',
  csv: 'amendments-csv',
  'amendments-docx': 'amendments-docx',
};

/** The format names for people, in the order the error sentence lists them. */
export const REQUEST_FORMAT_NAMES = Object.keys(REQUEST_FORMATS);

/** The formats that can be numbered consecutively: the texts to read. */
const READING_FORMATS: ReadonlySet<ExportFormat> = new Set(['docx', 'markdown', 'html']);

/** The version name meaning "the text as it is now". */
export const LIVE = 'live';

/** A checked export request. */
export interface ExportRequest {
  format: ExportFormat;
  /** `live`, or the id of a named version. */
  version: string;
  changes: 'marked' | 'clean';
  language: 'nl' | 'en';
  include: IncludeOptions;
  /** Shared comment threads as Word comments (DOCX); the JSON export always carries them. */
  comments: boolean;
  /**
   * `stable`: the numbers of the negotiation; `final`: numbered consecutively ("definitieve nummering"),
   * for a clean DOCX, Markdown or HTML export only.
   */
  numbering: 'stable' | 'final';
}

/** A request that cannot be understood; its message is one sentence for the person (an `Invalid`). */
export class ExportRequestError extends Invalid {
  override name = 'ExportRequestError';
}

/** The raw options: query parameters or command line options, absent when not given. */
export type RawExportOptions = Partial<
  Record<'format' | 'version' | 'changes' | 'lang' | 'parked' | 'disputed' | 'comments' | 'numbering', string>
>;

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new ExportRequestError(`De optie ${name} moet 0 of 1 zijn, niet "${value}".`);
}

/**
 * Checks the options of an export. Defaults: live text, changes marked, Dutch labels, parked and
 * disputed measures kept, no comments. Throws `ExportRequestError` with one sentence otherwise.
 */
export function parseExportRequest(raw: RawExportOptions): ExportRequest {
  const name = raw.format;
  if (name === undefined || name === '')
    throw new ExportRequestError(`Kies een exportformaat met format: ${REQUEST_FORMAT_NAMES.join(', ')}.`);
  const format = Object.hasOwn(REQUEST_FORMATS, name) ? REQUEST_FORMATS[name] : undefined;
  if (!format)
    throw new ExportRequestError(
      `Onbekend exportformaat "${name}"; kies uit ${REQUEST_FORMAT_NAMES.join(', ')}.`,
    );
  const changes = raw.changes || 'marked';
  if (changes !== 'marked' && changes !== 'clean')
    throw new ExportRequestError(`De optie changes moet marked of clean zijn, niet "${changes}".`);
  const language = raw.lang || 'nl';
  if (language !== 'nl' && language !== 'en')
    throw new ExportRequestError(`De optie lang moet nl of en zijn, niet "${language}".`);
  const numbering = raw.numbering || 'stable';
  if (numbering !== 'stable' && numbering !== 'final')
    throw new ExportRequestError(`De optie numbering moet stable of final zijn, niet "${numbering}".`);
  if (numbering === 'final' && (changes !== 'clean' || !READING_FORMATS.has(format)))
    throw new ExportRequestError(
      'Definitieve nummering kan alleen bij een schone export naar Word, Markdown of HTML.',
    );
  const version = raw.version || LIVE;
  // Version ids appear in file names and SQL parameters only, but a sane length keeps junk out early.
  if (version.length > 200) throw new ExportRequestError('Deze versie-id is te lang.');
  return {
    format,
    version,
    changes,
    language,
    include: { parked: flag('parked', raw.parked, true), disputed: flag('disputed', raw.disputed, true) },
    comments: flag('comments', raw.comments, false),
    numbering,
  };
}
