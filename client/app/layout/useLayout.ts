import { useEffect, useState } from 'react';

/**
 * How the document page is laid out, by the width of the window:
 * - `wide` (≥ 1280 px): outline, text and side panel side by side;
 * - `medium` (768–1279 px): the text, with outline and side panel sliding over it;
 * - `narrow` (< 768 px): one column, outline and side panel as full-screen sheets.
 */
export type Layout = 'wide' | 'medium' | 'narrow';

/** The smallest width of each layout; the same numbers are in layout.css. */
export const WIDE_FROM = 1280;
export const MEDIUM_FROM = 768;

const WIDE_QUERY = `(min-width: ${WIDE_FROM}px)`;
const MEDIUM_QUERY = `(min-width: ${MEDIUM_FROM}px)`;

/** The layout for the window as it is now. */
export function currentLayout(): Layout {
  if (window.matchMedia(WIDE_QUERY).matches) return 'wide';
  if (window.matchMedia(MEDIUM_QUERY).matches) return 'medium';
  return 'narrow';
}

/** The layout, following the window as it is resized or turned. */
export function useLayout(): Layout {
  const [layout, setLayout] = useState<Layout>(currentLayout);
  useEffect(() => {
    const queries = [window.matchMedia(WIDE_QUERY), window.matchMedia(MEDIUM_QUERY)];
    const update = () => setLayout(currentLayout());
    for (const q of queries) q.addEventListener('change', update);
    update();
    return () => {
      for (const q of queries) q.removeEventListener('change', update);
    };
  }, []);
  return layout;
}
