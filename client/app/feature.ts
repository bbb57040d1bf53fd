import type { ComponentType } from 'react';
import type { Plugin } from 'prosemirror-state';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { Me } from './session.js';

/**
 * A feature of the document page. Each lives in its own folder under client/ (its `feature.ts` exports one)
 * and is listed once in `FEATURES` (client/app/features.ts); the page gives it a tab in the side panel, a
 * place in the toolbar or the top bar, a headless slot, and editor plugins.
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
  /** Editor plugins (decorations, commands); added to the editor once the features have loaded. */
  plugins?: () => Plugin[];
}
