import type { Feature } from '../app/feature.js';
import { SuggestToolbar } from './SuggestToolbar.js';
import { suggestPlugin } from './plugin.js';
import './suggest.css';

/**
 * Suggesting mode and proposals in the text (issue 12): "Voorstellen" turns typing into the party's draft
 * amendment, shown inline as track changes; "Voorstellen tonen" shows submitted amendments inline.
 */
export const suggestFeature: Feature = {
  id: 'suggest',
  Toolbar: SuggestToolbar,
  plugins: () => [suggestPlugin()],
};
