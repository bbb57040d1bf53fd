import type { ServerFeature } from '../feature.js';
import { negotiationsRouter } from '../http/negotiations.js';

/**
 * Negotiations: the instance's administrators create them from a checked agenda and appoint their chairs
 * (the administrators' table is the people feature's).
 */
export const negotiationsFeature: ServerFeature = {
  name: 'negotiations',
  routers: [negotiationsRouter],
};
