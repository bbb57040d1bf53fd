import type { ServerFeature } from '../feature.js';
import { migrationsOf } from '../storage/migrations.js';
import { amendmentsRouter } from '../http/amendments.js';

/** Amendments, positions on amendments and measures, and the measures' negotiation status. */
export const amendmentsFeature: ServerFeature = {
  name: 'amendments',
  migrations: migrationsOf('amendments'),
  routers: [amendmentsRouter],
};
