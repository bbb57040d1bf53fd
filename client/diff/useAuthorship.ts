import { useEffect } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { AttributedOp } from '../../shared/diff/index.js';
import { useI18n } from '../app/i18n.js';
import { useParties } from '../app/parties.js';
import { fetchDiff } from './api.js';
import { runAttributes } from './authors.js';
import { setDiffOptions } from './plugin.js';

/**
 * Asks the server who wrote what after a change settles: its attribution index is written with each stored
 * update, so by then it has them. A moment, not at once: typing sends an update per keystroke.
 */
const REFRESH_AFTER_MS = 800;

/**
 * While "Wijzigingen tonen" is on, feeds the server's attributed diff of the original against the live
 * text into the editor's change marks (each run in its party's colour, who on hover and as its label), and
 * again after every change once it settles.
 */
export function useAuthorship(
  documentId: string,
  view: EditorView | null,
  show: boolean,
  doc: Node | undefined,
) {
  const { t } = useI18n();
  const parties = useParties(documentId);
  useEffect(() => {
    if (!view || !show) return;
    let live = true;
    const timer = setTimeout(() => {
      fetchDiff(documentId, 'original', 'live')
        .then((diff) => {
          if (!live || view.isDestroyed) return;
          const units = new Map<string, readonly AttributedOp[]>(diff.units.map((u) => [u.id, u.ops]));
          const authorship = { units, mark: runAttributes.bind(null, t, parties) };
          view.dispatch(setDiffOptions(view.state.tr, { authorship }).setMeta('addToHistory', false));
        })
        .catch(() => {
          // The marks show without authors until the next try.
        });
    }, REFRESH_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [documentId, view, show, doc, t, parties]);
}
