// First: configures zod before any module of this chunk makes a schema (see noEval.ts); the outline and the
// features load as chunks of their own, and either may come first.
import './noEval.js';
import type { Feature } from './feature.js';
import { peopleFeature } from '../people/feature.js';
import { exportFeature } from '../export/feature.js';
import { notesFeature } from '../notes/feature.js';
import { lastChangeFeature } from '../lastChange/feature.js';
import { diffFeature } from '../diff/feature.js';
import { amendmentsFeatures } from '../amendments/feature.js';
import { commentsFeature } from '../comments/feature.js';
import { suggestFeature } from '../suggest/feature.js';
import { searchFeature } from '../search/feature.js';
import { notificationsFeature } from '../notifications/feature.js';
import { a11yFeature } from '../a11y/feature.js';
import { focusFeature } from '../focus/feature.js';

/**
 * The features of the document page, in the order of their tabs, one line each. The registry imports the
 * features; the features import only the `Feature` type (client/app/feature.ts), never this list.
 */
export const FEATURES: Feature[] = [
  exportFeature,
  ...amendmentsFeatures,
  suggestFeature,
  diffFeature,
  notesFeature,
  lastChangeFeature,
  peopleFeature,
  commentsFeature,
  searchFeature,
  notificationsFeature,
  a11yFeature,
  focusFeature,
];
