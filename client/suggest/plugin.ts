/**
 * Suggesting mode ("Voorstellen") in the editor. The agreed text in the Y.XmlFragment is never changed by
 * it: typing, deleting and pasting inside a measure are caught before they become a transaction
 * (handleTextInput, handleKeyDown, handlePaste) and carried over to the party's draft amendment of that
 * measure — its Y.Text in the party room, so the party's negotiators co-edit it live — and the draft and
 * the submitted amendments one chose to see are shown inline as decorations. filterTransaction refuses any
 * other local change where one may not write directly, and a hint at the caret says why.
 */
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { applyProposalEdit, carryEdit } from '../../shared/amendments/suggest.js';
import type { AmendmentKind } from '../../shared/amendments/types.js';
import { quiet } from '../editor/quiet.js';
import { measureDecorations, type InlineProposal, type SuggestSpec } from './decorations.js';
import { measureAround, measureById, measureSpans, type MeasureSpan } from './measures.js';

/** A draft of the person's party on a measure: its id, kind and live text. */
export interface DraftRef {
  id: string;
  kind: AmendmentKind;
  text: Y.Text;
}

/** What the page tells the plugin. Replaced as a whole by `setSuggestConfig`. */
export interface SuggestConfig {
  /** "Voorstellen" is on. */
  suggesting: boolean;
  /** "Direct wijzigen": measures with pending amendments are edited directly too. */
  direct: boolean;
  /** The person may write the agreed text (role and drafting). */
  mayWrite: boolean;
  /** The person may propose amendments. */
  mayPropose: boolean;
  /** Measures with pending amendments. */
  pending: ReadonlySet<string>;
  /** The party's replace drafts by measure (the one typing goes to). */
  drafts: ReadonlyMap<string, DraftRef>;
  /** Everything shown inline, by measure: the party's drafts and the submitted amendments chosen. */
  proposals: ReadonlyMap<string, readonly InlineProposal[]>;
  /** The person's name (typed runs are credited to it). */
  name: string;
  /** The hint sentences, in the page's language. */
  words: { propose: string; pending: string; measure: string; enter: string; readOnly: string };
  /** Creates the party's draft of a kind on a measure (through the API); its text arrives in the party room. */
  createDraft(measureId: string, kind: AmendmentKind, text?: string): void;
  /** A click on an inline amendment: show its card. */
  focusAmendment(id: string): void;
}

interface Caret {
  measureId: string;
  /** Where the editor shows it (agreed offset) and where it is in the proposal. */
  agreed: number;
  proposal: number;
}

interface SuggestState {
  config: SuggestConfig | null;
  decorations: DecorationSet;
  /** Proposal texts typed before their draft arrived from the server, by measure. */
  shadows: ReadonlyMap<string, string>;
  caret: Caret | null;
  /** A hint shown at the caret, until the selection or the mode changes. */
  hint: { pos: number; message: string } | null;
}

type Meta =
  | { config: SuggestConfig }
  | { refresh: readonly string[] }
  | { edited: string; caret: Caret; shadow?: string }
  | { shadowDone: string }
  | { hint: { pos: number; message: string } };

/** The plugin's key. */
export const suggestKey = new PluginKey<SuggestState>('suggest');

/** Origin of the plugin's own writes to a draft (the page does not refresh on them: the plugin did). */
export const SUGGEST_ORIGIN = 'akkoord-suggest';

/** Gives the plugin a new configuration. */
export function setSuggestConfig(tr: Transaction, config: SuggestConfig): Transaction {
  return tr.setMeta(suggestKey, { config } satisfies Meta);
}

/** Recomputes what is shown on some measures (their draft or amendments changed). */
export function refreshMeasures(tr: Transaction, measureIds: readonly string[]): Transaction {
  return quiet(tr.setMeta(suggestKey, { refresh: measureIds } satisfies Meta));
}

/** The proposals shown on a measure: the configured ones, with a shadow text for a draft not there yet. */
function proposalsOf(state: SuggestState, measureId: string): readonly InlineProposal[] {
  const list = state.config?.proposals.get(measureId) ?? [];
  const shadow = state.shadows.get(measureId);
  if (shadow === undefined || state.config?.drafts.has(measureId)) return list;
  return [
    ...list,
    {
      key: `shadow:${measureId}`,
      measureId,
      kind: 'replace',
      text: shadow,
      color: 'var(--accent)',
      label: '',
      amendmentId: null,
    },
  ];
}

