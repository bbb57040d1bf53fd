import type { ServerFeature } from '../feature.js';
import { searchRouter } from '../http/search.js';

/** Search (`GET /documents/:id/search?q=`) over what a person may see; no tables of its own. */
export const searchFeature: ServerFeature = {
  name: 'search',
  routers: [searchRouter],
};
