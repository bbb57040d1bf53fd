import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useDocument } from '../app/documentContext.js';
import { placeCards, type CardAnchor } from './place.js';
import './margin.css';

/** Something with a place in the text: a thread, by id, and the span of its words (null when detached). */
export interface MarginItem {
  id: string;
  span: { from: number; to: number } | null;
}

/** A card's height until it has been measured (a thread with one message and the reply field). */
const GUESSED_HEIGHT = 150;
/** Items just before and after the visible text that may still reach into view, pushed by the others. */
const AROUND = 6;

/**
 * Cards beside the words they are about, in a margin as tall as the side panel, following the text as it
 * scrolls (as in Word and Google Docs): each at the height of its words, moved down just enough not to cover
 * the card above. Only the cards near the visible text are made, so 2,000 threads cost what a screenful
 * does. `items` are in the order of the text.
 */
export function Margin<T extends MarginItem>(props: {
  items: readonly T[];
  render: (item: T) => ReactNode;
  empty: ReactNode;
}) {
  const { items, render } = props;
  const { view, state } = useDocument();
  const box = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const cards = useRef(new Map<string, HTMLElement>());
  const [placed, setPlaced] = useState<{ item: T; top: number }[]>([]);

  const layout = useCallback(() => {
    const el = box.current;
    if (!view || view.isDestroyed || !el) return;
    const frame = el.getBoundingClientRect();
    const text = view.dom.getBoundingClientRect();
    const x = Math.min(Math.max(text.left + 24, 0), window.innerWidth - 1);
    // The text positions at the top and the bottom of the window (posAtCoords only sees what is on screen).
    const at = (y: number) =>
      view.posAtCoords({ left: x, top: Math.min(Math.max(y, 0), window.innerHeight - 1) })?.pos;
    const first = at(Math.max(frame.top, text.top + 1)) ?? 0;
    const last = at(Math.min(frame.bottom, text.bottom - 1)) ?? view.state.doc.content.size;
    const withSpan = items.filter((item) => item.span !== null);
    let from = withSpan.findIndex((item) => item.span!.to >= first);
    if (from < 0) from = withSpan.length;
    let to = withSpan.findIndex((item) => item.span!.from > last);
    if (to < 0) to = withSpan.length;
    const near = withSpan.slice(Math.max(0, from - AROUND), Math.min(withSpan.length, to + AROUND));
    const anchors: CardAnchor[] = near.map((item) => ({
      id: item.id,
      top: view.coordsAtPos(item.span!.from).top - frame.top,
      height: heights.current.get(item.id) ?? GUESSED_HEIGHT,
    }));
    const tops = placeCards(anchors);
    const byId = new Map(near.map((item) => [item.id, item]));
    setPlaced(
      anchors
        .map((a) => ({ item: byId.get(a.id)!, top: tops.get(a.id)!, height: a.height }))
        .filter((c) => c.top < frame.height && c.top + c.height > 0)
        .map(({ item, top }) => ({ item, top })),
    );
  }, [view, items]);

  // Again at every change of the text, its decorations or the threads, and while the page scrolls.
  useLayoutEffect(layout, [layout, state]);
  useEffect(() => {
    let frame = 0;
    const soon = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(layout);
    };
    window.addEventListener('scroll', soon, { passive: true });
    window.addEventListener('resize', soon);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', soon);
      window.removeEventListener('resize', soon);
    };
  }, [layout]);
  // Cards are measured once shown; a height that differs from the guess places them again.
  useLayoutEffect(() => {
    let changed = false;
    for (const { item } of placed) {
      const height = cards.current.get(item.id)?.offsetHeight;
      if (height && Math.abs(height - (heights.current.get(item.id) ?? GUESSED_HEIGHT)) > 1) {
        heights.current.set(item.id, height);
        changed = true;
      }
    }
    if (changed) layout();
  }, [placed, layout]);

  return (
    <div className="comment-margin" ref={box}>
      {items.length === 0 && props.empty}
      {placed.map(({ item, top }) => (
        <ol
          key={item.id}
          className="comment-threads margin-card"
          style={{ transform: `translateY(${Math.round(top)}px)` }}
          ref={(el) => {
            if (el) cards.current.set(item.id, el);
            else cards.current.delete(item.id);
          }}
        >
          {render(item)}
        </ol>
      ))}
    </div>
  );
}
