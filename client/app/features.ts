import type { Feature } from './feature.js';
import { peopleFeature } from '../people/feature.js';
import { exportFeature } from '../export/feature.js';
import { notesFeature } from '../notes/feature.js';
import { lastChangeFeature } from '../lastChange/feature.js';
import { diffFeature } from '../diff/feature.js';
import { amendmentsFeatures } from '../amendments/feature.js';
import { commentsFeature } from '../comments/feature.js';

/**
 * The features of the document page, in the order of their tabs, one line each. The registry imports the
 * features; the features import only the `Feature` type (client/app/feature.ts), never this list.
 */
export const FEATURES: Feature[] = [
  exportFeature,
  ...amendmentsFeatures,
  diffFeature,
  notesFeature,
  lastChangeFeature,
  peopleFeature,
  commentsFeature,
];
