import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useI18n } from '../i18n.js';
import { MIN_PANEL_WIDTH } from './panelWidth.js';

/** One arrow key press widens or narrows the panel by this much; with Shift, four times as much. */
const STEP = 24;

/**
 * The side panel's left edge, to drag wider or narrower (or, focused, with the arrow keys, Home and End).
 * The panel sits on the right, so dragging to the left widens it.
 */
export function PanelResizer(props: {
  width: number;
  max: number;
  controls: string;
  onResize(width: number): void;
}) {
  const { t } = useI18n();
  const drag = useRef<{ x: number; width: number } | null>(null);
  const { width, max, onResize } = props;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(drag.current.width + (drag.current.x - e.clientX));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? STEP * 4 : STEP;
    const next =
      e.key === 'ArrowLeft'
        ? width + step
        : e.key === 'ArrowRight'
          ? width - step
          : e.key === 'Home'
            ? MIN_PANEL_WIDTH
            : e.key === 'End'
              ? max
              : null;
    if (next === null) return;
    e.preventDefault();
    onResize(next);
  };

  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('layoutPanelWidth')}
      aria-controls={props.controls}
      aria-valuemin={MIN_PANEL_WIDTH}
      aria-valuemax={max}
      aria-valuenow={width}
      tabIndex={0}
      title={t('layoutPanelWidthHint')}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
