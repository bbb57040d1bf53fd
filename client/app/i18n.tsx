import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { format, messages, type Language, type MessageKey } from '../../shared/i18n/messages.js';

const STORAGE_KEY = 'akkoord.language';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
}

/** Dutch first; the switch to English is remembered in this browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  // One value per language: `t` keeps its identity, so effects that use it run again only when the
  // language changes.
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage(next) {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLanguageState(next);
      },
      t: (key, values) => format(messages[language][key], values ?? {}),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
