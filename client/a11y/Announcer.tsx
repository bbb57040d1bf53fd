import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { outlineOf } from '../app/outline.js';
import { META, type Amendment, type MeasureStatusRecord } from '../../shared/amendments/types.js';
import type { MessageKey } from '../../shared/i18n/messages.js';

/**
 * Tells screen readers what others change while one reads: a measure's status, an amendment submitted or
 * decided, drafting opened or closed (WCAG 4.1.3: status messages without moving the focus). Renders a
 * visually hidden polite live region; one's own changes are not announced back.
 */
export function Announcer() {
  const { t } = useI18n();
  const { meta, me, view } = useDocument();
  const [message, setMessage] = useState('');
  const viewRef = useRef(view);
  viewRef.current = view;
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    if (!meta) return;
    const doc: Y.Doc = meta.doc;
    const statuses = doc.getMap<MeasureStatusRecord>(META.measureStatuses);
    const amendments = doc.getMap<Amendment>(META.amendments);
    const settings = doc.getMap('settings');
    const known = new Map<string, string>();
    amendments.forEach((a, id) => known.set(id, a.status));
    const numberOf = (measureId: string) => {
      const v = viewRef.current;
      const entry = v ? outlineOf(v.state.doc).find((e) => e.id === measureId) : undefined;
      return entry?.number ?? measureId;
    };
    const say = (text: string) => setMessage((prev) => (prev === text ? `${text}\u00a0` : text));

    const onStatus = (event: Y.YMapEvent<MeasureStatusRecord>) => {
      for (const id of event.keysChanged) {
        const record = statuses.get(id);
        if (!record || record.by === me.person.id) continue;
        say(
          tRef.current('announceStatus', {
            number: numberOf(id),
            status: tRef.current(`ms_${record.status}` as MessageKey),
          }),
        );
      }
    };
    const onAmendment = (event: Y.YMapEvent<Amendment>) => {
      for (const id of event.keysChanged) {
        const a = amendments.get(id);
        if (!a) continue;
        const before = known.get(id);
        known.set(id, a.status);
        if (before === a.status) continue;
        if (a.decidedBy === me.person.id || (a.status === 'submitted' && a.authors.includes(me.person.id)))
          continue;
        say(
          tRef.current('announceAmendment', {
            amendment: a.number,
            party: a.party,
            status: tRef.current(`amStatus_${a.status}` as MessageKey),
          }),
        );
      }
    };
    const onSettings = (event: Y.YMapEvent<unknown>) => {
      if (!event.keysChanged.has('drafting')) return;
      const mode = settings.get('drafting');
      if (mode === 'open' || mode === 'closed')
        say(tRef.current(mode === 'open' ? 'announceDraftingOpen' : 'announceDraftingClosed'));
    };
    statuses.observe(onStatus);
    amendments.observe(onAmendment);
    settings.observe(onSettings);
    return () => {
      statuses.unobserve(onStatus);
      amendments.unobserve(onAmendment);
      settings.unobserve(onSettings);
    };
  }, [meta, me.person.id]);

  return (
    <div className="sr-only" role="status" aria-live="polite" data-announcer="">
      {message}
    </div>
  );
}
