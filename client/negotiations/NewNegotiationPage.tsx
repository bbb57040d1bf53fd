import { useState } from 'react';
import type { ImportResult } from '../../shared/agenda/source.js';
import { applyCorrection, type Correction } from '../../shared/agenda/correct/index.js';
import { useI18n } from '../app/i18n.js';
import { Header } from '../app/Header.js';
import type { Account } from '../app/session.js';
import { createNegotiation, readAgendaFile, type CreatedNegotiation } from './api.js';
import { SourcePane } from './SourcePane.js';
import { OutlinePane } from './OutlinePane.js';
import { DetailsForm, type NegotiationDetails } from './DetailsForm.js';
import { CopyLink } from './CopyLink.js';
import './negotiations.css';

/**
 * `/nieuw`, for an administrator: upload the agenda (read on the server, nothing stored), check the outline
 * beside the source with its warnings and correct it (every correction can be undone), fill in the title,
 * id, parties and chair, create — then the chair's sign-in link to pass on, and the negotiation to open.
 */
export function NewNegotiationPage({ account }: { account: Account }) {
  const { t } = useI18n();
  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  // The import as read, then after each correction: the last is the one shown; undo drops it.
  const [history, setHistory] = useState<ImportResult[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [linkedRef, setLinkedRef] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedNegotiation | null>(null);
  const result = history.at(-1) ?? null;

  if (account.kind !== 'admin')
    return (
      <div className="document-page">
        <Header title={t('newNegotiation')} me={account} />
        <main className="list">
          <h1>{t('newNegotiation')}</h1>
          <p className="error">{t('newAdminOnly')}</p>
        </main>
      </div>
    );

  const read = (file: File) => {
    setFileName(file.name);
    setReading(true);
    setUploadError(null);
    setHistory([]);
    readAgendaFile(file)
      .then((r) => setHistory([r]))
      .catch((err: Error) => setUploadError(err.message))
      .finally(() => setReading(false));
  };
  const correct = (correction: Correction) => {
    if (!result) return;
    setHistory((list) => [...list, applyCorrection(result, correction)]);
    setSelected(null);
  };
  const create = (details: NegotiationDetails) => {
    if (!result) return;
    setBusy(true);
    setCreateError(null);
    createNegotiation({
      id: details.id,
      title: result.agenda.title,
      agenda: result.agenda,
      parties: details.parties,
      chair: { name: details.chairName },
    })
      .then(setCreated)
      .catch((err: Error) => setCreateError(err.message))
      .finally(() => setBusy(false));
  };

  if (created)
    return (
      <div className="document-page">
        <Header title={t('newNegotiation')} me={account} />
        <main className="list created" data-created={created.id}>
          <h1>{t('newCreated', { title: created.title })}</h1>
          <CopyLink url={created.chair.url} label={t('newChairLink', { name: created.chair.name })} />
          <p className="created-actions">
            <a className="button primary" href={`/d/${encodeURIComponent(created.id)}`}>
              {t('newOpen')}
            </a>
            <a className="button" href="/nieuw">
              {t('newAnother')}
            </a>
          </p>
        </main>
      </div>
    );

  const warned = new Set(result?.warnings.flatMap((w) => (w.line === null ? [] : [w.line])) ?? []);
  return (
    <div className="document-page">
      <Header title={t('newNegotiation')} me={account} />
      <main className="new-negotiation">
        <h1>{t('newNegotiation')}</h1>
        <section className="step">
          <h2>{t('newStepUpload')}</h2>
          <p className="muted">{t('newUploadHelp')}</p>
          <label className="file">
            {t('newFile')}
            <input
              type="file"
              name="file"
              accept=".pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
              disabled={reading}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) read(file);
              }}
            />
          </label>
          {reading && <p className="loading">{t('newReading')}</p>}
          {uploadError && (
            <p className="error" role="alert">
              {fileName}: {uploadError}
            </p>
          )}
        </section>

        {result && (
          <>
            <section className="step">
              <h2>{t('newStepCheck')}</h2>
              <p className="muted">{t('newCheckHelp')}</p>
              <div className="check-bar">
                <button
                  type="button"
                  disabled={history.length < 2}
                  onClick={() => setHistory((h) => h.slice(0, -1))}
                >
                  {t('newUndo')}
                </button>
                <span className="muted">{t('newCorrections', { n: history.length - 1 })}</span>
              </div>
              <div className="warnings" role="status">
                <h3>{t('newWarnings', { n: result.warnings.length })}</h3>
                {result.warnings.length === 0 ? (
                  <p className="muted">{t('newNoWarnings')}</p>
                ) : (
                  <ul>
                    {result.warnings.map((w, i) => (
                      <li key={`${w.code}-${w.line}-${i}`} data-code={w.code}>
                        {w.line !== null && (
                          <button type="button" className="link-button" onClick={() => setSelected(w.line)}>
                            {t('newWarningLine', { line: w.line })}
                          </button>
                        )}{' '}
                        {w.message}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="check">
                <SourcePane
                  result={result}
                  selected={selected}
                  linkedRef={linkedRef}
                  warned={warned}
                  onSelect={setSelected}
                  onCorrect={correct}
                />
                <OutlinePane result={result} onCorrect={correct} onLink={setLinkedRef} />
              </div>
            </section>
            <section className="step">
              <h2>{t('newStepDetails')}</h2>
              <DetailsForm
                agendaTitle={result.agenda.title}
                busy={busy}
                error={createError}
                onSubmit={create}
              />
            </section>
          </>
        )}
      </main>
    </div>
  );
}
