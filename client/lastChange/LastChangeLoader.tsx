import { useEffect } from 'react';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { api } from '../app/session.js';
import { lastChangeKey, type LastChange } from './plugin.js';
import { dutchMoment } from '../../shared/i18n/dates.js';

/** Reloads who-changed-what a moment after the text settles (the audit log has it by then). */
const RELOAD_AFTER_MS = 1500;

/** Feeds the audit trail's last changes into the editor's measure tooltips; renders nothing. */
export function LastChangeLoader() {
  const { documentId, view, state } = useDocument();
  const { t } = useI18n();
  const doc = state?.doc;
  useEffect(() => {
    if (!view) return;
    const timer = setTimeout(() => {
      api<LastChange[]>('GET', `/api/documents/${encodeURIComponent(documentId)}/last-changes`)
        .then((list) => {
          if (view.isDestroyed) return;
          const changes = new Map(list.map((c) => [c.measureId, c]));
          const describe = (c: LastChange) =>
            t(c.onBehalfOf ? 'lastChangedByOnBehalf' : 'lastChangedBy', {
              person: c.personName ?? '?',
              party: c.party ?? '?',
              onBehalfOf: c.onBehalfOf ?? '',
              date: dutchMoment(c.at),
            });
          view.dispatch(
            view.state.tr.setMeta(lastChangeKey, { changes, describe }).setMeta('addToHistory', false),
          );
        })
        .catch(() => {
          // The tooltips are a courtesy; the text works without them.
        });
    }, RELOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [documentId, view, doc, t]);
  return null;
}
