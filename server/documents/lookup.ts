import { NotFound } from '../domain/errors.js';
import type { DocumentRecord, Store } from '../storage/store.js';

/** The one sentence for a document that is not there (or not the person's to know of). */
export function noDocument(id: string): NotFound {
  return new NotFound('document', `Er is geen document met id "${id}".`);
}

/**
 * The stored document of that id, or `NotFound`. Ask it after the person's access to `id` is checked:
 * before, it would tell strangers which document ids exist.
 */
export async function documentOrNotFound(
  store: Pick<Store, 'getDocument'>,
  id: string,
): Promise<DocumentRecord> {
  const doc = await store.getDocument(id);
  if (!doc) throw noDocument(id);
  return doc;
}
