import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { applyTextareaValue } from './textBinding.js';

/**
 * A textarea bound live to a Y.Text: typing becomes minimal edits (so others' concurrent typing survives),
 * others' typing appears at once, and the caret stays where it was when it does. With `label`, the label is
 * shown above the field. The field's value is kept by the DOM, not by React state: a keystroke in the text
 * (suggesting mode writes the same draft) then updates one textarea instead of rendering the page, which
 * costs a walk over the focused editor's DOM.
 */
export function BoundTextarea({
  ytext,
  label,
  className,
  readOnly = false,
  placeholder,
  onEdit,
}: {
  ytext: Y.Text;
  label: string;
  className: string;
  readOnly?: boolean;
  placeholder?: string;
  onEdit?: () => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const update = () => {
      const el = area.current;
      if (!el) return;
      const value = ytext.toString();
      if (el.value === value) return;
      const caret = document.activeElement === el ? [el.selectionStart, el.selectionEnd] : null;
      el.value = value;
      if (caret) el.setSelectionRange(caret[0]!, caret[1]!);
    };
    update();
    ytext.observe(update);
    return () => ytext.unobserve(update);
  }, [ytext]);
  return (
    <label className="bound-field">
      <span className="bound-label">{label}</span>
      <textarea
        ref={area}
        className={className}
        defaultValue={ytext.toString()}
        readOnly={readOnly}
        placeholder={placeholder}
        onChange={(e) => {
          applyTextareaValue(ytext, e.target.value);
          onEdit?.();
        }}
      />
    </label>
  );
}
