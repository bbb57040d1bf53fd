import type { ServerFeature } from '../feature.js';
import { migrationsOf } from '../storage/migrations.js';
import { notificationsRouter } from '../http/notifications.js';
import { NotificationsService } from './service.js';

/**
 * Notifications ("Meldingen"): while the server runs, every domain event (`ctx.events`) that concerns someone
 * becomes a stored notification, mirrored live into the meta room or the party's own room.
 */
export const notificationsFeature: ServerFeature = {
  name: 'notifications',
  migrations: migrationsOf('notifications'),
  routers: [notificationsRouter],
  start(ctx) {
    const service = new NotificationsService(ctx);
    return ctx.events.on((event) => service.record(event));
  },
};
