import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { useRoom } from '../app/useRoom.js';
import { currentLayout } from '../app/layout/useLayout.js';
import { roomName } from '../../shared/protocol/rooms.js';
import { queryTerms } from '../../shared/search/fold.js';
import { search } from '../../shared/search/search.js';
import type { SearchHit } from '../../shared/search/types.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { useSearchEntries } from './useEntries.js';
import { SearchIcon } from '../app/icons.js';
import { jumpToHit } from './jump.js';
import { searchKey, setSearchTerms } from './plugin.js';

/** What a hit is, in words: "Maatregel 1.2.3", "Amendement A-12 · D66 · ingediend · bij maatregel 1.2.3". */
function useHitLabel(): (hit: SearchHit) => string {
  const { t } = useI18n();
  return (hit) => {
    const on = hit.number ? t('searchOnMeasure', { number: hit.number }) : null;
    switch (hit.kind) {
      case 'measure':
        return t('searchKindMeasure', { number: hit.number ?? '' });
      case 'title':
        return hit.level === 'chapter'
          ? t('searchKindChapter', { number: hit.number ?? '' })
          : hit.level === 'section'
            ? t('searchKindSection', { number: hit.number ?? '' })
            : t('searchKindTitle');
      case 'amendment':
        return [
          t('searchKindAmendment', { amendment: hit.amendmentNumber }),
          hit.party,
          t(`amStatus_${hit.status}` as MessageKey),
          on,
        ]
          .filter(Boolean)
          .join(' · ');
      case 'thread':
        return [
          t('searchKindThread', { party: hit.party }),
          hit.audience === 'party' ? t('searchPartyOnly', { party: hit.party }) : null,
          on,
        ]
          .filter(Boolean)
          .join(' · ');
    }
  };
}

/**
 * "Zoeken" in the top bar, and on Ctrl/Cmd+F: the text's measures and titles, the amendments and the
 * threads this person may see, found as they type, with their measure numbers; the words are marked in the
 * text, and Enter (or a click) jumps to a hit.
 */
export function SearchBox() {
  const { t } = useI18n();
  const { documentId, me, meta, state, view, openPanel } = useDocument();
  const { handle: partyRoom } = useRoom(roomName({ kind: 'party', documentId, party: me.person.party }));
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [gone, setGone] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const label = useHitLabel();
  const deferred = useDeferredValue(query);
  const entries = useSearchEntries(state, meta?.doc ?? null, partyRoom?.doc ?? null, me.person.party, open);
  const result = useMemo(
    () => search(entries.prepared, deferred, (id) => entries.numbers.get(id) ?? null),
    [entries, deferred],
  );
  const terms = useMemo(() => (open ? queryTerms(deferred) : []), [open, deferred]);

  // Ctrl/Cmd+F opens the search (instead of the browser's, which cannot see amendments and threads).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setOpen(true);
        input.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!view || view.isDestroyed) return;
    const shown = searchKey.getState(view.state)?.terms ?? [];
    if (shown.length !== terms.length || shown.some((term, i) => term !== terms[i]))
      setSearchTerms(view, terms);
  }, [view, terms]);
  useEffect(() => {
    setActive(0);
    setGone(false);
  }, [deferred]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const jump = (index: number) => {
    const hit = result.hits[index];
    if (!hit || !view) return;
    const found = jumpToHit(view, hit, terms);
    setGone(!found);
    if (!found) return;
    if (hit.kind === 'amendment') openPanel('amendments');
    if (hit.kind === 'thread') openPanel('comments');
    setActive(index);
    // On a phone the list covers the text: close it to show the place.
    if (currentLayout() === 'narrow') setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const count = result.hits.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (count) setActive((active + 1) % count);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (count) setActive((active - 1 + count) % count);
        return;
      case 'Enter':
        e.preventDefault();
        jump(active);
        return;
      case 'Escape':
        e.preventDefault();
        close();
        return;
    }
  };

  const count =
    result.total === 0
      ? deferred.trim()
        ? t('searchNone', { query: deferred.trim() })
        : ''
      : result.total > result.hits.length
        ? t('searchCountSome', { shown: result.hits.length, n: result.total })
        : result.total === 1
          ? t('searchCountOne')
          : t('searchCount', { n: result.total });
  return (
    <div className="search">
      <button
        type="button"
        className="search-toggle"
        ref={toggle}
        aria-expanded={open}
        aria-controls="search-panel"
        aria-keyshortcuts="Control+F Meta+F"
        title={t('searchOpen')}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <SearchIcon /> <span className="search-toggle-label">{t('searchLabel')}</span>
      </button>
      {open && (
        <div id="search-panel" className="search-panel" role="search">
          <div className="search-field">
            <input
              ref={input}
              type="search"
              role="combobox"
              aria-label={t('searchLabel')}
              aria-expanded={result.hits.length > 0}
              aria-controls="search-results"
              aria-autocomplete="list"
              aria-activedescendant={result.hits.length ? `search-hit-${active}` : undefined}
              aria-describedby="search-hint"
              placeholder={t('searchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onKeyDown}
              maxLength={200}
            />
            <button type="button" className="search-close" onClick={close}>
              {t('searchClose')}
            </button>
          </div>
          <p id="search-hint" className="search-hint">
            {t('searchHint')}
          </p>
          <p className="search-count" role="status">
            {count}
          </p>
          {gone && (
            <p className="error" role="alert">
              {t('searchGone')}
            </p>
          )}
          <ul id="search-results" className="search-results" role="listbox" aria-label={t('searchResults')}>
            {result.hits.map((hit, i) => (
              <li
                key={`${hit.kind}:${hit.id}`}
                id={`search-hit-${i}`}
                role="option"
                aria-selected={i === active}
                className={`search-hit search-hit-${hit.kind}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => jump(i)}
              >
                <span className="search-hit-label">{label(hit)}</span>
                <span className="search-hit-snippet">
                  {hit.snippet.before}
                  <mark>{hit.snippet.match}</mark>
                  {hit.snippet.after}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
