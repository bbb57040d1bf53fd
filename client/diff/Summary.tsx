import { useI18n } from '../app/i18n.js';
import type { ChapterSummary, StatusCounts } from '../../shared/diff/index.js';

const COLUMNS = ['changed', 'added', 'removed', 'moved'] as const;
const HEADS = {
  changed: 'diffChanged',
  added: 'diffAdded',
  removed: 'diffRemoved',
  moved: 'diffMoved',
} as const;

/** Measures changed, added, removed and moved per chapter (chapters without any left out), and in total. */
export function Summary({ chapters, total }: { chapters: ChapterSummary[]; total: StatusCounts }) {
  const { t } = useI18n();
  const touched = chapters.filter((c) => COLUMNS.some((k) => c[k] > 0));
  return (
    <table className="diff-summary">
      <caption>{t('diffSummary')}</caption>
      <colgroup>
        <col className="chapter" />
        {COLUMNS.map((k) => (
          <col key={k} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('diffChapter')}</th>
          {COLUMNS.map((k) => (
            <th key={k} scope="col">
              {t(HEADS[k])}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {touched.map((c) => (
          <tr key={c.chapterId}>
            <th scope="row" title={`${c.number}. ${c.title}`}>
              <a href={`#diff-chapter-${c.chapterId}`}>
                {c.number}. {c.title}
              </a>
            </th>
            {COLUMNS.map((k) => (
              <td key={k}>{c[k] || ''}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('diffTotal')}</th>
          {COLUMNS.map((k) => (
            <td key={k}>{total[k].toLocaleString('nl-NL')}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
