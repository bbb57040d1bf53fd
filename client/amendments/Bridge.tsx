import { useEffect } from 'react';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { negotiationKey } from './plugin.js';
import { useNegotiation } from './useNegotiation.js';

/**
 * Feeds the meta room's statuses and pending amendments to the editor's decorations. Lives in the toolbar
 * (always rendered) and shows how many amendments are pending in the whole agenda.
 */
export function NegotiationBridge() {
  const { t } = useI18n();
  const { meta, view } = useDocument();
  const negotiation = useNegotiation(meta);
  const pendingTotal = negotiation.amendments.filter((a) => a.status === 'submitted').length;
  useEffect(() => {
    if (!view) return;
    const pending: Record<string, number> = {};
    for (const a of negotiation.amendments)
      if (a.status === 'submitted') pending[a.measureId] = (pending[a.measureId] ?? 0) + 1;
    const statuses = Object.fromEntries(
      Object.entries(negotiation.statuses).map(([id, r]) => [id, r.status]),
    );
    view.dispatch(
      view.state.tr.setMeta(negotiationKey, {
        statuses,
        pending,
        badgeTitle: (n: number) => t('amPendingBadge', { n }),
      }),
    );
  }, [view, negotiation, t]);
  return pendingTotal > 0 ? (
    <span className="am-toolbar-count">{t('amPendingBadge', { n: pendingTotal })}</span>
  ) : null;
}
