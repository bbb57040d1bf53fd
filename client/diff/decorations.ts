/**
 * The inline marks of "show changes": per textblock, the words deleted from the original (a struck-through
 * widget) and the words new in the live text (an inline `<ins>` decoration). Pure and DOM-free: the widget's
 * DOM is made only when ProseMirror draws it.
 */
import { Decoration } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import {
  diffText,
  hasChanges,
  normalizeText,
  sideOf,
  type AttributedOp,
  type Author,
} from '../../shared/diff/index.js';
import type { Agenda } from '../../shared/agenda/types.js';
import type { BaselineIndex, TextUnit } from './units.js';

/** What happened to a textblock against the original. */
export type UnitState = 'unchanged' | 'changed' | 'added';

/**
 * Who wrote what, from the server (the diff API's attributed ops of the original against the live text),
 * and how a run with its author is marked: colour, hover text and label.
 */
export interface Authorship {
  /** The attributed ops of each unit key, as the server last computed them. */
  units: ReadonlyMap<string, readonly AttributedOp[]>;
  /** The attributes of a run by `author` (an insert `1` or a delete `-1`). */
  mark(kind: -1 | 1, author: Author): Record<string, string>;
}

/**
 * The server's ops for a unit when they describe the same two texts as the local diff (the server has
 * seen every change drawn here); else null, and the runs are drawn without authors until it has.
 */
function serverOps(
  authorship: Authorship | null,
  key: string,
  from: string,
  to: string,
): readonly AttributedOp[] | null {
  const ops = authorship?.units.get(key);
  return ops && sideOf(ops, 'from') === from && sideOf(ops, 'to') === to ? ops : null;
}

/** The class and attributes of an inserted run. */
function insAttrs(op: AttributedOp, authorship: Authorship | null): Record<string, string> {
  const author = op.length === 3 ? op[2] : null;
  if (!author || !authorship) return { nodeName: 'ins', class: 'diff-ins' };
  return { nodeName: 'ins', class: 'diff-ins diff-authored', ...authorship.mark(1, author) };
}

/**
 * Maps offsets in the normalised text (the form diff ops are in) to offsets in the node's raw text. Usually
 * the two are equal; when the raw text has extra whitespace or invisible characters, the normalised
 * characters are found in order in the raw text. Null when they cannot be (then nothing is marked inline).
 */
function offsetMap(raw: string, normalised: string): ((offset: number) => number) | null {
  if (raw === normalised) return (offset) => offset;
  const map = new Array<number>(normalised.length + 1);
  let j = 0;
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised[i]!;
    while (j < raw.length && raw[j] !== c && !(c === ' ' && /\s/.test(raw[j]!))) j++;
    if (j >= raw.length) return null;
    map[i] = j++;
  }
  map[normalised.length] = normalised.length === 0 ? 0 : map[normalised.length - 1]! + 1;
  return (offset) => map[offset]!;
}

function deletedWidget(text: string, attrs: Record<string, string> | null): HTMLElement {
  const del = document.createElement('del');
  del.className = attrs ? 'diff-del diff-authored' : 'diff-del';
  for (const [name, value] of Object.entries(attrs ?? {})) del.setAttribute(name, value);
  del.textContent = text;
  return del;
}

/**
 * The decorations of one textblock against its original text (`undefined`: it is new). Ops in the
 * normalised text are placed on the raw text; a node decoration classes the block changed, unchanged or
 * added (which "only changed measures" uses to hide the unchanged ones). With `authorship`, each run is
 * marked with its author, once the server's ops describe the same text.
 */
