import { useRef, type KeyboardEvent } from 'react';

/** One tab of the side panel. */
export interface Tab {
  id: string;
  label: string;
}

/** The id of a tab's button and of its panel, for aria-controls and aria-labelledby. */
export const tabId = (id: string) => `tab-${id}`;
export const tabPanelId = (id: string) => `tabpanel-${id}`;

/**
 * The side panel's tabs as the WAI-ARIA tabs pattern: one tab stop, the arrow keys (and Home, End) move
 * between tabs and choose them.
 */
export function PanelTabs(props: {
  tabs: Tab[];
  active: string | null;
  label: string;
  onChoose(id: string): void;
}) {
  const { tabs, active, onChoose } = props;
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.id === active);
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (at + 1) % tabs.length
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null || tabs.length === 0) return;
    e.preventDefault();
    const id = tabs[next]!.id;
    onChoose(id);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(id))}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={props.label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={tabId(tab.id)}
          type="button"
          role="tab"
          aria-selected={tab.id === active}
          aria-controls={tabPanelId(tab.id)}
          tabIndex={tab.id === active ? 0 : -1}
          onClick={() => onChoose(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
