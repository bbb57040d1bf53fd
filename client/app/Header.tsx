import { useState, type ReactNode } from 'react';
import { useI18n } from './i18n.js';
import type { ConnectionState } from './useRoom.js';
import type { LocalUser } from './identity.js';

/** The top bar: where you are, who is here, the connection, your name and the language switch. */
export function Header(props: {
  title: string;
  connection?: ConnectionState;
  user?: LocalUser;
  onRename?: (name: string) => void;
  children?: ReactNode;
}) {
  const { t, language, setLanguage } = useI18n();
  const [draft, setDraft] = useState(props.user?.name ?? '');
  const status = props.connection;
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
        {props.user && props.onRename && (
          <label className="name-field">
            <span className="sr-only">{t('yourName')}</span>
            <input
              value={draft}
              maxLength={40}
              aria-label={t('yourName')}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={() => draft.trim() && props.onRename?.(draft.trim())}
              onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
            />
          </label>
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
