import { useState, type FormEvent } from 'react';
import { useI18n } from '../app/i18n.js';
import { dutchTime, makeVersion, restoreVersion, type Version } from './api.js';
import { VersionReader } from './VersionReader.js';

/**
 * The versions of the document, newest first: compare one with now, and for the chair "Versie maken" and
 * "Herstellen" (with a confirmation). The server refuses both to anyone else.
 */
export function VersionList({
  documentId,
  versions,
  mayManage,
  onChanged,
  onCompare,
}: {
  documentId: string;
  versions: Version[];
  mayManage: boolean;
  onChanged: () => void;
  onCompare: (id: string) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [reading, setReading] = useState<Version | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      await makeVersion(documentId, trimmed);
      setName('');
      setMessage(t('diffVersionMade', { name: trimmed }));
      onChanged();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };

  const nameOf = (version: Version) =>
    version.kind === 'original' ? t('diffOriginalVersion') : version.name;

  const restore = async (version: Version) => {
    if (!window.confirm(t('diffRestoreConfirm', { name: nameOf(version) }))) return;
    try {
      await restoreVersion(documentId, version.id);
      setMessage(t('diffRestored', { name: nameOf(version) }));
      onChanged();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };

  return (
    <section className="diff-versions" aria-label={t('diffVersions')}>
      <h3>{t('diffVersions')}</h3>
      {mayManage && (
        <form onSubmit={(e) => void submit(e)} className="diff-version-form">
          <input
            aria-label={t('diffVersionName')}
            placeholder={t('diffVersionNamePlaceholder')}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" disabled={!name.trim()}>
            {t('diffMakeVersion')}
          </button>
        </form>
      )}
      {message && (
        <p className="diff-message" role="status">
          {message}
        </p>
      )}
      {versions.length === 0 ? (
        <p className="diff-muted">{t('diffNoVersions')}</p>
      ) : (
        <ul>
          {[...versions].reverse().map((v) => (
            <li key={v.id} data-version={v.id}>
              <div>
                <strong>{nameOf(v)}</strong>
                {v.kind === 'daily' && <span className="diff-muted"> · {t('diffDaily')}</span>}
                {v.kind === 'original' && <span className="diff-muted"> · {t('diffOriginalImported')}</span>}
                <div className="diff-muted">{dutchTime(v.createdAt)}</div>
              </div>
              <div className="diff-version-actions">
                <button type="button" onClick={() => setReading(v)}>
                  {t('diffRead')}
                </button>
                <button type="button" onClick={() => onCompare(v.id)}>
                  {t('diffCompareWith')}
                </button>
                {mayManage && (
                  <button type="button" onClick={() => void restore(v)}>
                    {t('diffRestore')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {reading && (
        <VersionReader documentId={documentId} version={reading} onClose={() => setReading(null)} />
      )}
    </section>
  );
}
