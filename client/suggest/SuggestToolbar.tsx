import { useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { can } from '../../shared/auth/roles.js';
import { FALLBACK_COLOR } from '../../shared/auth/person.js';
import type { Amendment, AmendmentKind } from '../../shared/amendments/types.js';
import { reapply } from '../../shared/amendments/reapply.js';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { api } from '../app/session.js';
import { useDrafts } from '../amendments/useDrafts.js';
import { useNegotiation, useParties } from '../amendments/useNegotiation.js';
import { focusAmendment } from '../amendments/focus.js';
import type { InlineProposal } from './decorations.js';
import { measureSpans } from './measures.js';
import { refreshMeasures, setSuggestConfig, SUGGEST_ORIGIN, type DraftRef } from './plugin.js';
import { isShown, setShown, useShown, type ShowChoice } from './showStore.js';
import { PARTY_DRAFTS } from '../../shared/amendments/types.js';

/** The keyboard shortcut of "Voorstellen" (Word's for track changes). */
const SHORTCUT = 'Ctrl+Shift+E';

/** Who typed each run of a draft's text (suggesting mode marks its runs with an `author` attribute). */
function authorsOf(ytext: Y.Text): (offset: number) => string | null {
  return (offset) => {
    let at = 0;
    for (const op of ytext.toDelta() as { insert: unknown; attributes?: { author?: unknown } }[]) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (offset < at + length)
        return typeof op.attributes?.author === 'string' ? op.attributes.author : null;
      at += length;
    }
    return null;
  };
}

/**
 * An amendment's text on the measure as it is now: as submitted when the measure did not change since,
 * else re-applied (as the card shows it), else as submitted. Remembers its last answer.
 */
function resolver(a: Amendment): (agreed: string) => string | null {
  let last: { agreed: string; text: string | null } | null = null;
  return (agreed) => {
    if (a.baseText === null || agreed === a.baseText || a.text === null) return a.text;
    if (last?.agreed === agreed) return last.text;
    const merged = reapply(a.baseText, a.text, agreed);
    last = { agreed, text: merged.kind === 'clean' ? merged.text : a.text };
    return last.text;
  };
}

/**
 * Suggesting mode's controls in the toolbar — "Voorstellen" (with its shortcut), the chair's "Direct
 * wijzigen", "Voorstellen tonen" — and the bridge that hands the editor plugin the party's drafts, the
 * submitted amendments to show and what the person may do, live.
 */
