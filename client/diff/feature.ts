import type { Feature } from '../app/feature.js';
import { ComparePanel } from './ComparePanel.js';
import { diffPlugin } from './plugin.js';
import { DiffToolbar } from './Toolbar.js';
import './diff.css';

/** What changed: the inline changes switch, the compare view and versions (issue 6). */
export const diffFeature: Feature = {
  id: 'diff',
  label: 'diffCompareTab',
  Panel: ComparePanel,
  Toolbar: DiffToolbar,
  plugins: () => [diffPlugin()],
};
