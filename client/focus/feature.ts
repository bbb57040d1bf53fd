import type { Feature } from '../app/feature.js';
import { FocusView } from './FocusView.js';
import { FocusToolbar } from './FocusToolbar.js';
import './focus.css';

/**
 * The focus view (issue 14): one measure with its amendments, positions, threads and the party's note, wide;
 * opened from the toolbar (the measure at the caret) or the amendments panel.
 */
export const focusFeature: Feature = { id: 'focus', Toolbar: FocusToolbar, Headless: FocusView };
