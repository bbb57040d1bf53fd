import type { Feature } from '../app/feature.js';
import { Announcer } from './Announcer.js';
import './a11y.css';

/** What assistive technology needs beyond each feature's own labels: announcements of others' changes. */
export const a11yFeature: Feature = {
  id: 'a11y',
  Headless: Announcer,
};
