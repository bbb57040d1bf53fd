import { useEffect, useRef, type ReactNode } from 'react';
import type { ImportResult, SourceEntry } from '../../shared/agenda/source.js';
import { corrected, type Correction } from '../../shared/agenda/correct/index.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { useI18n } from '../app/i18n.js';

/** The corrections a source line offers: a heading of either level, or a measure. */
const LINE_ACTIONS: readonly { label: MessageKey; correction: (line: number) => Correction }[] = [
  { label: 'newToChapter', correction: (line) => ({ kind: 'line-to-heading', line, level: 'chapter' }) },
  { label: 'newToSection', correction: (line) => ({ kind: 'line-to-heading', line, level: 'section' }) },
  { label: 'newToMeasure', correction: (line) => ({ kind: 'line-to-measure', line }) },
];

/**
 * The source, line by line, with what each line became (a chapter, a measure, page furniture …). The
 * chosen line offers the corrections that apply to it; lines of the chosen outline item are marked.
 */
export function SourcePane(props: {
  result: ImportResult;
  selected: number | null;
  linkedRef: string | null;
  warned: ReadonlySet<number>;
  onSelect(line: number | null): void;
  onCorrect(correction: Correction): void;
}) {
  const { t } = useI18n();
  const { result, selected } = props;
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (selected === null) return;
    list.current?.querySelector(`[data-line="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <section className="source-pane" aria-label={t('newSource')}>
      <h3>{t('newSource')}</h3>
      <ol ref={list}>
        {result.source.map((entry) =>
          entry.role === 'blank' ? (
            <li key={entry.line} className="source-blank" data-line={entry.line} />
          ) : (
            <SourceLineRow
              key={entry.line}
              entry={entry}
              selected={entry.line === selected}
              linked={props.linkedRef !== null && entry.ref === props.linkedRef}
              warned={props.warned.has(entry.line)}
              onSelect={() => props.onSelect(entry.line === selected ? null : entry.line)}
            >
              {entry.line === selected && (
                <div
                  className="line-actions"
                  role="group"
                  aria-label={t('newLineActions', { line: entry.line })}
                >
                  {LINE_ACTIONS.map(({ label, correction }) => {
                    const c = correction(entry.line);
                    // Offered only where it applies (never on the title, intro or furniture).
                    if (!corrected(result, c)) return null;
                    return (
                      <button key={label} type="button" onClick={() => props.onCorrect(c)}>
                        {t(label)}
                      </button>
                    );
                  })}
                </div>
              )}
            </SourceLineRow>
          ),
        )}
      </ol>
    </section>
  );
}

function SourceLineRow(props: {
  entry: SourceEntry;
  selected: boolean;
  linked: boolean;
  warned: boolean;
  onSelect(): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { entry } = props;
  const classes = ['source-line', `role-${entry.role}`];
  if (props.selected) classes.push('selected');
  if (props.linked) classes.push('linked');
  if (props.warned) classes.push('warned');
  return (
    <li className={classes.join(' ')} data-line={entry.line} data-role={entry.role}>
      <button type="button" className="source-text" aria-pressed={props.selected} onClick={props.onSelect}>
        <span className="line-number">{entry.line}</span>
        <span className="line-text">{entry.text}</span>
        <span className="line-role">{t(`sourceRole_${entry.role}` as MessageKey)}</span>
      </button>
      {props.children}
    </li>
  );
}
