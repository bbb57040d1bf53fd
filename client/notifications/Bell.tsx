import { useEffect, useMemo, useRef, useState } from 'react';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { useRoom } from '../app/useRoom.js';
import { outlineOf } from '../app/outline.js';
import { jumpTo } from '../app/Outline.js';
import { caretInto } from '../app/layout/navigate.js';
import { roomName } from '../../shared/protocol/rooms.js';
import { dutchMoment } from '../../shared/i18n/dates.js';
import type { PersonalNotification } from '../../shared/notifications/types.js';
import { useNotifications } from './useNotifications.js';
import { BellIcon } from '../app/icons.js';
import { describeNotification } from './describe.js';

/**
 * "Meldingen": a bell in the top bar with the number of unread notifications, and their list — mentions,
 * replies, positions and decisions on the party's amendments, drafting opened or closed. New ones are
 * announced to screen readers; choosing one marks it read and brings its measure into view.
 */
export function NotificationsBell() {
  const { t } = useI18n();
  const { documentId, me, meta, state, view, openPanel } = useDocument();
  const { handle: partyRoom } = useRoom(roomName({ kind: 'party', documentId, party: me.person.party }));
  const rooms = useMemo(() => [meta?.doc ?? null, partyRoom?.doc ?? null], [meta, partyRoom]);
  const { items, unread, latest, error, markRead } = useNotifications(
    documentId,
    me.person.id,
    me.person.party,
    rooms,
  );
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  // Measure numbers as the outline shows them, worked out only when a sentence needs one.
  const doc = state?.doc;
  const numberOf = useMemo(() => {
    let map: Map<string, string> | null = null;
    return (id: string) => {
      if (!map) {
        map = new Map();
        if (doc) for (const e of outlineOf(doc)) if (e.level === 'measure') map.set(e.id, e.number);
      }
      return map.get(id) ?? null;
    };
  }, [doc]);
  const person = { id: me.person.id, party: me.person.party };
  const describe = (n: PersonalNotification) => describeNotification(n, person, t, numberOf);

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('button, [tabindex]')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const choose = (n: PersonalNotification) => {
    if (!n.read) markRead([n.id]);
    const subject = n.subject;
    if (subject.kind === 'drafting' || !subject.measureId || !view) return;
    jumpTo(subject.measureId);
    caretInto(view, subject.measureId);
    openPanel(subject.kind === 'comment' ? 'comments' : 'amendments');
    setOpen(false);
  };

  return (
    <div className="notifications">
      <button
        type="button"
        className="bell"
        ref={toggle}
        aria-expanded={open}
        aria-controls="notifications-panel"
        onClick={() => (open ? close() : setOpen(true))}
      >
        <BellIcon />
        <span className="bell-label">{t('notificationsLabel')}</span>
        {unread > 0 && (
          <>
            {' '}
            <span className="bell-count">{unread}</span>
            <span className="sr-only"> {t('notificationsUnreadSuffix')}</span>
          </>
        )}
      </button>
      <span className="sr-only" role="status">
        {latest ? t('notificationsNew', { text: describe(latest) }) : ''}
      </span>
      {open && (
        <div
          id="notifications-panel"
          className="notifications-panel"
          role="dialog"
          aria-label={t('notificationsLabel')}
          ref={panel}
          onKeyDown={(e) => e.key === 'Escape' && close()}
        >
          <div className="notifications-head">
            <h2>{t('notificationsLabel')}</h2>
            <button type="button" disabled={unread === 0} onClick={() => markRead(null)}>
              {t('notificationsAllRead')}
            </button>
            <button type="button" onClick={close}>
              {t('notificationsClose')}
            </button>
          </div>
          {error && <p className="error">{t('notificationsLoadFailed', { error })}</p>}
          {items.length === 0 ? (
            <p className="muted">{t('notificationsNone')}</p>
          ) : (
            <ul className="notifications-list">
              {items.map((n) => (
                <li key={n.id} className={n.read ? 'notification read' : 'notification unread'}>
                  <button type="button" onClick={() => choose(n)}>
                    {!n.read && <span className="sr-only">{t('notificationsUnreadMark')}: </span>}
                    <span className="notification-text">{describe(n)}</span>
                    <span className="notification-time">{dutchMoment(n.createdAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
