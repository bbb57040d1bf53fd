import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from './i18n.js';
import type { ConnectionState } from './useRoom.js';
import { api, type Account } from './session.js';

/**
 * The top bar: where you are, who is here, the connection, who you are and the language switch. On a phone
 * (< 768 px) the title is left out, the connection keeps its dot, and who you are, signing out and the
 * language move into a menu.
 */
export function Header(props: {
  title: string;
  connection?: ConnectionState;
  me?: Account;
  children?: ReactNode;
  /** Tools beside the menu (search, notifications). */
  tools?: ReactNode;
}) {
  const { t, language, setLanguage } = useI18n();
  const status = props.connection;
  const me = props.me;
  const [menuOpen, setMenuOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!menuOpen) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        toggle.current?.focus();
      } else if (menu.current?.contains(e.target as Node) || toggle.current?.contains(e.target as Node))
        return;
      setMenuOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [menuOpen]);
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
            <span className="status-text">
              {status.kind === 'connected'
                ? t('connected')
                : status.kind === 'connecting'
                  ? t('connecting')
                  : t('disconnectedShort')}
            </span>
          </span>
        )}
        {props.tools}
        <button
          type="button"
          className="lang menu-toggle"
          ref={toggle}
          aria-expanded={menuOpen}
          aria-controls="topbar-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('layoutMenu')}
        </button>
        <div id="topbar-menu" className={`topbar-menu${menuOpen ? ' open' : ''}`} ref={menu}>
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
              type="button"
              className="lang"
              onClick={() => {
                void api('DELETE', '/api/session').finally(() => location.assign('/'));
              }}
            >
              {t('signOut')}
            </button>
          )}
          <button
            type="button"
            className="lang"
            onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}
            lang={language === 'nl' ? 'en' : 'nl'}
          >
            {t('switchLanguage')}
          </button>
        </div>
      </div>
    </header>
  );
}
