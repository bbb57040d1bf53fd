import type { ReactNode } from 'react';
import { useI18n } from './i18n.js';
import type { ConnectionState } from './useRoom.js';
import { api, type Account } from './session.js';

/** The top bar: where you are, who is here, the connection, who you are and the language switch. */
export function Header(props: {
  title: string;
  connection?: ConnectionState;
  me?: Account;
  children?: ReactNode;
}) {
  const { t, language, setLanguage } = useI18n();
  const status = props.connection;
  const me = props.me;
  return (
    <header className="topbar">
      <a className="brand" href="/">
        {t('appName')}
      </a>
      <span className="doc-title">{props.title}</span>
      <div className="topbar-right">
        {props.children}
        {status && (
          <span className={`status status-${status.kind}`} role="status">
            {status.kind === 'connected'
              ? t('connected')
              : status.kind === 'connecting'
                ? t('connecting')
                : '⚠'}
          </span>
        )}
        {me?.kind === 'person' && (
          <span className="me" style={{ borderColor: me.party?.color }}>
            <strong>{me.person.name}</strong> · {me.person.party} · {t(`role_${me.person.role}`)}
          </span>
        )}
        {me?.kind === 'admin' && (
          <span className="me">
            <strong>{me.admin.name}</strong> · {t('roleAdmin')}
          </span>
        )}
        {me && (
          <button
            className="lang"
            onClick={() => {
              void api('DELETE', '/api/session').finally(() => location.assign('/'));
            }}
          >
            {t('signOut')}
          </button>
        )}
        <button
          className="lang"
          onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}
          lang={language === 'nl' ? 'en' : 'nl'}
        >
          {t('switchLanguage')}
        </button>
      </div>
    </header>
  );
}
