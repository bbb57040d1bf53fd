import type { ServerFeature } from '../feature.js';
import { migrationsOf } from '../storage/migrations.js';

/**
 * Authorship per run of text: the attribution index (who inserted and who deleted each run of the text
 * rooms' Yjs items), written by the store with every update. The diff API, the marked Word export and the
 * last changes read it (`diff.ts`, `lastChanges.ts`).
 */
export const authorshipFeature: ServerFeature = {
  name: 'authorship',
  migrations: migrationsOf('authorship'),
};
