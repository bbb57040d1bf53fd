// First: configures zod before any module of this chunk makes a schema (see noEval.ts); the outline and the
// features load as chunks of their own, and either may come first.
import './noEval.js';
import type { ComponentType } from 'react';
import type { Plugin } from 'prosemirror-state';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { Me } from './session.js';
import { peopleFeature } from '../people/feature.js';
import { exportFeature } from '../export/feature.js';
import { notesFeature } from '../notes/feature.js';
import { lastChangeFeature } from '../lastChange/feature.js';
import { diffFeature } from '../diff/feature.js';
import { amendmentsFeatures } from '../amendments/feature.js';
import { commentsFeature } from '../comments/feature.js';
import { searchFeature } from '../search/feature.js';
import { notificationsFeature } from '../notifications/feature.js';
import { a11yFeature } from '../a11y/feature.js';

/**
 * A feature of the document page. Each lives in its own folder under client/ and is listed once in
 * FEATURES below; the page gives it a tab in the side panel, a place in the toolbar, and editor plugins.
 */
export interface Feature {
  id: string;
  /** The side panel tab's label. */
  label?: MessageKey;
  /** Rendered in the side panel when its tab is chosen; reads useDocument(). */
  Panel?: ComponentType;
  /** Rendered in the toolbar above the text. */
  Toolbar?: ComponentType;
  /** Rendered in the top bar, beside the menu: tools wanted from anywhere (search, notifications). */
  Header?: ComponentType;
  /** Rendered out of sight: features that only load or tell (data into the editor, live announcements). */
  Headless?: ComponentType;
  /** Whether the signed-in person sees this feature at all (the server refuses what a role may not do). */
  visible?: (me: Me) => boolean;
  /** Editor plugins (decorations, commands); made once when the editor is made. */
  plugins?: () => Plugin[];
}

/** The features, in the order of their tabs. One line each. */
export const FEATURES: Feature[] = [
  // features: one entry per line, e.g. diffFeature, amendmentsFeature, commentsFeature, exportFeature
  exportFeature,
  ...amendmentsFeatures,
  diffFeature,
  notesFeature,
  lastChangeFeature,
  peopleFeature,
  commentsFeature,
  searchFeature,
  notificationsFeature,
  a11yFeature,
];
