import { useEffect, useState, type ReactNode } from 'react';
import { SignInNeeded, SignInPage } from './SignIn.js';
import { api, ApiError, type Account } from './session.js';
import { I18nProvider, useI18n } from './i18n.js';
import { DocumentPage } from './DocumentPage.js';
import { HomePage } from '../negotiations/HomePage.js';
import { NewNegotiationPage } from '../negotiations/NewNegotiationPage.js';
import { AdminDocumentPage } from '../negotiations/AdminDocumentPage.js';
import { takeEarlyMe } from './early.js';

type Route = { page: 'document'; id: string } | { page: 'home' } | { page: 'new' } | { page: 'signin' };

/**
 * `/d/<id>` opens a negotiation, `/signin#token=…` signs in, `/nieuw` makes a new negotiation (an
 * administrator); `/` lists the negotiations.
 */
function route(): Route {
  if (location.pathname === '/signin') return { page: 'signin' };
  if (location.pathname === '/nieuw') return { page: 'new' };
  const match = /^\/d\/([^/]+)\/?$/.exec(location.pathname);
  return match ? { page: 'document', id: decodeURIComponent(match[1]!) } : { page: 'home' };
}

export function App() {
  const current = route();
  return (
    <I18nProvider>
      {current.page === 'signin' ? (
        <SignInPage />
      ) : current.page === 'document' ? (
        <SignedIn>
          {(account) =>
            account.kind === 'admin' ? (
              <AdminDocumentPage documentId={current.id} me={account} />
            ) : (
              <DocumentPage documentId={current.id} me={account} />
            )
          }
        </SignedIn>
      ) : current.page === 'new' ? (
        <SignedIn>{(account) => <NewNegotiationPage account={account} />}</SignedIn>
      ) : (
        <SignedIn>{(account) => <HomePage account={account} />}</SignedIn>
      )}
    </I18nProvider>
  );
}

/** Renders its children for the signed-in person or administrator, or tells how to sign in. */
function SignedIn({ children }: { children: (account: Account) => ReactNode }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ account: Account } | { error: Error } | null>(null);
  useEffect(() => {
    (takeEarlyMe() ?? api<Account>('GET', '/api/me'))
      .then((account) => setState({ account }))
      .catch((error: Error) => setState({ error }));
  }, []);
  if (!state) return <p className="loading">{t('loading')}</p>;
  if ('error' in state) {
    const unauthorized = state.error instanceof ApiError && state.error.status === 401;
    return <SignInNeeded reason={unauthorized ? undefined : state.error.message} />;
  }
  return <>{children(state.account)}</>;
}
