import type { ComponentType } from 'react';
import type { Plugin } from 'prosemirror-state';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { Me } from './session.js';

/**
 * A feature of the document page. Each lives in its own folder under client/ (its `feature.ts` exports one)
 * and is listed once in `FEATURES` (client/app/features.ts); the page gives it a tab in the side panel, a
 * place in the toolbar, and editor plugins.
 */
export interface Feature {
  id: string;
  /** The side panel tab's label. */
  label?: MessageKey;
  /** Rendered in the side panel when its tab is chosen; reads useDocument(). */
  Panel?: ComponentType;
  /** Rendered in the toolbar above the text. */
  Toolbar?: ComponentType;
  /** Whether the signed-in person sees this feature at all (the server refuses what a role may not do). */
  visible?: (me: Me) => boolean;
  /** Editor plugins (decorations, commands); made once when the editor is made. */
  plugins?: () => Plugin[];
}
