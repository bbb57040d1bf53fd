import { useEffect } from 'react';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { api } from '../app/session.js';
import { lastChangeKey, type LastChange } from './plugin.js';
import { dutchMoment } from '../../shared/i18n/dates.js';

/** Reloads who-changed-what a moment after the text settles (the audit log has it by then). */
const RELOAD_AFTER_MS = 1500;

/** Feeds who last changed each measure (as the attribution index credits it) into the editor's measure tooltips; renders nothing. */
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
          const describe = ({ author }: LastChange) =>
            author.decidedBy
              ? t('lastChangedByOnBehalf', {
                  onBehalfOf:
                    author.name !== author.party ? `${author.party} (${author.name})` : (author.party ?? ''),
                  person: author.decidedBy.name,
                  date: dutchMoment(author.at),
                })
              : t('lastChangedBy', {
                  person: author.name,
                  party: author.party ?? '?',
                  date: dutchMoment(author.at),
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
