import type { Feature } from '../app/feature.js';
import { lastChangePlugin } from './plugin.js';
import { LastChangeLoader } from './LastChangeLoader.js';

/** "Last changed by … on …" on every measure, from the audit trail. */
export const lastChangeFeature: Feature = {
  id: 'lastChange',
  Headless: LastChangeLoader,
  plugins: () => [lastChangePlugin()],
};
