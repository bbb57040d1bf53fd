import type { ServerFeature } from '../feature.js';
import { migrationsOf } from '../storage/migrations.js';
import { diffRouter } from '../http/diff.js';
import { versionsRouter } from '../http/versions.js';
import { startDailyVersions } from './daily.js';

/**
 * Versions (named by the chair, and one kept at the start of each day after a day with changes), visits,
 * and the diff of any two texts. On start the daily versions are checked, then every minute.
 */
export const versionsFeature: ServerFeature = {
  name: 'versions',
  migrations: migrationsOf('versions'),
  routers: [versionsRouter, diffRouter],
  start: (ctx) => startDailyVersions(ctx),
};
