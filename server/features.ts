import type { ServerFeature } from './feature.js';
import { documentsFeature } from './documents/feature.js';
import { peopleFeature } from './people/feature.js';
import { amendmentsFeature } from './amendments/feature.js';
import { commentsFeature } from './comments/feature.js';
import { versionsFeature } from './versions/feature.js';
import { exportFeature } from './export/feature.js';
import { importsFeature } from './import/feature.js';
import { negotiationsFeature } from './negotiations/feature.js';
import { authorshipFeature } from './authorship/feature.js';
import { searchFeature } from './search/feature.js';
import { notificationsFeature } from './notifications/feature.js';

/**
 * The server's features, in the order their routers are mounted and they are started (and the reverse of
 * the order they are stopped). One line each; a new feature is a folder with a `feature.ts` and a line here.
 */
export const SERVER_FEATURES: readonly ServerFeature[] = [
  peopleFeature,
  documentsFeature,
  authorshipFeature,
  amendmentsFeature,
  commentsFeature,
  exportFeature,
  versionsFeature,
  importsFeature,
  negotiationsFeature,
  searchFeature,
  notificationsFeature,
];
