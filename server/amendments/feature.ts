import type { ServerFeature } from '../feature.js';
import { amendmentsRouter } from '../http/amendments.js';

/** Amendments, positions on amendments and measures, and the measures' negotiation status. */
export const amendmentsFeature: ServerFeature = {
  name: 'amendments',
  routers: [amendmentsRouter],
};
