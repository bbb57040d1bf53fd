import { useCallback, useEffect, useRef, useState } from 'react';
import {
  MEASURE_STATUSES,
  POSITIONS,
  type MeasureStatus,
  type Position,
  type PositionRecord,
} from '../../shared/amendments/types.js';
import { useI18n } from '../app/i18n.js';
import { useAct } from './useAct.js';
import { api } from '../app/session.js';

/** How long typing in a note may pause before it is saved: short enough that little is ever unsaved. */
const NOTE_DEBOUNCE_MS = 500;

interface Choice {
  position: Position;
  note: string;
}

const same = (a: Choice, b: Choice) => a.position === b.position && a.note.trim() === b.note.trim();

/**
 * The party's position and its note on an amendment or a measure, saved together: at once when the
 * position changes, while typing the note (after a short pause), when the field is left, and when the page
 * is left or the picker goes (a request that outlives the page). One request at a time, always the latest
 * pair, so a note typed right after choosing the position is never overwritten by the earlier request.
 * "opgeslagen" shows once the server has both. `label` says what it is about ("Standpunt CDA over A-7").
 */
export function PositionPicker({
  url,
  label,
  current,
}: {
  url: string;
  label: string;
  current: PositionRecord | undefined;
}) {
  const { t } = useI18n();
  const server: Choice = { position: current?.position ?? 'none', note: current?.note ?? '' };
  const [choice, setChoice] = useState<Choice>(server);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(choice);
  const saved = useRef(server);
  const running = useRef<Promise<void> | null>(null);
  const failed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const body = (c: Choice) => ({ position: c.position, note: c.note.trim() || null });
  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    while (running.current) await running.current;
    const want = latest.current;
    if (same(want, saved.current)) return;
    setStatus('saving');
    setError(null);
    running.current = api('PUT', url, body(want))
      .then(() => {
        saved.current = want;
        setStatus(same(latest.current, want) ? 'saved' : 'saving');
      })
      .catch((err: Error) => {
        failed.current = true;
        setError(err.message);
        setStatus('idle');
      })
      .finally(() => {
        running.current = null;
      });
    await running.current;
    // Changed again while saving: save the newer pair too (not after a refusal: the person sees why).
    if (!same(latest.current, saved.current) && !failed.current) void flush();
  }, [url]);

  // What is not saved yet goes with a request that outlives the page (a reload, a closed tab, a picker
  // that goes because the caret moved to another measure).
  useEffect(() => {
    const leave = () => {
      if (same(latest.current, saved.current)) return;
      void fetch(url, {
        method: 'PUT',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body(latest.current)),
      });
      saved.current = latest.current;
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      clearTimeout(timer.current);
      leave();
    };
  }, [url]);

  // Someone else of the party changed it: follow, unless this picker has changes of its own to save.
  useEffect(() => {
    if (!same(latest.current, saved.current)) return;
    const next = { position: current?.position ?? 'none', note: current?.note ?? '' };
    saved.current = next;
    latest.current = next;
    setChoice(next);
  }, [current?.position, current?.note]);

  const change = (next: Choice, delay: number) => {
    failed.current = false;
    latest.current = next;
    setChoice(next);
    setStatus('idle');
    clearTimeout(timer.current);
    if (delay === 0) void flush();
    else timer.current = setTimeout(() => void flush(), delay);
  };

  return (
    <div className="am-position-picker">
      <label>
        {label}{' '}
        <select
          value={choice.position}
          onChange={(e) => change({ ...latest.current, position: e.target.value as Position }, 0)}
        >
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {t(`pos_${p}`)}
            </option>
          ))}
        </select>
      </label>
      <input
        className="am-note"
        aria-label={`${label}: ${t('amNote')}`}
        placeholder={t('amNote')}
        value={choice.note}
        onChange={(e) => change({ ...latest.current, note: e.target.value }, NOTE_DEBOUNCE_MS)}
        onBlur={() => void flush()}
      />
      <span className="am-saved" role="status">
        {status === 'saved' ? t('posSaved') : status === 'saving' ? t('posSaving') : ''}
      </span>
      {error && (
        <p className="am-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The chair's picker of a measure's negotiation status. */
export function StatusPicker({ url, status }: { url: string; status: MeasureStatus }) {
  const { t } = useI18n();
  const { act, error, busy } = useAct();
  return (
    <label className="am-status-picker">
      {t('msStatus')}{' '}
      <select
        value={status}
        disabled={busy}
        onChange={(e) => void act('PUT', url, { status: e.target.value })}
      >
        {MEASURE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`ms_${s}`)}
          </option>
        ))}
      </select>
      {error && (
        <span className="am-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

/** A party's position as a small coloured chip. */
export function PositionChip({
  party,
  color,
  position,
  note,
}: {
  party: string;
  color: string;
  position: Position | 'proposer';
  note?: string | null;
}) {
  const { t } = useI18n();
  return (
    <span
      className={`am-chip pos-${position}`}
      title={note ? `${party}: ${t(`pos_${position}`)} — ${note}` : undefined}
      data-party={party}
    >
      <span className="am-dot" style={{ background: color }} />
      {party}: {t(`pos_${position}`)}
      {note ? ' *' : ''}
    </span>
  );
}
