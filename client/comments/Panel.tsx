import { useEffect, useMemo, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { TextSelection } from 'prosemirror-state';
import { can } from '../../shared/auth/roles.js';
import { isOpen, splitMentions } from '../../shared/comments/threads.js';
import type { Message, Thread } from '../../shared/comments/types.js';
import type { Party } from '../../shared/auth/person.js';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { outlineOf } from '../app/outline.js';
import * as commentsApi from './api.js';
import { anchorOfSelection, commentsKey, setHover, type Placed, type ShownThread } from './plugin.js';
import { useParties } from './useThreads.js';
import { FALLBACK_COLOR } from '../../shared/auth/person.js';
import { useLayout } from '../app/layout/useLayout.js';
import { Margin } from '../margin/Margin.js';

type Filter = 'open' | 'resolved' | 'party' | 'all';

/** Shows a thread's words: scrolls them into view and puts the caret at their start. */
function reveal(view: EditorView, from: number): void {
  const { node } = view.domAtPos(from);
  const el = node instanceof HTMLElement ? node : node.parentElement;
  el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from)));
}

/**
 * The margin of comments: every thread the person may see, in the order of the text, detached ones last.
 * Hovering a thread highlights its words and hovering the words highlights the thread.
 */
export function CommentsPanel() {
  const { state, view, me } = useDocument();
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('open');
  const parties = useParties(useDocument().documentId);
  const comments = state ? commentsKey.getState(state) : undefined;
  const numbers = useMemo(() => {
    const map = new Map<string, string>();
    if (state) for (const e of outlineOf(state.doc)) if (e.level === 'measure') map.set(e.id, e.number);
    return map;
  }, [state?.doc]);
  const byId = useMemo(
    () => new Map((comments?.threads ?? []).map((s) => [s.thread.id, s])),
    [comments?.threads],
  );
  const items = (comments?.placed ?? [])
    .map((placed) => ({ placed, shown: byId.get(placed.id) }))
    .filter((x): x is { placed: Placed; shown: ShownThread } => !!x.shown)
    .filter(({ shown }) => {
      switch (filter) {
        case 'open':
          return isOpen(shown.thread);
        case 'resolved':
          return !isOpen(shown.thread);
        case 'party':
          return shown.thread.audience === 'party';
        case 'all':
          return true;
      }
    });
  const hover = comments?.hover ?? null;
  const listRef = useRef<HTMLOListElement>(null);
  // From 1280 px the threads stand in the margin beside their words; "Alle draden" lists them all.
  const [listAll, setListAll] = useState(false);
  const wide = useLayout() === 'wide';
  const inMargin = wide && !listAll;
  useEffect(() => {
    if (!hover || inMargin) return;
    listRef.current
      ?.querySelector(`[data-thread-card="${CSS.escape(hover)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [hover, inMargin]);

  const filters: [Filter, Parameters<typeof t>[0]][] = [
    ['open', 'commentFilterOpen'],
    ['resolved', 'commentFilterResolved'],
    ['party', 'commentFilterParty'],
    ['all', 'commentFilterAll'],
  ];
  const card = ({ placed, shown }: { placed: Placed; shown: ShownThread }) => (
    <ThreadCard
      key={placed.id}
      shown={shown}
      placed={placed}
      number={placed.measureId ? (numbers.get(placed.measureId) ?? null) : null}
      hovered={hover === placed.id}
      parties={parties}
    />
  );
  return (
    <div className={inMargin ? 'comments-panel in-margin' : 'comments-panel'}>
      {wide && (
        <div className="comment-filters" role="group" aria-label={t('marginView')}>
          <button aria-pressed={!listAll} onClick={() => setListAll(false)}>
            {t('marginInMargin')}
          </button>
          <button aria-pressed={listAll} onClick={() => setListAll(true)}>
            {t('marginAll')}
          </button>
        </div>
      )}
      <div className="comment-filters" role="group">
        {filters.map(([f, label]) => (
          <button key={f} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(label)}
          </button>
        ))}
      </div>
      {!can(me.person.role, 'comment.write') && (
        <p className="comment-note">{t('commentReadOnly', { role: t(`role_${me.person.role}`) })}</p>
      )}
      {inMargin ? (
        <Margin
          items={items.map((item) => ({ ...item, id: item.placed.id, span: item.placed.span }))}
          render={card}
          empty={<p className="comment-note">{t('commentNone')}</p>}
        />
      ) : (
        <>
          {items.length === 0 && <p className="comment-note">{t('commentNone')}</p>}
          <ol className="comment-threads" ref={listRef} onMouseLeave={() => view && setHover(view, null)}>
            {items.map(card)}
          </ol>
        </>
      )}
    </div>
  );
}

/** One thread as a card: its words, messages, replies and actions (the side panel, the margin, the focus view). */
export function ThreadCard(props: {
  shown: ShownThread;
  placed: Placed;
  number: string | null;
  hovered: boolean;
  parties: Party[];
}) {
  const { shown, placed, number, hovered, parties } = props;
  const { thread, color } = shown;
  const { documentId, me, view } = useDocument();
  const { t } = useI18n();
  const [replyText, setReplyText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mayWrite = can(me.person.role, 'comment.write');
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(t('commentFailed', { error: (err as Error).message }));
    }
  };
  const open = isOpen(thread);
  const detached = placed.span === null;
  const classes = [
    'comment-thread',
    thread.audience === 'party' ? 'party' : '',
    hovered ? 'hovered' : '',
    open ? '' : 'resolved',
    detached ? 'detached' : '',
  ];
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-thread-card={thread.id}
      style={{ ['--comment-color' as string]: color }}
      onMouseOver={() => view && setHover(view, thread.id)}
    >
      <div
        className="comment-quote"
        onClick={() => view && placed.span && reveal(view, placed.span.from)}
        title={number ?? undefined}
      >
        {number && <span className="num">{number}</span>}
        <q>{thread.anchor.quote}</q>
        {thread.audience === 'party' && (
          <span className="comment-audience">{t('commentPartyOnly', { party: thread.party })}</span>
        )}
      </div>
      {detached && <p className="comment-detached">{t('commentDetached')}</p>}
      <ul className="comment-messages">
        {thread.messages.map((m) => (
          <MessageItem key={m.id} thread={thread} message={m} parties={parties} onError={setError} />
        ))}
      </ul>
      {thread.status.kind === 'resolved' && (
        <p className="comment-note">
          {t('commentResolvedBy', {
            name: thread.status.by.name,
            time: commentsApi.dutchMoment(thread.status.at),
          })}
        </p>
      )}
      {error && <p className="error">{error}</p>}
      {mayWrite && (
        <div className="comment-actions">
          {open && (
            <form
              className="comment-reply"
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await commentsApi.reply(documentId, thread.id, replyText);
                  setReplyText('');
                });
              }}
            >
              <input
                aria-label={t('commentReply')}
                placeholder={t('commentReplyPlaceholder')}
                value={replyText}
                onChange={(e) => setReplyText(e.target.value)}
              />
              <button type="submit" disabled={replyText.trim() === ''}>
                {t('commentReply')}
              </button>
            </form>
          )}
          <button onClick={() => void run(() => commentsApi.setResolved(documentId, thread.id, open))}>
            {open ? t('commentResolve') : t('commentReopen')}
          </button>
          {detached && (
            <button
              onMouseDown={(e) => e.preventDefault()}
              title={t('commentReattachHint')}
              onClick={() =>
                void run(async () => {
                  const anchor = view ? anchorOfSelection(view) : null;
                  if (!anchor) throw new Error(t('commentReattachHint'));
                  await commentsApi.reattach(documentId, thread.id, {
                    measure: anchor.measureId ?? undefined,
                    quote: anchor.quote,
                    at: { start: anchor.start, end: anchor.end },
                  });
                })
              }
            >
              {t('commentReattach')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function MessageItem(props: {
  thread: Thread;
  message: Message;
  parties: Party[];
  onError: (e: string | null) => void;
}) {
  const { thread, message, parties, onError } = props;
  const { documentId, me } = useDocument();
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const colors = new Map(parties.map((p) => [p.short, p.color]));
  const mine = message.author.personId === me.person.id && can(me.person.role, 'comment.write');
  const run = async (action: () => Promise<unknown>) => {
    onError(null);
    try {
      await action();
    } catch (err) {
      onError(t('commentFailed', { error: (err as Error).message }));
    }
  };
  return (
    <li className="comment-message">
      <div className="comment-meta">
        <span
          className="party-dot"
          style={{ background: colors.get(message.author.party) ?? FALLBACK_COLOR }}
        />
        <strong>{message.author.name}</strong> <span className="muted">{message.author.party}</span>{' '}
        <time dateTime={message.createdAt}>{commentsApi.dutchMoment(message.createdAt)}</time>
        {message.editedAt && <span className="muted"> · {t('commentEdited')}</span>}
      </div>
      {editing === null ? (
        <p className="comment-text">
          {splitMentions(
            message.text,
            parties.map((p) => p.short),
          ).map((part, i) =>
            part.kind === 'text' ? (
              <span key={i}>{part.text}</span>
            ) : (
              <mark
                key={i}
                className="mention"
                style={{ ['--mention-color' as string]: colors.get(part.party) ?? FALLBACK_COLOR }}
              >
                @{part.party}
              </mark>
            ),
          )}
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await commentsApi.editMessage(documentId, thread.id, message.id, editing);
              setEditing(null);
            });
          }}
        >
          <textarea
            aria-label={t('commentEdit')}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
            rows={2}
          />
          <button type="submit" disabled={editing.trim() === ''}>
            {t('commentSave')}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('commentCancel')}
          </button>
        </form>
      )}
      {mine && editing === null && (
        <div className="comment-own">
          <button className="link" onClick={() => setEditing(message.text)}>
            {t('commentEdit')}
          </button>
          <button
            className="link"
            onClick={() => {
              if (window.confirm(t('commentDeleteConfirm')))
                void run(() => commentsApi.deleteMessage(documentId, thread.id, message.id));
            }}
          >
            {t('commentDelete')}
          </button>
        </div>
      )}
    </li>
  );
}
