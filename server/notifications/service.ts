/**
 * Notifications on the server: made from the domain's events (notificationOf), stored (the API lists them
 * with each person's read state) and mirrored live — into the meta room when everyone may read them, into
 * the party's own room when they are about a party thread.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { PersonRecord } from '../people/repository.js';
import type { DomainEvent } from '../domain/events.js';
import { writeRoom } from '../sync/serverWrite.js';
import { roomName } from '../../shared/protocol/rooms.js';
import {
  NOTIFICATIONS_MAP,
  ROOM_NOTIFICATIONS,
  reasonFor,
  type Notification,
  type PersonalNotification,
} from '../../shared/notifications/types.js';
import { notificationOf } from './build.js';

/** Listed at most per request: more than anyone reads in a bell's list. */
const LIST_LIMIT = 100;
/** Rows read to fill the list: others' mentions and replies are among them and filtered out. */
const SCAN_LIMIT = 500;

/** A person's notifications as the API lists them. */
export interface NotificationList {
  notifications: PersonalNotification[];
  unread: number;
}

/** Makes, keeps and lists notifications (the feature's `start` hands it the domain's events). */
export class NotificationsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get repository() {
    return this.ctx.notifications;
  }

  /** Makes the notification of an event, if it concerns anyone: stored, then mirrored into its room. */
  record(event: DomainEvent): void {
    const documentId = event.kind === 'drafting.changed' ? event.documentId : event.actor.documentId;
    const made = notificationOf(event, {
      parties: this.ctx.people.parties(documentId).map((p) => p.short),
      people: this.ctx.people
        .people(documentId)
        .filter((p) => !p.revokedAt)
        .map((p) => ({ id: p.id, name: p.name, party: p.party })),
    });
    if (!made) return;
    const notification: Notification = {
      ...made,
      id: `n-${randomUUID()}`,
      createdAt: this.now().toISOString(),
    };
    this.repository.insert(notification);
    const room =
      notification.party === null
        ? roomName({ kind: 'meta', documentId })
        : roomName({ kind: 'party', documentId, party: notification.party });
    writeRoom(this.ctx.rooms, room, event.actor.id, (doc) => {
      const map = doc.getMap<Notification>(NOTIFICATIONS_MAP);
      map.set(notification.id, notification);
      if (map.size <= ROOM_NOTIFICATIONS) return;
      const oldest = [...map.entries()].sort((a, b) => a[1].createdAt.localeCompare(b[1].createdAt));
      for (const [id] of oldest.slice(0, map.size - ROOM_NOTIFICATIONS)) map.delete(id);
    });
  }

  /** The person's notifications, newest first, with whether they read each, and how many they have not. */
  list(person: PersonRecord): NotificationList {
    const notifications: PersonalNotification[] = [];
    for (const { notification, read } of this.repository.latest(person.documentId, person, SCAN_LIMIT)) {
      const reason = reasonFor(notification, person);
      if (reason) notifications.push({ ...notification, reason, read });
      if (notifications.length >= LIST_LIMIT) break;
    }
    return { notifications, unread: notifications.filter((n) => !n.read).length };
  }

  /** Marks the given notifications read for the person, or all of them (`ids` null). */
  markRead(person: PersonRecord, ids: readonly string[] | null): NotificationList {
    this.repository.markRead(person.documentId, person.id, ids, this.now().toISOString());
    return this.list(person);
  }
}
