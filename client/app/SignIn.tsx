import { useEffect, useState } from 'react';
import { useI18n } from './i18n.js';
import { signIn } from './session.js';
import { Header } from './Header.js';

/**
 * `/signin#token=…`: the page a personal link opens. Signs in, then opens the person's document (an
 * administrator: the list of negotiations).
 */
export function SignInPage() {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const token = new URLSearchParams(location.hash.slice(1)).get('token');
    if (!token) {
      setError(t('signInNoToken'));
      return;
    }
    signIn(token)
      .then((me) =>
        location.replace(me.kind === 'admin' ? '/' : `/d/${encodeURIComponent(me.person.documentId)}`),
      )
      .catch((err: Error) => setError(err.message));
  }, [t]);
  return (
    <div className="document-page">
      <Header title={t('signIn')} />
      <main className="list">
        <h1>{t('signIn')}</h1>
        {error ? <p className="error">{error}</p> : <p>{t('signingIn')}</p>}
      </main>
    </div>
  );
}

/** Shown to a browser that is not signed in: how to get in. */
export function SignInNeeded({ reason }: { reason?: string }) {
  const { t } = useI18n();
  return (
    <div className="document-page">
      <Header title={t('signIn')} />
      <main className="list">
        <h1>{t('signInNeeded')}</h1>
        {reason && <p className="error">{reason}</p>}
        <p>{t('signInHow')}</p>
      </main>
    </div>
  );
}
