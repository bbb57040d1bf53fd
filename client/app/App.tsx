import { useEffect, useState } from 'react';
import { I18nProvider, useI18n } from './i18n.js';
import { DocumentPage } from './DocumentPage.js';
import { Header } from './Header.js';

/** `/d/<id>` opens a document; `/` lists them. */
function route(): { page: 'document'; id: string } | { page: 'list' } {
  const match = /^\/d\/([^/]+)\/?$/.exec(location.pathname);
  return match ? { page: 'document', id: decodeURIComponent(match[1]!) } : { page: 'list' };
}

export function App() {
  const current = route();
  return (
    <I18nProvider>
      {current.page === 'document' ? <DocumentPage documentId={current.id} /> : <DocumentList />}
    </I18nProvider>
  );
}

interface DocumentSummary {
  id: string;
  title: string;
  counts: { chapters: number; measures: number };
}

/** The documents on this server. With a single one (the usual case), it opens at once. */
function DocumentList() {
  const { t } = useI18n();
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch('/api/documents')
      .then(async (res) => {
        const body = (await res.json()) as DocumentSummary[] | { error: string };
        if (!res.ok || !Array.isArray(body)) throw new Error('error' in body ? body.error : res.statusText);
        if (body.length === 1) location.replace(`/d/${encodeURIComponent(body[0]!.id)}`);
        else setDocs(body);
      })
      .catch((err: Error) => setError(err.message));
  }, []);
  return (
    <div className="document-page">
      <Header title={t('documents')} />
      <main className="list">
        <h1>{t('documents')}</h1>
        {error && <p className="error">{t('loadError', { error })}</p>}
        {docs?.length === 0 && <p>{t('noDocuments')}</p>}
        {docs && docs.length > 0 && <p>{t('documentsIntro')}</p>}
        <ul className="cards">
          {docs?.map((d) => (
            <li key={d.id}>
              <a href={`/d/${encodeURIComponent(d.id)}`}>
                <strong>{d.title}</strong>
                <span>
                  {t('chaptersCount', { n: d.counts.chapters })} ·{' '}
                  {t('measuresCount', { n: d.counts.measures })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
