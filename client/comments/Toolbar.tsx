import { useState } from 'react';
import { can } from '../../shared/auth/roles.js';
import { MAX_QUOTE_LENGTH, type Anchor, type Audience } from '../../shared/comments/types.js';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { createThread } from './api.js';
import { anchorOfSelection } from './plugin.js';
import { useThreadsInEditor } from './useThreads.js';
import { selectMeasureAtCaret } from '../app/layout/navigate.js';

/**
 * The "Opmerking" button above the text, and the form to start a thread on the selected words. It also
 * keeps the editor's threads in step with the rooms (it is always mounted; the panel is not).
 */
export function CommentsToolbar() {
  const { documentId, me, meta, view } = useDocument();
  const { t } = useI18n();
  useThreadsInEditor(documentId, me.person.party, meta, view);
  const [draft, setDraft] = useState<Anchor | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  if (!can(me.person.role, 'comment.write')) return null;

  const start = () => {
    // Nothing selected but the caret in a measure (from the keyboard, the outline or a search): the measure.
    const anchor = view
      ? (anchorOfSelection(view) ??
        (selectMeasureAtCaret(view, MAX_QUOTE_LENGTH) ? anchorOfSelection(view) : null))
      : null;
    setHint(anchor ? null : t('commentOnMeasureHint'));
    setDraft(anchor);
  };
  return (
    <>
      <button
        className="comment-start"
        onMouseDown={(e) => e.preventDefault()}
        onClick={start}
        title={t('commentOnMeasureHint')}
      >
        {t('commentStart')}
      </button>
      {hint && !draft && (
        <span className="comment-hint" role="status">
          {hint}
        </span>
      )}
      {draft && <Composer anchor={draft} onDone={() => setDraft(null)} />}
    </>
  );
}

function Composer({ anchor, onDone }: { anchor: Anchor; onDone: () => void }) {
  const { documentId, me } = useDocument();
  const { t } = useI18n();
  const [audience, setAudience] = useState<Audience>('everyone');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await createThread(documentId, {
        measure: anchor.measureId ?? undefined,
        quote: anchor.quote,
        at: { start: anchor.start, end: anchor.end },
        audience,
        text,
      });
      onDone();
    } catch (err) {
      setError(t('commentFailed', { error: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="comment-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="comment-composer-quote">
        {t('commentOn')} <q>{anchor.quote}</q>
      </div>
      <fieldset>
        <legend>{t('commentAudience')}</legend>
        <label>
          <input
            type="radio"
            name="audience"
            value="everyone"
            checked={audience === 'everyone'}
            onChange={() => setAudience('everyone')}
          />{' '}
          {t('commentAudienceEveryone')}
        </label>
        <label>
          <input
            type="radio"
            name="audience"
            value="party"
            checked={audience === 'party'}
            onChange={() => setAudience('party')}
          />{' '}
          {t('commentAudienceParty', { party: me.person.party })}
        </label>
      </fieldset>
      <textarea
        aria-label={t('commentText')}
        placeholder={t('commentTextHint')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        autoFocus
      />
      {error && <p className="error">{error}</p>}
      <div className="comment-actions">
        <button type="submit" disabled={busy || text.trim() === ''}>
          {t('commentPost')}
        </button>
        <button type="button" onClick={onDone}>
          {t('commentCancel')}
        </button>
      </div>
    </form>
  );
}
