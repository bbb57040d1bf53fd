import { useI18n } from '../app/i18n.js';
import { FocusIcon } from '../app/icons.js';
import { openFocus } from './store.js';

/** Opens the focus view on a measure. */
export function FocusButton({ measureId, number }: { measureId: string; number: string }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="focus-open"
      title={t('focusOpenTitle', { number })}
      aria-label={t('focusOpenLabel', { number })}
      aria-haspopup="dialog"
      onClick={() => openFocus(measureId)}
    >
      <FocusIcon /> {t('focusOpen')}
    </button>
  );
}
