/**
 * Proposals shown inline as track changes: text taken out struck through, text put in underlined, in the
 * proposing party's colour, who proposed it on hover. A new measure shows as a block after its measure (for
 * the party's own draft: a field bound live to the draft's text), a deletion as the whole measure struck.
 */
import { Decoration } from 'prosemirror-view';
import type * as Y from 'yjs';
import type { AmendmentKind } from '../../shared/amendments/types.js';
import { suggestOps, type SuggestOp } from '../../shared/amendments/suggest.js';
import { applyTextareaValue } from '../app/textBinding.js';
import type { MeasureSpan } from './measures.js';

/** One proposal to show on a measure. */
export interface InlineProposal {
  /** Unique among the shown proposals (the amendment's id, or "draft:<id>"). */
  key: string;
  measureId: string;
  kind: AmendmentKind;
  /** The proposed text (replace, insert); null for delete. */
  text: string | null;
  /**
   * The proposed text on the measure's text as it is now, when it differs from `text` (an amendment
   * re-applied onto a measure that moved on since it was submitted).
   */
  resolve?: (agreed: string) => string | null;
  color: string;
  /** Shown on hover: "A-7 van D66", "Voorstel van D66 (concept)". */
  label: string;
  /** The amendment's id (a click on it shows its card), null for a draft. */
  amendmentId: string | null;
  /** Who typed which part of a draft: the name at a proposal offset, when known. */
  authorAt?: (offset: number) => string | null;
  /** A draft's live text, for the party's own new-measure field. */
  ytext?: Y.Text;
  /** The words of the field's label ("Tekst van de nieuwe maatregel"). */
  fieldLabel?: string;
}

/** The spec every decoration of this plugin carries: whose it is, so one measure's can be replaced. */
export interface SuggestSpec {
  measureId: string;
  suggest: true;
}

// The diff of a measure and a proposal, by both texts: showing all proposals again after an unrelated
// change (a position recorded, a remote edit elsewhere) then costs a lookup, not a diff.
const opsCache = new Map<string, SuggestOp[]>();
const OPS_CACHE_SIZE = 10_000;

/** The diff of the agreed text and a proposal, remembered. */
export function cachedOps(agreed: string, proposal: string): SuggestOp[] {
  const key = `${agreed}\u0000${proposal}`;
  let ops = opsCache.get(key);
  if (!ops) {
    ops = suggestOps(agreed, proposal);
    if (opsCache.size >= OPS_CACHE_SIZE) opsCache.delete(opsCache.keys().next().value!);
    opsCache.set(key, ops);
  }
  return ops;
}

function title(p: InlineProposal, offset: number | null): string {
  const author = offset === null ? null : (p.authorAt?.(offset) ?? null);
  return author ? `${p.label} — ${author}` : p.label;
}

function insertedRun(p: InlineProposal, text: string, offset: number): HTMLElement {
  const el = document.createElement('ins');
  el.className = 'sg-ins';
  el.textContent = text;
  el.style.setProperty('--party', p.color);
  el.title = title(p, offset);
  if (p.amendmentId) el.dataset.amendment = p.amendmentId;
  return el;
}

/** A new measure proposed after this one: its text, or for the party's draft a field bound to it. */
function insertBlock(p: InlineProposal): HTMLElement {
  const box = document.createElement('div');
  box.className = 'sg-insert-block';
  box.style.setProperty('--party', p.color);
  box.title = p.label;
  box.dataset.measure = p.measureId;
  if (p.amendmentId) box.dataset.amendment = p.amendmentId;
  const ytext = p.ytext;
  if (!ytext) {
    box.textContent = p.text ?? '';
    return box;
  }
  box.contentEditable = 'false';
  const area = document.createElement('textarea');
  area.className = 'sg-insert-field';
  area.setAttribute('aria-label', p.fieldLabel ?? p.label);
  area.value = ytext.toString();
  area.addEventListener('input', () => applyTextareaValue(ytext, area.value));
  const follow = () => {
    if (area.value !== ytext.toString()) area.value = ytext.toString();
  };
  ytext.observe(follow);
  (box as HTMLElement & { unbind?: () => void }).unbind = () => ytext.unobserve(follow);
  box.appendChild(area);
  return box;
}

/** The decorations of the proposals on one measure (each keeps the measure's id in its spec). */
export function measureDecorations(m: MeasureSpan, proposals: readonly InlineProposal[]): Decoration[] {
  const out: Decoration[] = [];
  const spec: SuggestSpec = { measureId: m.id, suggest: true };
  for (const p of proposals) {
    const attrs = (offset: number | null) => ({
      class: 'sg-del',
      style: `--party: ${p.color}`,
      title: title(p, offset),
      ...(p.amendmentId ? { 'data-amendment': p.amendmentId } : {}),
    });
    switch (p.kind) {
      case 'delete':
        if (m.end > m.start) out.push(Decoration.inline(m.start, m.end, attrs(null), spec));
        break;
      case 'insert':
        out.push(
          Decoration.widget(m.pos + (m.end - m.start) + 2, () => insertBlock(p), {
            ...spec,
            key: `sg-block-${p.key}-${p.ytext ? 'field' : (p.text ?? '')}`,
            side: 1,
            stopEvent: () => true,
            ignoreSelection: true,
            destroy: (node: globalThis.Node) => (node as HTMLElement & { unbind?: () => void }).unbind?.(),
          }),
        );
        break;
      case 'replace': {
        let agreed = 0;
        let proposal = 0;
        const proposed = p.resolve ? p.resolve(m.text) : p.text;
        for (const [kind, text] of cachedOps(m.text, proposed ?? '')) {
          if (kind === 0) {
            agreed += text.length;
            proposal += text.length;
          } else if (kind === -1) {
            out.push(
              Decoration.inline(m.start + agreed, m.start + agreed + text.length, attrs(proposal), spec),
            );
            agreed += text.length;
          } else {
            const at = proposal;
            out.push(
              Decoration.widget(m.start + agreed, () => insertedRun(p, text, at), {
                ...spec,
                key: `sg-ins-${p.key}-${agreed}-${text}`,
                side: -1,
                marks: [],
              }),
            );
            proposal += text.length;
          }
        }
        break;
      }
    }
  }
  return out;
}
