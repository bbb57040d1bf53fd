import { useRef, useState } from 'react';
import type { Agenda, Measure, Section } from '../../shared/agenda/types.js';
import { corrected, type Correction } from '../../shared/agenda/correct/index.js';
import type { ImportResult } from '../../shared/agenda/source.js';
import { useI18n } from '../app/i18n.js';

/**
 * The outline the import made — title, chapters, sections, intro paragraphs and measures — with the
 * corrections that work on it: edit a title, merge a measure with the next, split a measure.
 */
export function OutlinePane(props: {
  result: ImportResult;
  onCorrect(correction: Correction): void;
  onLink(ref: string | null): void;
}) {
  const { t } = useI18n();
  const { agenda } = props.result;
  const counts = countsOf(agenda);
  return (
    <section className="outline-pane" aria-label={t('newOutline')}>
      <h3>{t('newOutline')}</h3>
      <p className="muted">{t('newCounts', counts)}</p>
      <TitleInput
        label={t('newTitle')}
        className="agenda-title"
        value={agenda.title}
        onCommit={(title) => props.onCorrect({ kind: 'retitle', target: 'agenda', title })}
      />
      {agenda.chapters.map((chapter) => (
        <div key={chapter.id} className="draft-chapter" data-id={chapter.id}>
          <div className="draft-heading" onMouseEnter={() => props.onLink(chapter.id)}>
            <span className="num">{chapter.number}</span>
            <TitleInput
              label={t('newEditTitle')}
              value={chapter.title}
              onCommit={(title) => props.onCorrect({ kind: 'retitle', target: { id: chapter.id }, title })}
            />
          </div>
          {chapter.intro.map((p, i) => (
            <p key={i} className="draft-intro" onMouseEnter={() => props.onLink(chapter.id)}>
              {p}
            </p>
          ))}
          {chapter.sections.map((section) => (
            <SectionDraft key={section.id} section={section} {...props} />
          ))}
        </div>
      ))}
    </section>
  );
}

function SectionDraft(props: {
  section: Section;
  result: ImportResult;
  onCorrect(correction: Correction): void;
  onLink(ref: string | null): void;
}) {
  const { t } = useI18n();
  const { section } = props;
  return (
    <div className="draft-section" data-id={section.id}>
      <div className="draft-heading" onMouseEnter={() => props.onLink(section.id)}>
        <span className="num">{section.number}</span>
        <TitleInput
          label={t('newEditTitle')}
          value={section.title}
          placeholder={t('newUntitled')}
          onCommit={(title) => props.onCorrect({ kind: 'retitle', target: { id: section.id }, title })}
        />
      </div>
      {section.intro.map((p, i) => (
        <p key={i} className="draft-intro" onMouseEnter={() => props.onLink(section.id)}>
          {p}
        </p>
      ))}
      <ol className="draft-measures">
        {section.measures.map((measure, i) => (
          <MeasureDraft
            key={measure.id}
            measure={measure}
            last={i === section.measures.length - 1}
            {...props}
          />
        ))}
      </ol>
    </div>
  );
}

function MeasureDraft(props: {
  measure: Measure;
  /** The last of its section: nothing to merge with. */
  last: boolean;
  result: ImportResult;
  onCorrect(correction: Correction): void;
  onLink(ref: string | null): void;
}) {
  const { t } = useI18n();
  const { measure } = props;
  const [splitting, setSplitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const merge: Correction = { kind: 'merge-measures', measure: measure.id };
  return (
    <li className="draft-measure" data-id={measure.id} onMouseEnter={() => props.onLink(measure.id)}>
      <span className="num">{measure.number}</span>
      {splitting ? (
        <div className="split">
          <p className="muted">{t('newSplitHelp')}</p>
          <textarea ref={area} readOnly defaultValue={measure.text} aria-label={t('newSplitHelp')} rows={4} />
          {problem && <p className="error">{problem}</p>}
          <button
            type="button"
            onClick={() => {
              const at = area.current?.selectionStart ?? 0;
              const c: Correction = { kind: 'split-measure', measure: measure.id, at };
              if (!corrected(props.result, c)) return setProblem(t('newSplitNowhere'));
              setSplitting(false);
              props.onCorrect(c);
            }}
          >
            {t('newSplitHere')}
          </button>
          <button type="button" onClick={() => setSplitting(false)}>
            {t('newCancel')}
          </button>
        </div>
      ) : (
        <>
          <span className="draft-text">{measure.text}</span>
          <span className="draft-actions">
            {!props.last && (
              <button type="button" onClick={() => props.onCorrect(merge)}>
                {t('newMerge')}
              </button>
            )}
            <button type="button" onClick={() => (setProblem(null), setSplitting(true))}>
              {t('newSplit')}
            </button>
          </span>
        </>
      )}
    </li>
  );
}

/** A title to edit in place: the change counts when the field is left or Enter is pressed. */
function TitleInput(props: {
  label: string;
  value: string;
  placeholder?: string;
  className?: string;
  onCommit(title: string): void;
}) {
  const [draft, setDraft] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  // A correction elsewhere can change the title under the field: follow it.
  if (shown !== props.value) {
    setShown(props.value);
    setDraft(props.value);
  }
  const commit = () => {
    if (draft.trim() !== props.value) props.onCommit(draft);
  };
  return (
    <input
      className={['title-input', props.className].filter(Boolean).join(' ')}
      aria-label={props.label}
      value={draft}
      placeholder={props.placeholder}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

function countsOf(agenda: Agenda): { chapters: number; sections: number; measures: number } {
  const sections = agenda.chapters.flatMap((c) => c.sections);
  return {
    chapters: agenda.chapters.length,
    sections: sections.length,
    measures: sections.reduce((n, s) => n + s.measures.length, 0),
  };
}
