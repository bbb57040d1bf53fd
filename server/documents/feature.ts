import type { ServerFeature } from '../feature.js';
import { migrationsOf } from '../storage/migrations.js';
import { apiRouter } from '../http/api.js';

/** Documents: their text and measures, the baseline, and who changed what (the audit trail). */
export const documentsFeature: ServerFeature = {
  name: 'documents',
  migrations: [...migrationsOf('documents'), ...migrationsOf('audit')],
  routers: [apiRouter],
};