export function SuggestToolbar() {
  const { t } = useI18n();
  const { documentId, me, drafting, view, meta, party: partyRoom, openPanel } = useDocument();
  const role = me.person.role;
  const party = me.person.party;
  const mayWrite = can(role, 'text.edit', drafting);
  const mayPropose = can(role, 'amendment.propose');
  const [choice, setChoice] = useState<boolean | null>(null);
  const suggesting = mayPropose && (choice ?? !mayWrite);
  const [direct, setDirect] = useState(false);
  const shown = useShown();
  const negotiation = useNegotiation(meta);
  const parties = useParties(documentId);
  const drafts = useDrafts(partyRoom);
  const [error, setError] = useState<string | null>(null);
  const creating = useRef(new Set<string>());
  const focusInsert = useRef<string | null>(null);

  const createDraft = useCallback(
    (measureId: string, kind: AmendmentKind, text?: string) => {
      const key = `${measureId}:${kind}`;
      if (creating.current.has(key)) return;
      creating.current.add(key);
      if (kind === 'insert') focusInsert.current = measureId;
      setError(null);
      api('POST', `/api/documents/${documentId}/amendments`, {
        measure: measureId,
        kind,
        rationale: '',
        ...(text === undefined ? {} : { text }),
      })
        .catch((err: Error) => setError(err.message))
        .finally(() => creating.current.delete(key));
    },
    [documentId],
  );

  // Ctrl+Shift+E anywhere on the page switches suggesting mode, as in Word.
  useEffect(() => {
    if (!mayPropose) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        setChoice(!suggesting);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mayPropose, suggesting]);

  useEffect(() => {
    if (!view) return;
    const colorOf = (short: string) => parties.find((p) => p.short === short)?.color ?? FALLBACK_COLOR;
    const texts = new Map(measureSpans(view.state.doc).map((m) => [m.id, m.text]));
    const draftRefs = new Map<string, DraftRef>();
    const proposals = new Map<string, InlineProposal[]>();
    const add = (p: InlineProposal) => {
      const list = proposals.get(p.measureId);
      if (list) list.push(p);
      else proposals.set(p.measureId, [p]);
    };
    const ordered = [...drafts].sort((a, b) =>
      String(a.get('createdAt')).localeCompare(String(b.get('createdAt'))),
    );
    for (const entry of ordered) {
      const id = String(entry.get('id'));
      const measureId = String(entry.get('measureId'));
      const kind = entry.get('kind') as AmendmentKind;
      const text = entry.get('text');
      if (entry.get('parent') !== undefined) continue;
      const ytext = text instanceof Y.Text ? text : null;
      if (kind === 'replace' && ytext && !draftRefs.has(measureId))
        draftRefs.set(measureId, { id, kind, text: ytext });
      add({
        key: `draft:${id}`,
        measureId,
        kind,
        text: kind === 'delete' ? null : (ytext?.toString() ?? ''),
        color: colorOf(party),
        label: t('sgDraftBy', { party }),
        amendmentId: null,
        ...(ytext ? { authorAt: authorsOf(ytext) } : {}),
        ...(kind === 'insert' && ytext && mayPropose ? { ytext, fieldLabel: t('sgInsertLabel') } : {}),
      });
    }
    for (const a of negotiation.amendments) {
      if (a.status !== 'submitted' || a.parent !== null || !isShown(shown, a.party)) continue;
      if (!texts.has(a.measureId)) continue;
      add({
        key: a.id,
        measureId: a.measureId,
        kind: a.kind,
        text: a.text,
        resolve: resolver(a),
        color: colorOf(a.party),
        label: t('sgAmendmentBy', { number: a.number, party: a.party }),
        amendmentId: a.id,
      });
    }
    const pending = new Set(
      negotiation.amendments.filter((a) => a.status === 'submitted').map((a) => a.measureId),
    );
    view.dispatch(
      setSuggestConfig(view.state.tr, {
        suggesting,
        direct,
        mayWrite,
        mayPropose,
        pending,
        drafts: draftRefs,
        proposals,
        name: me.person.name,
        words: {
          propose: t('sgHintPropose'),
          pending: t('sgHintPending'),
          measure: t('sgHintMeasure'),
          enter: t('sgHintEnter'),
          readOnly: t('sgHintReadOnly'),
        },
        createDraft,
        focusAmendment: (id) => {
          focusAmendment(id);
          openPanel('amendments');
        },
      }),
    );
    const insertFor = focusInsert.current;
    if (
      insertFor &&
      draftRefs &&
      drafts.some((d) => d.get('measureId') === insertFor && d.get('kind') === 'insert')
    ) {
      focusInsert.current = null;
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLTextAreaElement>(`.sg-insert-block[data-measure="${insertFor}"] textarea`)
          ?.focus(),
      );
    }
  }, [
    view,
    suggesting,
    direct,
    mayWrite,
    mayPropose,
    negotiation.amendments,
    drafts,
    shown,
    parties,
    t,
    me,
    party,
    createDraft,
    openPanel,
  ]);

  // Colleagues typing in a draft (or the side panel's field): show that measure again.
  useEffect(() => {
    if (!partyRoom || !view) return;
    const map = partyRoom.doc.getMap(PARTY_DRAFTS);
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
      if (tr.origin === SUGGEST_ORIGIN) return;
      const ids = new Set<string>();
      for (const event of events) {
        const entry = event.path.length > 0 ? map.get(String(event.path[0])) : null;
        if (entry instanceof Y.Map) ids.add(String(entry.get('measureId')));
      }
      if (ids.size > 0) view.dispatch(refreshMeasures(view.state.tr, [...ids]));
    };
    map.observeDeep(onChange);
    return () => map.unobserveDeep(onChange);
  }, [partyRoom, view]);

  const showValue = typeof shown === 'object' ? shown.party : shown;
  const choose = (value: string): ShowChoice =>
    value === 'none' || value === 'all' ? value : { party: value };
  return (
    <>
      {mayPropose && (
        <button
          type="button"
          className="sg-toggle"
          aria-pressed={suggesting}
          title={t('sgSuggestTitle', { shortcut: SHORTCUT, party })}
          aria-keyshortcuts="Control+Shift+E"
          onClick={() => setChoice(!suggesting)}
        >
          {t('sgSuggest')}
        </button>
      )}
      {mayPropose && mayWrite && (
        <button
          type="button"
          className="sg-direct"
          aria-pressed={direct}
          title={t('sgDirectTitle')}
          onClick={() => setDirect(!direct)}
        >
          {t('sgDirect')}
        </button>
      )}
      <span className="sg-show">
        <span aria-hidden="true">{t('sgShow')}</span>
        <select aria-label={t('sgShow')} value={showValue} onChange={(e) => setShown(choose(e.target.value))}>
          <option value="none">{t('sgShowNone')}</option>
          <option value="all">{t('sgShowAll')}</option>
          {parties.map((p) => (
            <option key={p.short} value={p.short}>
              {t('sgShowParty', { party: p.short })}
            </option>
          ))}
        </select>
      </span>
      {error && (
        <span className="am-error" role="alert">
          {t('amError', { error })}
        </span>
      )}
    </>
  );
}
