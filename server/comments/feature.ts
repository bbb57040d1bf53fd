import type { ServerFeature } from '../feature.js';
import { migrationsOf } from '../storage/migrations.js';
import { commentsRouter } from '../http/comments.js';
import { CommentService } from './service.js';

/**
 * Comment threads. On start the stored everyone-threads are mirrored into each document's meta room, so
 * browsers see what the database holds even after a crash between the two.
 */
export const commentsFeature: ServerFeature = {
  name: 'comments',
  migrations: migrationsOf('comments'),
  routers: [commentsRouter],
  async start(ctx) {
    const service = new CommentService(ctx);
    for (const doc of await ctx.store.listDocuments()) await service.mirrorAll(doc.id);
  },
};
