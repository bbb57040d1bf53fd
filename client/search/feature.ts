import type { Feature } from '../app/feature.js';
import { SearchBox } from './SearchBox.js';
import { searchPlugin } from './plugin.js';
import './search.css';

/** Search (issue 14): "Zoeken" in the top bar and on Ctrl/Cmd+F, with the matches marked in the text. */
export const searchFeature: Feature = {
  id: 'search',
  Header: SearchBox,
  plugins: () => [searchPlugin()],
};
