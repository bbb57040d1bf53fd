import { useCallback, useEffect, useState } from 'react';
import type { Layout } from './useLayout.js';

/** The side panel's width unless the person widened or narrowed it. */
export const DEFAULT_PANEL_WIDTH = 380;
/** Narrower, the amendment cards' buttons and diffs no longer fit on a line each. */
export const MIN_PANEL_WIDTH = 300;
/** The text column is never narrower than this (issue 14): a measure reads as a paragraph, not a list of words. */
export const MIN_TEXT_WIDTH = 320;
/** The outline's column at ≥ 1280 px; the same number is in layout.css. */
export const OUTLINE_WIDTH = 260;
/** Padding and gaps around the three columns at ≥ 1280 px (2 × 1.25 rem padding, 2 × 1.25 rem gaps). */
const WIDE_CHROME = 80;
/** Over the text (768–1279 px), a strip of the text stays visible beside the panel. */
const MEDIUM_STRIP = 48;

/** The widest the panel may be in a layout and a window of `viewport` CSS pixels. */
export function maxPanelWidth(layout: Layout, viewport: number): number {
  switch (layout) {
    case 'wide':
      return Math.max(MIN_PANEL_WIDTH, viewport - OUTLINE_WIDTH - MIN_TEXT_WIDTH - WIDE_CHROME);
    case 'medium':
      return Math.max(MIN_PANEL_WIDTH, viewport - MEDIUM_STRIP);
    case 'narrow':
      return viewport;
  }
}

/** A wished-for width brought within what the layout allows. */
export function clampPanelWidth(width: number, layout: Layout, viewport: number): number {
  return Math.round(Math.min(Math.max(width, MIN_PANEL_WIDTH), maxPanelWidth(layout, viewport)));
}

const storageKey = (personId: string) => `akkoord.panelWidth.${personId}`;

function stored(personId: string): number {
  const value = Number(localStorage.getItem(storageKey(personId)));
  return Number.isFinite(value) && value >= MIN_PANEL_WIDTH ? value : DEFAULT_PANEL_WIDTH;
}

/** The window's width without its scrollbar, following resizes. */
function useViewportWidth(): number {
  const [width, setWidth] = useState(() => document.documentElement.clientWidth);
  useEffect(() => {
    const update = () => setWidth(document.documentElement.clientWidth);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return width;
}

/**
 * The side panel's width for this person: remembered in this browser (per person, so two people sharing a
 * computer each keep theirs), shown within what the window allows now.
 */
export function usePanelWidth(
  personId: string,
  layout: Layout,
): { width: number; max: number; setWidth(width: number): void } {
  const [wished, setWished] = useState(() => stored(personId));
  const viewport = useViewportWidth();
  const setWidth = useCallback(
    (width: number) => {
      const next = clampPanelWidth(width, layout, viewport);
      localStorage.setItem(storageKey(personId), String(next));
      setWished(next);
    },
    [personId, layout, viewport],
  );
  return {
    width: clampPanelWidth(wished, layout, viewport),
    max: maxPanelWidth(layout, viewport),
    setWidth,
  };
}
