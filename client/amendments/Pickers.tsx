import { useEffect, useState } from 'react';
import {
  MEASURE_STATUSES,
  POSITIONS,
  type MeasureStatus,
  type Position,
  type PositionRecord,
} from '../../shared/amendments/types.js';
import { useI18n } from '../app/i18n.js';
import { useAct } from './useAct.js';

/** The party's position (and note) on an amendment or a measure, saved through the API at once. */
export function PositionPicker({
  url,
  party,
  current,
}: {
  url: string;
  party: string;
  current: PositionRecord | undefined;
}) {
  const { t } = useI18n();
  const { act, error, busy } = useAct();
  const [note, setNote] = useState(current?.note ?? '');
  useEffect(() => setNote(current?.note ?? ''), [current?.note]);
  const position = current?.position ?? 'none';
  const save = (next: Position, nextNote: string) =>
    act('PUT', url, { position: next, note: nextNote.trim() || null });
  return (
    <div className="am-position-picker">
      <label>
        {t('amYourPosition', { party })}{' '}
        <select
          value={position}
          disabled={busy}
          onChange={(e) => void save(e.target.value as Position, note)}
          data-party={party}
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
        placeholder={t('amNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => note !== (current?.note ?? '') && void save(position, note)}
      />
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
    <span className={`am-chip pos-${position}`} title={note ?? undefined} data-party={party}>
      <span className="am-dot" style={{ background: color }} />
      {party}: {t(`pos_${position}`)}
      {note ? ' *' : ''}
    </span>
  );
}
