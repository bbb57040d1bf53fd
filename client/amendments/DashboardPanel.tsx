import { useMemo, useState } from 'react';
import { dashboard, positionsMatrix } from '../../shared/amendments/dashboard.js';
import { MEASURE_STATUS_REPORT_ORDER } from '../../shared/amendments/types.js';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { chaptersOfDoc } from './agenda.js';
import { useNegotiation, useParties } from './useNegotiation.js';
import { SECRETARIAT } from '../../shared/auth/person.js';

/**
 * "Stand van zaken": per chapter the measures agreed, disputed, parked and open and the amendments pending;
 * below, a chapter's positions matrix (parties × pending amendments). Computed in the browser from the live
 * text and the meta room, with the same pure functions as the server's dashboard API.
 */
export function DashboardPanel() {
  const { t } = useI18n();
  const { documentId, meta, state } = useDocument();
  const negotiation = useNegotiation(meta);
  const parties = useParties(documentId);
  const doc = state?.doc ?? null;
  const chapters = useMemo(() => (doc ? chaptersOfDoc(doc) : []), [doc]);
  const statuses = useMemo(
    () => Object.fromEntries(Object.entries(negotiation.statuses).map(([id, r]) => [id, r.status])),
    [negotiation.statuses],
  );
  const board = useMemo(
    () => dashboard(chapters, negotiation.amendments, statuses),
    [chapters, negotiation.amendments, statuses],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const chapter =
    chapters.find((c) => c.id === chosen) ??
    chapters.find((c, i) => board.chapters[i]!.pendingAmendments > 0) ??
    chapters[0];
  const columns = parties.filter((p) => p.short !== SECRETARIAT);
  const matrix = chapter
    ? positionsMatrix(
        chapter,
        negotiation.amendments,
        columns.map((p) => p.short),
      )
    : null;
  return (
    <div className="dashboard">
      <table className="db-table">
        <thead>
          <tr>
            <th>{t('dbChapter')}</th>
            {MEASURE_STATUS_REPORT_ORDER.map((c) => (
              <th key={c} className={`num ms-${c}`} title={t(`ms_${c}`)}>
                {t(`dbShort_${c}`)}
              </th>
            ))}
            <th title={t('dbPending')}>A</th>
          </tr>
        </thead>
        <tbody>
          {board.chapters.map((row) => (
            <tr
              key={row.id}
              data-chapter={row.id}
              aria-selected={row.id === chapter?.id}
              onClick={() => setChosen(row.id)}
            >
              <td title={row.title}>
                {row.number}. {row.title}
              </td>
              {MEASURE_STATUS_REPORT_ORDER.map((c) => (
                <td key={c} className={`num ms-${c}`} data-count={c}>
                  {row[c]}
                </td>
              ))}
              <td className="num" data-count="pending">
                {row.pendingAmendments}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-chapter="total">
            <td>{t('dbTotal')}</td>
            {MEASURE_STATUS_REPORT_ORDER.map((c) => (
              <td key={c} className="num" data-count={c}>
                {board.total[c]}
              </td>
            ))}
            <td className="num" data-count="pending">
              {board.total.pendingAmendments}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">A = {t('dbPending').toLowerCase()}</p>
      {chapter && matrix && (
        <section className="db-matrix">
          <h5>
            {t('dbMatrix')} — {chapter.number}. {chapter.title}
          </h5>
          {matrix.amendments.length === 0 ? (
            <p className="muted">{t('dbMatrixNone')}</p>
          ) : (
            <div className="db-matrix-scroll">
              <table>
                <thead>
                  <tr>
                    <th />
                    {matrix.amendments.map((a) => (
                      <th key={a.id} title={a.party}>
                        {a.number}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.rows.map((row) => (
                    <tr key={row.party}>
                      <th style={{ borderLeftColor: columns.find((p) => p.short === row.party)?.color }}>
                        {row.party}
                      </th>
                      {row.cells.map((cell, i) => (
                        <td
                          key={i}
                          className={`pos-${cell}`}
                          title={t(`pos_${cell}`)}
                          data-party={row.party}
                          data-amendment={matrix.amendments[i]!.number}
                        >
                          {t(`pos_${cell}`)}
                        </td>
                      ))}
                    </tr>
                  ))}
                  <tr className="db-support">
                    <th>{t('dbSupport')}</th>
                    {matrix.support.map((n, i) => (
                      <td key={i}>
                        {n}/{matrix.rows.length}
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
