import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { api } from '../app/session.js';
import {
  NOTIFICATIONS_MAP,
  reasonFor,
  type Notification,
  type PersonalNotification,
} from '../../shared/notifications/types.js';

interface Listed {
  notifications: PersonalNotification[];
  unread: number;
}

const byNewest = (a: PersonalNotification, b: PersonalNotification) => b.createdAt.localeCompare(a.createdAt);

/** The person's notifications: listed by the API, then live. */
export interface NotificationsState {
  items: PersonalNotification[];
  unread: number;
  /** A notification that arrived live since the page opened (for the live region), or null. */
  latest: PersonalNotification | null;
  error: string | null;
  markRead(ids: string[] | null): void;
}

/**
 * The person's notifications: the API's list (with what they read), and every new one live — shared ones
 * from the meta room, their party's own from their party room — filtered with the same rule as the server.
 */
export function useNotifications(
  documentId: string,
  personId: string,
  party: string,
  rooms: (Y.Doc | null)[],
): NotificationsState {
  const [items, setItems] = useState<Map<string, PersonalNotification>>(new Map());
  const [latest, setLatest] = useState<PersonalNotification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef(false);
  const base = `/api/documents/${encodeURIComponent(documentId)}/notifications`;

  const take = useCallback((listed: Listed) => {
    setItems((prev) => {
      const next = new Map(prev);
      for (const n of listed.notifications) next.set(n.id, n);
      return next;
    });
  }, []);

  useEffect(() => {
    let live = true;
    api<Listed>('GET', base)
      .then((listed) => {
        if (!live) return;
        loaded.current = true;
        take(listed);
      })
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [base, take]);

  const [metaDoc, partyDoc] = rooms;
  useEffect(() => {
    const docs = [metaDoc, partyDoc].filter((d): d is Y.Doc => d !== null && d !== undefined);
    const stops = docs.map((doc) => {
      const map = doc.getMap<Notification>(NOTIFICATIONS_MAP);
      const update = (event?: Y.YMapEvent<Notification>) => {
        const added: PersonalNotification[] = [];
        const keys = event ? [...event.keysChanged] : [...map.keys()];
        for (const key of keys) {
          const n = map.get(key);
          if (!n) continue;
          const reason = reasonFor(n, { id: personId, party });
          if (reason) added.push({ ...n, reason, read: false });
        }
        if (added.length === 0) return;
        setItems((prev) => {
          const next = new Map(prev);
          for (const n of added) if (!next.has(n.id)) next.set(n.id, n);
          return next;
        });
        // Only what arrives while the page is open is news to announce.
        if (event && loaded.current) setLatest(added.sort(byNewest)[0]!);
      };
      update();
      map.observe(update);
      return () => map.unobserve(update);
    });
    return () => stops.forEach((stop) => stop());
  }, [metaDoc, partyDoc, personId, party]);

  const markRead = useCallback(
    (ids: string[] | null) => {
      setItems((prev) => {
        const next = new Map(prev);
        for (const [id, n] of next) if (ids === null || ids.includes(id)) next.set(id, { ...n, read: true });
        return next;
      });
      api<Listed>('POST', `${base}/read`, ids === null ? {} : { ids }).catch((err: Error) =>
        setError(err.message),
      );
    },
    [base],
  );

  const list = [...items.values()].sort(byNewest);
  return { items: list, unread: list.filter((n) => !n.read).length, latest, error, markRead };
}
