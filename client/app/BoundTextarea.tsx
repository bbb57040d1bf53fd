import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { applyTextareaValue } from './textBinding.js';

/**
 * A textarea bound live to a Y.Text: typing becomes minimal edits (so others' concurrent typing survives),
 * others' typing appears at once, and the caret stays where it was when it does. With `label`, the label is
 * shown above the field.
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
  const [value, setValue] = useState(() => ytext.toString());
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const update = () => {
      const el = area.current;
      const caret = el && document.activeElement === el ? [el.selectionStart, el.selectionEnd] : null;
      setValue(ytext.toString());
      if (caret && el) requestAnimationFrame(() => el.setSelectionRange(caret[0]!, caret[1]!));
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
        value={value}
        readOnly={readOnly}
        placeholder={placeholder}
        onChange={(e) => {
          setValue(e.target.value);
          applyTextareaValue(ytext, e.target.value);
          onEdit?.();
        }}
      />
    </label>
  );
}