/** The text a draft proposes now (live), overriding the configured snapshot. */
function liveProposals(state: SuggestState, measureId: string): readonly InlineProposal[] {
  const draft = state.config?.drafts.get(measureId);
  return proposalsOf(state, measureId).map((p) =>
    draft && p.key === `draft:${draft.id}` ? { ...p, text: draft.text.toString() } : p,
  );
}

function allDecorations(doc: EditorState['doc'], state: SuggestState): DecorationSet {
  if (!state.config) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const m of measureSpans(doc)) {
    if (!state.config.proposals.has(m.id) && !state.shadows.has(m.id)) continue;
    decorations.push(...measureDecorations(m, liveProposals(state, m.id)));
  }
  return DecorationSet.create(doc, decorations);
}

/** Replaces the decorations of some measures (found by id) in a set. */
function replaceMeasures(
  doc: EditorState['doc'],
  set: DecorationSet,
  state: SuggestState,
  ids: readonly string[],
): DecorationSet {
  let next = set;
  for (const id of ids) {
    const m = measureById(doc, id);
    const own = (spec: SuggestSpec) => spec.suggest && spec.measureId === id;
    if (m) {
      next = next.remove(next.find(m.pos, m.pos + (m.end - m.start) + 2, own));
      next = next.add(doc, measureDecorations(m, liveProposals(state, id)));
    } else next = next.remove(next.find(undefined, undefined, own));
  }
  return next;
}

/** Above this many changed measures, all decorations are made again at once (cheaper than one by one). */
const INCREMENTAL_LIMIT = 40;

/** What a proposal shows, as one string: two proposals with the same signature look the same. */
function signature(list: readonly InlineProposal[] | undefined): string {
  if (!list) return '';
  return list
    .map(
      (p) =>
        `${p.key}\u0001${p.kind}\u0001${p.text ?? ''}\u0001${p.color}\u0001${p.label}\u0001${p.ytext ? 1 : 0}`,
    )
    .join('\u0002');
}

/** The measures whose shown proposals differ between two configurations. */
function changedMeasures(before: SuggestConfig, after: SuggestConfig): string[] {
  const ids = new Set([...before.proposals.keys(), ...after.proposals.keys()]);
  const out: string[] = [];
  for (const id of ids) {
    const a = before.proposals.get(id);
    const b = after.proposals.get(id);
    if (a === b) continue;
    const draftA = before.drafts.get(id);
    const draftB = after.drafts.get(id);
    if (draftA?.text !== draftB?.text || signature(a) !== signature(b)) out.push(id);
  }
  return out;
}

function hintWidget(message: string): HTMLElement {
  const el = document.createElement('span');
  el.className = 'sg-hint';
  el.setAttribute('role', 'status');
  el.textContent = message;
  return el;
}

/** How an edit at a measure is made: in the text, as a proposal, refused with a hint. */
type Route = { kind: 'direct' } | { kind: 'suggest' } | { kind: 'hint'; message: string };

function route(config: SuggestConfig | null, measureId: string | null): Route {
  if (!config) return { kind: 'direct' };
  const guarded = measureId !== null && config.pending.has(measureId) && !config.direct;
  if (config.mayWrite && !config.suggesting && !guarded) return { kind: 'direct' };
  if (!config.mayPropose) return { kind: 'hint', message: config.words.readOnly };
  if (!config.suggesting && !config.mayWrite) return { kind: 'hint', message: config.words.propose };
  if (measureId === null) return { kind: 'hint', message: config.words.measure };
  return { kind: 'suggest' };
}

function showHint(view: EditorView, message: string): void {
  view.dispatch(
    view.state.tr.setMeta(suggestKey, { hint: { pos: view.state.selection.head, message } } satisfies Meta),
  );
}

/**
 * Carries an edit of the agreed text (`from`–`to` replaced by `insert`) over to the party's draft of the
 * measure: the draft's Y.Text changes (or, until the draft exists, a shadow text that is written into it
 * when it arrives), the inline proposal is shown again, and the caret moves as in a text editor.
 */
