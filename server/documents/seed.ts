import fs from 'node:fs';
import path from 'node:path';
import { parseAgenda } from '../../shared/agenda/parse.js';
import type { Store } from '../storage/store.js';
import { importAgenda } from './import.js';

/** The agenda every fresh Akkoord starts with, and the document id it gets. */
export const DEFAULT_AGENDA = { id: 'd66-cda', file: 'd66-cda-uitnodiging-2025.txt' } as const;

/**
 * Imports the D66–CDA agenda from `fixtures/` when the database does not have it yet. Returns what was
 * imported, or null when it was already there (a restart never re-seeds).
 */
export async function seedDefaultAgenda(
  store: Store,
  fixturesDir: string,
): Promise<{ id: string; title: string } | null> {
  if (await store.getDocument(DEFAULT_AGENDA.id)) return null;
  const agenda = parseAgenda(fs.readFileSync(path.join(fixturesDir, DEFAULT_AGENDA.file), 'utf8'));
  await importAgenda(store, { id: DEFAULT_AGENDA.id, agenda });
  return { id: DEFAULT_AGENDA.id, title: agenda.title };
}
