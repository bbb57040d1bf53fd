import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../app/i18n.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import {
  canNumberFinally,
  downloadExport,
  fetchVersionChoices,
  type ExportChoice,
  type ExportFormatName,
  type VersionChoice,
} from './download.js';

/** The threshold: an export that takes longer than this shows that it is working. */
const PROGRESS_AFTER_MS = 1_000;

const FORMATS: readonly [ExportFormatName, MessageKey][] = [
  ['docx', 'exportFormatDocx'],
  ['md', 'exportFormatMd'],
  ['html', 'exportFormatHtml'],
  ['json', 'exportFormatJson'],
  ['amendments-docx', 'exportFormatAmendmentsDocx'],
  ['csv', 'exportFormatCsv'],
];

/** The state of one download: idle, running (shown as busy after a second), done or failed. */
type Run =
  | { kind: 'idle' }
  | { kind: 'running'; slow: boolean }
  | { kind: 'done'; file: string }
  | { kind: 'failed'; error: string };

/** The export dialog: format, version, marked or clean, what to include, label language; downloads. */
export function ExportDialog({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const { t, language } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [versions, setVersions] = useState<VersionChoice[]>([]);
  const [choice, setChoice] = useState<ExportChoice>({
    format: 'docx',
    version: 'live',
    changes: 'marked',
    parked: true,
    disputed: true,
    comments: false,
    finalNumbering: false,
    lang: language,
  });
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const set = (patch: Partial<ExportChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const isReport = choice.format === 'csv' || choice.format === 'amendments-docx';

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    void fetchVersionChoices(documentId).then((list) => live && setVersions(list));
    return () => {
      live = false;
    };
  }, [documentId]);

  const start = async () => {
    setRun({ kind: 'running', slow: false });
    const slow = setTimeout(() => setRun({ kind: 'running', slow: true }), PROGRESS_AFTER_MS);
    try {
      const file = await downloadExport(documentId, choice);
      setRun({ kind: 'done', file });
    } catch (err) {
      setRun({ kind: 'failed', error: (err as Error).message });
    } finally {
      clearTimeout(slow);
    }
  };

  const running = run.kind === 'running';
  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <h2 id="export-title">{t('exportTitle')}</h2>
        <p className="muted">{t('exportIntro')}</p>
        <label className="export-field">
          <span>{t('exportFormat')}</span>
          <select
            name="format"
            value={choice.format}
            onChange={(e) => set({ format: e.target.value as ExportFormatName })}
          >
            {FORMATS.map(([value, key]) => (
              <option key={value} value={value}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <label className="export-field">
          <span>{t('exportVersion')}</span>
          <select name="version" value={choice.version} onChange={(e) => set({ version: e.target.value })}>
            <option value="live">{t('exportLive')}</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({new Date(v.createdAt).toLocaleDateString('nl-NL')})
              </option>
            ))}
          </select>
        </label>
        <fieldset className="export-field" disabled={isReport}>
          <legend>{t('exportChanges')}</legend>
          {(['marked', 'clean'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="changes"
                value={value}
                checked={choice.changes === value}
                onChange={() => set({ changes: value })}
              />{' '}
              {t(value === 'marked' ? 'exportMarked' : 'exportClean')}
            </label>
          ))}
          <label>
            <input
              type="checkbox"
              name="numbering"
              disabled={!canNumberFinally(choice)}
              checked={choice.finalNumbering && canNumberFinally(choice)}
              onChange={(e) => set({ finalNumbering: e.target.checked })}
            />{' '}
            {t('exportFinalNumbering')}
          </label>
        </fieldset>
        <fieldset className="export-field" disabled={isReport || choice.format === 'json'}>
          <legend>{t('exportInclude')}</legend>
          <label>
            <input
              type="checkbox"
              name="parked"
              checked={choice.parked}
              onChange={(e) => set({ parked: e.target.checked })}
            />{' '}
            {t('exportParked')}
          </label>
          <label>
            <input
              type="checkbox"
              name="disputed"
              checked={choice.disputed}
              onChange={(e) => set({ disputed: e.target.checked })}
            />{' '}
            {t('exportDisputed')}
          </label>
          {choice.format === 'docx' && (
            <label>
              <input
                type="checkbox"
                name="comments"
                checked={choice.comments}
                onChange={(e) => set({ comments: e.target.checked })}
              />{' '}
              {t('exportComments')}
            </label>
          )}
        </fieldset>
        <label className="export-field">
          <span>{t('exportLanguage')}</span>
          <select
            name="lang"
            value={choice.lang}
            onChange={(e) => set({ lang: e.target.value as 'nl' | 'en' })}
          >
            <option value="nl">{t('exportLanguageNl')}</option>
            <option value="en">{t('exportLanguageEn')}</option>
          </select>
        </label>
        <div className="export-status" aria-live="polite">
          {run.kind === 'running' && run.slow && (
            <span className="export-busy">
              <span className="spinner" aria-hidden="true" /> {t('exportBusy')}
            </span>
          )}
          {run.kind === 'done' && <span>{t('exportDone', { file: run.file })}</span>}
          {run.kind === 'failed' && (
            <span role="alert" className="export-error">
              {t('exportFailed', { error: run.error })}
            </span>
          )}
        </div>
        <div className="export-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('exportCancel')}
          </button>
          <button type="submit" className="primary" disabled={running}>
            {t('exportStart')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
