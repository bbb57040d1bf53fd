import type { ServerFeature } from '../feature.js';
import { migrationsOf } from '../storage/migrations.js';
import { apiRouter } from '../http/api.js';
import { NumberRegistry } from './numbering.js';

/**
 * Documents: their text and measures, the baseline, stable numbers, and who changed what (the audit trail).
 * On start, a document not numbered yet (made before numbers were stable) is numbered once, before anyone
 * reads it: loading its room runs the numbering hook.
 */
export const documentsFeature: ServerFeature = {
  name: 'documents',
  migrations: [...migrationsOf('documents'), ...migrationsOf('audit')],
  routers: [apiRouter],
  async start(ctx) {
    const registry = new NumberRegistry(ctx.numbers, ctx.audit);
    for (const doc of await ctx.store.listDocuments())
      if (!(await registry.isNumbered(doc.id))) await ctx.rooms.release(await ctx.rooms.open(doc.id));
  },
};
