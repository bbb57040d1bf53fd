/**
 * The inline marks of "show changes": per textblock, the words deleted from the original (a struck-through
 * widget) and the words new in the live text (an inline `<ins>` decoration). Pure and DOM-free: the widget's
 * DOM is made only when ProseMirror draws it.
 */
import { Decoration } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { diffText, hasChanges, type Op } from '../../shared/diff/index.js';
import type { Agenda } from '../../shared/agenda/types.js';
import type { BaselineIndex, TextUnit } from './units.js';

/** What happened to a textblock against the original. */
export type UnitState = 'unchanged' | 'changed' | 'added';

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

function deletedWidget(text: string): HTMLElement {
  const del = document.createElement('del');
  del.className = 'diff-del';
  del.textContent = text;
  return del;
}

/**
 * The decorations of one textblock against its original text (`undefined`: it is new). Ops in the
 * normalised text are placed on the raw text; a node decoration classes the block changed, unchanged or
 * added (which "only changed measures" uses to hide the unchanged ones).
 */
export function unitDecorations(unit: TextUnit, original: string | undefined): Decoration[] {
  const { node, pos, key } = unit;
  const start = pos + 1;
  const text = node.textContent;
  if (original === undefined) {
    const decorations = [Decoration.node(pos, pos + node.nodeSize, { class: 'diff-added' }, { key })];
    if (text)
      decorations.push(Decoration.inline(start, start + text.length, { nodeName: 'ins', class: 'diff-ins' }));
    return decorations;
  }
  const ops = diffText(original, text);
  if (!hasChanges(ops))
    return [Decoration.node(pos, pos + node.nodeSize, { class: 'diff-unchanged' }, { key })];
  const decorations = [Decoration.node(pos, pos + node.nodeSize, { class: 'diff-changed' }, { key })];
  const normalised = ops
    .filter(([kind]) => kind !== -1)
    .map(([, part]) => part)
    .join('');
  const toRaw = offsetMap(text, normalised);
  if (!toRaw) return decorations;
  let offset = 0;
  ops.forEach(([kind, part]: Op, i) => {
    if (kind === 0) offset += part.length;
    else if (kind === 1) {
      decorations.push(
        Decoration.inline(start + toRaw(offset), start + toRaw(offset + part.length), {
          nodeName: 'ins',
          class: 'diff-ins',
        }),
      );
      offset += part.length;
    } else {
      decorations.push(
        Decoration.widget(start + toRaw(offset), () => deletedWidget(part), {
          side: -1,
          marks: [],
          ignoreSelection: true,
          // Same text at the same place: ProseMirror keeps the drawn widget instead of redrawing it.
          key: `del:${key}:${i}:${part}`,
        }),
      );
    }
  });
  return decorations;
}

/** All decorations of a document's textblocks against the original. */
export function documentDecorations(units: readonly TextUnit[], baseline: BaselineIndex): Decoration[] {
  const out: Decoration[] = [];
  for (const unit of units) out.push(...unitDecorations(unit, baseline.get(unit.key)));
  return out;
}

function removedWidget(number: string, text: string, lapsed: string): HTMLElement {
  const block = document.createElement('div');
  block.className = 'diff-removed-measure';
  block.setAttribute('data-number', number);
  const del = document.createElement('del');
  del.className = 'diff-del';
  del.textContent = text;
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
        out.push(
          Decoration.widget(end, () => removedWidget(measure.number, measure.text, lapsed), {
            side: 1,
            ignoreSelection: true,
            key: `removed:${measure.id}`,
          }),
        );
      }
    }
  return out;
}