export function unitDecorations(
  unit: TextUnit,
  original: string | undefined,
  authorship: Authorship | null = null,
): Decoration[] {
  const { node, pos, key } = unit;
  const start = pos + 1;
  const text = node.textContent;
  const local: AttributedOp[] =
    original === undefined ? (text ? [[1, normalizeText(text)]] : []) : diffText(original, text);
  if (original !== undefined && !hasChanges(local))
    return [Decoration.node(pos, pos + node.nodeSize, { class: 'diff-unchanged' }, { key })];
  const ops =
    serverOps(authorship, key, sideOf(local, 'from'), sideOf(local, 'to')) ??
    (original === undefined && text ? [[1, text] as AttributedOp] : local);
  const decorations = [
    Decoration.node(
      pos,
      pos + node.nodeSize,
      { class: original === undefined ? 'diff-added' : 'diff-changed' },
      { key },
    ),
  ];
  const normalised = sideOf(ops, 'to');
  const toRaw = normalised === text ? (offset: number) => offset : offsetMap(text, normalised);
  if (!toRaw) return decorations;
  let offset = 0;
  ops.forEach((op, i) => {
    const [kind, part] = op;
    if (kind === 0) offset += part.length;
    else if (kind === 1) {
      decorations.push(
        Decoration.inline(
          start + toRaw(offset),
          start + toRaw(offset + part.length),
          insAttrs(op, authorship),
        ),
      );
      offset += part.length;
    } else {
      const author = op.length === 3 ? op[2] : null;
      const attrs = author && authorship ? authorship.mark(-1, author) : null;
      decorations.push(
        Decoration.widget(start + toRaw(offset), () => deletedWidget(part, attrs), {
          side: -1,
          marks: [],
          ignoreSelection: true,
          // Same text by the same author at the same place: ProseMirror keeps the drawn widget.
          key: `del:${key}:${i}:${part}:${attrs?.title ?? ''}`,
        }),
      );
    }
  });
  return decorations;
}

/** All decorations of a document's textblocks against the original. */
export function documentDecorations(
  units: readonly TextUnit[],
  baseline: BaselineIndex,
  authorship: Authorship | null = null,
): Decoration[] {
  const out: Decoration[] = [];
  for (const unit of units) out.push(...unitDecorations(unit, baseline.get(unit.key), authorship));
  return out;
}

function removedWidget(
  number: string,
  text: string,
  lapsed: string,
  attrs: Record<string, string> | null,
): HTMLElement {
  const block = document.createElement('div');
  block.className = 'diff-removed-measure';
  block.setAttribute('data-number', number);
  const del = deletedWidget(text, attrs);
  const label = document.createElement('span');
  label.className = 'diff-lapsed';
  label.textContent = ` (${lapsed})`;
  block.append(del, label);
  return block;
}

/**
 * Measures of the original that are gone from the live text: shown struck through, with their number
 * (which no other measure ever gets) and `lapsed` ("vervallen"), at the end of the section they stood in
 * (when that section is still there).
 */
export function removedMeasureDecorations(
  doc: Node,
  original: Agenda,
  present: ReadonlySet<string>,
  lapsed = 'vervallen',
  authorship: Authorship | null = null,
): Decoration[] {
  const sectionEnds = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (node.type.name === 'section') {
      sectionEnds.set(String(node.attrs.id), pos + node.nodeSize - 1);
      return false;
    }
    return node.type.name === 'chapter';
  });
  const out: Decoration[] = [];
  for (const chapter of original.chapters)
    for (const section of chapter.sections) {
      const end = sectionEnds.get(section.id);
      if (end === undefined) continue;
      for (const measure of section.measures) {
        if (present.has(measure.id)) continue;
        // Who removed it: the first author of the server's ops for it, when it has them.
        const op = authorship?.units.get(measure.id)?.find((o) => o.length === 3);
        const attrs = op?.length === 3 && authorship ? authorship.mark(-1, op[2]) : null;
        out.push(
          Decoration.widget(end, () => removedWidget(measure.number, measure.text, lapsed, attrs), {
            side: 1,
            ignoreSelection: true,
            key: `removed:${measure.id}:${attrs?.title ?? ''}`,
          }),
        );
      }
    }
  return out;
}
