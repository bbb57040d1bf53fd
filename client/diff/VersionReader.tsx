import { useEffect, useRef, useState } from 'react';
import type { Agenda } from '../../shared/agenda/types.js';
import { useI18n } from '../app/i18n.js';
import { api } from '../app/session.js';
import type { Version } from './api.js';

/**
 * A version opened read-only: its whole text as it was, in a dialog over the live document. Versions are
 * immutable, so there is nothing to edit; compare and restore live beside it in the version list.
 */
export function VersionReader({
  documentId,
  version,
  onClose,
}: {
  documentId: string;
  version: Version;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    api<{ agenda: Agenda }>(
      'GET',
      `/api/documents/${encodeURIComponent(documentId)}/versions/${encodeURIComponent(version.id)}`,
    )
      .then((v) => setAgenda(v.agenda))
      .catch((err: Error) => setError(err.message));
  }, [documentId, version.id]);

  return (
    <dialog
      ref={dialog}
      className="version-reader"
      onClose={onClose}
      aria-label={t('diffReadTitle', { name: version.name })}
    >
      <header>
        <strong>{t('diffReadTitle', { name: version.name })}</strong>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('diffClose')}
        </button>
      </header>
      {error && <p className="error">{error}</p>}
      {agenda && (
        <article className="agenda read-only-agenda">
          <h1 className="agenda-title">{agenda.title}</h1>
          {agenda.intro.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {agenda.intro.signature && <p className="signature">{agenda.intro.signature}</p>}
          {agenda.chapters.map((c) => (
            <section key={c.id} className="version-chapter">
              <h2 className="chapter-title">
                {c.number} {c.title}
              </h2>
              {c.intro.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
              {c.sections.map((s) => (
                <section key={s.id}>
                  <h3 className="section-title">
                    {s.number} {s.title}
                  </h3>
                  {s.intro.map((p, i) => (
                    <p key={i}>{p}</p>
                  ))}
                  {s.measures.map((m) => (
                    <div key={m.id} className="version-measure">
                      <span className="version-number">{m.number}</span> {m.text}
                    </div>
                  ))}
                </section>
              ))}
            </section>
          ))}
        </article>
      )}
    </dialog>
  );
}
