import type { DocumentRows } from '../storage/storage.js';

/** A number given to a chapter, section or measure (by its id). */
export interface GivenNumber {
  id: string;
  number: string;
}

/**
 * Every number the server has given, per document and per import of it (`import --replace` starts a new
 * book: the audit sequence of that import), so a number never moves and is never given twice.
 */
export interface NumberStore extends DocumentRows {
  /** The numbers given in one import of a document. */
  given(documentId: string, importSeq: number): Promise<GivenNumber[]>;
  /** Whether that import has been numbered at all. */
  any(documentId: string, importSeq: number): Promise<boolean>;
  /** Remembers new numbers, all or none. */
  add(documentId: string, importSeq: number, entries: GivenNumber[], at: string): Promise<void>;
}