function suggest(view: EditorView, m: MeasureSpan, from: number, to: number, insert: string): void {
  const state = suggestKey.getState(view.state)!;
  const config = state.config!;
  const head = view.state.selection.head - m.start;
  const draft = config.drafts.get(m.id);
  const proposal = draft ? draft.text.toString() : (state.shadows.get(m.id) ?? m.text);
  const known = state.caret && state.caret.measureId === m.id && state.caret.agreed === head;
  const edit = carryEdit(m.text, proposal, {
    from: from - m.start,
    to: to - m.start,
    insert,
    head,
    caret: known ? state.caret!.proposal : undefined,
  });
  let shadow: string | undefined;
  if (draft) {
    draft.text.doc!.transact(() => {
      if (edit.remove > 0) draft.text.delete(edit.index, edit.remove);
      if (edit.insert) draft.text.insert(edit.index, edit.insert, { author: config.name });
    }, SUGGEST_ORIGIN);
  } else {
    if (!state.shadows.has(m.id)) config.createDraft(m.id, 'replace');
    shadow = applyProposalEdit(proposal, edit);
  }
  const caret: Caret = { measureId: m.id, agreed: edit.caret, proposal: edit.proposalCaret };
  const moved = view.state.selection.head !== m.start + edit.caret;
  const tr = view.state.tr
    .setSelection(TextSelection.create(view.state.doc, m.start + edit.caret))
    .setMeta(suggestKey, { edited: m.id, caret, shadow } satisfies Meta);
  view.dispatch(quiet(moved ? tr.scrollIntoView() : tr));
}

/** Handles an edit made by typing, pasting or deleting; true when it was not left to the editor. */
function handleEdit(view: EditorView, from: number, to: number, insert: string): boolean {
  const state = suggestKey.getState(view.state);
  const m = measureAround(view.state.doc, from, to);
  const r = route(state?.config ?? null, m?.id ?? null);
  if (r.kind === 'direct') return false;
  if (r.kind === 'hint') {
    showHint(view, r.message);
    return true;
  }
  const config = state!.config!;
  if (insert === '' && m && from === m.start && to === m.end && m.text.length > 0) {
    config.createDraft(m.id, 'delete');
    return true;
  }
  suggest(view, m!, from, to, insert);
  return true;
}

function deleteRange(state: EditorState, key: string): { from: number; to: number } | null {
  const { from, to, empty, head } = state.selection;
  if (!empty) return { from, to };
  if (key === 'Backspace') return head > 0 ? { from: head - 1, to: head } : null;
  return { from: head, to: head + 1 };
}

