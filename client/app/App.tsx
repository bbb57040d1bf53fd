import { useEffect, useState, type ReactNode } from 'react';
import { SignInNeeded, SignInPage } from './SignIn.js';
import { api, ApiError, type Me } from './session.js';
import { I18nProvider, useI18n } from './i18n.js';
import { DocumentPage } from './DocumentPage.js';
import { Header } from './Header.js';
import { takeEarlyMe } from './early.js';

type Route = { page: 'document'; id: string } | { page: 'list' } | { page: 'signin' };

/** `/d/<id>` opens a document, `/signin#token=…` signs in; `/` lists the documents. */
function route(): Route {
  if (location.pathname === '/signin') return { page: 'signin' };
  const match = /^\/d\/([^/]+)\/?$/.exec(location.pathname);
  return match ? { page: 'document', id: decodeURIComponent(match[1]!) } : { page: 'list' };
}

export function App() {
  const current = route();
  return (
    <I18nProvider>
      {current.page === 'signin' ? (
        <SignInPage />
      ) : current.page === 'document' ? (
        <SignedIn>{(me) => <DocumentPage documentId={current.id} me={me} />}</SignedIn>
      ) : (
        <SignedIn>{() => <DocumentList />}</SignedIn>
      )}
    </I18nProvider>
  );
}

/** Renders its children for the signed-in person, or tells how to sign in. */
function SignedIn({ children }: { children: (me: Me) => ReactNode }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ me: Me } | { error: Error } | null>(null);
  useEffect(() => {
    (takeEarlyMe() ?? api<Me>('GET', '/api/me'))
      .then((me) => setState({ me }))
      .catch((error: Error) => setState({ error }));
  }, []);
  if (!state) return <p className="loading">{t('loading')}</p>;
  if ('error' in state) {
    const unauthorized = state.error instanceof ApiError && state.error.status === 401;
    return <SignInNeeded reason={unauthorized ? undefined : state.error.message} />;
  }
  return <>{children(state.me)}</>;
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
    api<DocumentSummary[]>('GET', '/api/documents')
      .then((body) => {
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
