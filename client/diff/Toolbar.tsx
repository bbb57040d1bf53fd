import { useState } from 'react';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { fetchBaseline } from './api.js';
import { diffPluginKey, setDiffOptions } from './plugin.js';
import { useRecordVisit } from './visits.js';
import { useAuthorship } from './useAuthorship.js';

/** The toolbar switches: "Wijzigingen tonen" (against the original) and "Alleen gewijzigde maatregelen". */
export function DiffToolbar() {
  const { t } = useI18n();
  const { documentId, view, state } = useDocument();
  const [loading, setLoading] = useState(false);
  useRecordVisit(documentId);
  const value = state ? diffPluginKey.getState(state) : undefined;
  const show = value?.show ?? false;
  const onlyChanged = value?.onlyChanged ?? false;
  useAuthorship(documentId, view, show, state?.doc);

  const toggle = async () => {
    if (!view) return;
    if (show) {
      view.dispatch(setDiffOptions(view.state.tr, { show: false }));
      return;
    }
    if (diffPluginKey.getState(view.state)?.original) {
      view.dispatch(setDiffOptions(view.state.tr, { show: true, lapsed: t('diffLapsed') }));
      return;
    }
    setLoading(true);
    try {
      const original = await fetchBaseline(documentId);
      view.dispatch(setDiffOptions(view.state.tr, { show: true, original, lapsed: t('diffLapsed') }));
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <button type="button" aria-pressed={show} disabled={!view || loading} onClick={() => void toggle()}>
        {loading ? t('diffLoadingOriginal') : t('diffShowChanges')}
      </button>
      {show && (
        <button
          type="button"
          aria-pressed={onlyChanged}
          onClick={() => view?.dispatch(setDiffOptions(view.state.tr, { onlyChanged: !onlyChanged }))}
        >
          {t('diffOnlyChanged')}
        </button>
      )}
    </>
  );
}
