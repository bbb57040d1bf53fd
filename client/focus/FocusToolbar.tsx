import { useDocument } from '../app/documentContext.js';
import { measureAt } from '../amendments/agenda.js';
import { FocusButton } from './FocusButton.js';

/** The toolbar's way into the focus view: the measure the caret is in (absent elsewhere). */
export function FocusToolbar() {
  const { state } = useDocument();
  const measure = state ? measureAt(state) : null;
  return measure ? <FocusButton measureId={measure.id} number={measure.number} /> : null;
}
