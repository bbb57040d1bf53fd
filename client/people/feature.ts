import type { Feature } from '../app/feature.js';
import { PeoplePanel } from './PeoplePanel.js';

/** The chair's people and drafting panel (the server refuses these calls for anyone else). */
export const peopleFeature: Feature = {
  id: 'people',
  label: 'peopleTab',
  Panel: PeoplePanel,
  visible: (me) => me.person.role === 'chair',
};