/** The editor plugin of suggesting mode (configured by the page with `setSuggestConfig`). */
export function suggestPlugin(): Plugin<SuggestState> {
  return new Plugin<SuggestState>({
    key: suggestKey,
    state: {
      init: () => ({
        config: null,
        decorations: DecorationSet.empty,
        shadows: new Map(),
        caret: null,
        hint: null,
      }),
      apply(tr, prev, _old, next): SuggestState {
        const meta = tr.getMeta(suggestKey) as Meta | undefined;
        let state = prev;
        if (tr.selectionSet && !(meta && 'edited' in meta)) state = { ...state, hint: null };
        if (tr.docChanged) {
          // A remote change or a direct edit: positions and agreed texts moved, show everything again.
          state = { ...state, caret: null, hint: null };
          state = { ...state, decorations: allDecorations(next.doc, state) };
        }
        if (!meta) return state;
        if ('config' in meta) {
          const changed = tr.docChanged || !prev.config ? null : changedMeasures(prev.config, meta.config);
          state = { ...state, config: meta.config, hint: null };
          // Usually little changed (a draft came, a position was recorded): show only those measures again.
          if (changed && changed.length <= INCREMENTAL_LIMIT)
            return { ...state, decorations: replaceMeasures(next.doc, state.decorations, state, changed) };
          return { ...state, decorations: allDecorations(next.doc, state) };
        }
        if ('refresh' in meta)
          return { ...state, decorations: replaceMeasures(next.doc, state.decorations, state, meta.refresh) };
        if ('edited' in meta) {
          const shadows = new Map(state.shadows);
          if (meta.shadow !== undefined) shadows.set(meta.edited, meta.shadow);
          state = { ...state, shadows, caret: meta.caret, hint: null };
          return {
            ...state,
            decorations: replaceMeasures(next.doc, state.decorations, state, [meta.edited]),
          };
        }
        if ('shadowDone' in meta) {
          const shadows = new Map(state.shadows);
          shadows.delete(meta.shadowDone);
          state = { ...state, shadows };
          return {
            ...state,
            decorations: replaceMeasures(next.doc, state.decorations, state, [meta.shadowDone]),
          };
        }
        return { ...state, hint: meta.hint };
      },
    },
    props: {
      decorations(state) {
        const s = suggestKey.getState(state);
        if (!s?.hint) return s?.decorations;
        const { pos, message } = s.hint;
        return s.decorations.add(state.doc, [
          Decoration.widget(pos, () => hintWidget(message), { key: `hint-${message}`, side: 1 }),
        ]);
      },
      handleTextInput(view, from, to, text) {
        return handleEdit(view, from, to, text);
      },
      handleDOMEvents: {
        // Typed text is taken before the browser puts it in the page (handleTextInput comes after, for
        // input methods whose text cannot be stopped): the agreed text's DOM is never touched, so the
        // editor only redraws the proposal's marks, not the measure around the caret.
        beforeinput(view, event) {
          if (event.inputType !== 'insertText' || !event.data || view.composing) return false;
          const { from, to } = view.state.selection;
          if (!handleEdit(view, from, to, event.data)) return false;
          event.preventDefault();
          return true;
        },
      },
      handlePaste(view, _event, slice) {
        const { from, to } = view.state.selection;
        return handleEdit(view, from, to, slice.content.textBetween(0, slice.content.size, ' '));
      },
      handleDrop(view) {
        const r = route(suggestKey.getState(view.state)?.config ?? null, null);
        return r.kind !== 'direct';
      },
      handleKeyDown(view, event) {
        const config = suggestKey.getState(view.state)?.config ?? null;
        if (!config || event.ctrlKey || event.metaKey || event.altKey) return false;
        if (event.key === 'Backspace' || event.key === 'Delete') {
          const range = deleteRange(view.state, event.key);
          if (!range) return false;
          return handleEdit(view, range.from, range.to, '');
        }
        if (event.key === 'Enter') {
          const { from, to } = view.state.selection;
          const m = measureAround(view.state.doc, from, to);
          const r = route(config, m?.id ?? null);
          if (r.kind === 'direct') return false;
          if (r.kind === 'hint') showHint(view, r.message);
          else if (m && from === m.end) config.createDraft(m.id, 'insert', '');
          else showHint(view, config.words.enter);
          return true;
        }
        return false;
      },
      handleClickOn(_view, _pos, _node, _nodePos, event) {
        const target = (event.target as HTMLElement | null)?.closest?.('[data-amendment]');
        const id = target?.getAttribute('data-amendment');
        const config = suggestKey.getState(_view.state)?.config;
        if (id && config) config.focusAmendment(id);
        return false;
      },
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged || tr.getMeta(ySyncPluginKey)) return true;
      const config = suggestKey.getState(state)?.config ?? null;
      if (!config) return true;
      if (!config.mayWrite || config.suggesting) return false;
      if (config.direct || config.pending.size === 0) return true;
      // Measures with pending amendments change only through proposals unless "Direct wijzigen".
      let touches = false;
      tr.steps.forEach((step, i) => {
        step.getMap().forEach((oldStart, oldEnd) => {
          tr.docs[i]!.nodesBetween(oldStart, oldEnd, (node) => {
            if (node.type.name === 'measure' && config.pending.has(String(node.attrs.id))) touches = true;
            return !touches && !node.isTextblock;
          });
        });
      });
      return !touches;
    },
    view: () => ({
      update(view) {
        // A draft typed into before it existed has arrived: its text becomes what was typed.
        const state = suggestKey.getState(view.state);
        if (!state?.config) return;
        for (const [measureId, text] of state.shadows) {
          const draft = state.config.drafts.get(measureId);
          if (!draft) continue;
          const current = draft.text.toString();
          if (current !== text)
            draft.text.doc!.transact(() => {
              draft.text.delete(0, current.length);
              draft.text.insert(0, text, { author: state.config!.name });
            }, SUGGEST_ORIGIN);
          queueMicrotask(() =>
            view.dispatch(view.state.tr.setMeta(suggestKey, { shadowDone: measureId } satisfies Meta)),
          );
        }
      },
    }),
  });
}
