import type { Feature } from '../app/feature.js';
import { NotificationsBell } from './Bell.js';
import './notifications.css';

/** Notifications (issue 14): "Meldingen" in the top bar, live. */
export const notificationsFeature: Feature = {
  id: 'notifications',
  Header: NotificationsBell,
};
