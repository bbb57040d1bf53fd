import { useState } from 'react';
import type { OutlineEntry } from './outline.js';
import { useI18n } from './i18n.js';

/** Scrolls the editor to a node and briefly marks it, so the eye finds it. */
export function jumpTo(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1200);
}

/** The navigation tree: chapters, their sections, and the measures of an opened section. */
export function Outline({ entries }: { entries: OutlineEntry[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  let chapterOpen = false;
  let sectionOpen = false;
  return (
    <nav className="outline" aria-label={t('outline')}>
      <h2>{t('outline')}</h2>
      <ol>
        {entries.map((entry) => {
          if (entry.level === 'chapter') {
            chapterOpen = open.has(entry.id);
            return (
              <li key={entry.id} className="outline-chapter">
                <button className="disclosure" aria-expanded={chapterOpen} onClick={() => toggle(entry.id)}>
                  {chapterOpen ? '▾' : '▸'}
                </button>
                <a href={`#${entry.id}`} onClick={(e) => (e.preventDefault(), jumpTo(entry.id))}>
                  <span className="num">{entry.number}</span> {entry.label}
                </a>
              </li>
            );
          }
          if (!chapterOpen) return null;
          if (entry.level === 'section') {
            sectionOpen = open.has(entry.id);
            return (
              <li key={entry.id} className="outline-section">
                <button className="disclosure" aria-expanded={sectionOpen} onClick={() => toggle(entry.id)}>
                  {sectionOpen ? '▾' : '▸'}
                </button>
                <a href={`#${entry.id}`} onClick={(e) => (e.preventDefault(), jumpTo(entry.id))}>
                  <span className="num">{entry.number}</span> {entry.label}
                </a>
              </li>
            );
          }
          if (!sectionOpen) return null;
          return (
            <li key={entry.id} className="outline-measure">
              <a
                href={`#${entry.id}`}
                onClick={(e) => (e.preventDefault(), jumpTo(entry.id))}
                title={entry.label}
              >
                <span className="num">{entry.number}</span> {entry.label}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
