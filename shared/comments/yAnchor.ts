import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { schema } from '../schema/schema.js';
import {
  contextOf,
  flatOffset,
  flatten,
  resolveAnchor,
  trimSpan,
  unitPosition,
  type FlatText,
  type NearMemo,
  type PositionHint,
  type Resolution,
  type TextUnit,
  type UnitPosition,
} from './anchor.js';
import { CONTEXT_LENGTH, type Anchor } from './types.js';

/**
 * The thin Yjs side of anchoring: reads the text blocks out of the Y.XmlFragment the way y-prosemirror
 * stores them (one Y.XmlElement per node, a text block's characters in Y.XmlText children), makes relative
 * positions for a span, and turns them back into block positions for `resolveAnchor`.
 */

/** The blocks of a Y.XmlFragment in document order, and where each Y.XmlText's characters fall in them. */
export interface YTextUnits {
  flat: FlatText;
  /** Per unit: its Y.XmlText children with the unit offset each starts at. */
  texts: { text: Y.XmlText; base: number }[][];
  /** Each live Y.XmlText's unit and base offset. */
  byText: Map<Y.XmlText, { unit: number; base: number }>;
}

const TEXTBLOCKS = new Set(
  Object.values(schema.nodes)
    .filter((type) => type.isTextblock)
    .map((type) => type.name),
);

/** The plain characters of a Y.XmlText (its `toString()` would add mark tags). */
function plainText(text: Y.XmlText): string {
  let out = '';
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (item.content instanceof Y.ContentString) out += item.content.str;
    // An embed counts one position; it reads as the object replacement character.
    else out += '\uFFFC'.repeat(item.length);
  }
  return out;
}

/** Reads the text blocks of the agenda text. */
export function textUnitsOf(fragment: Y.XmlFragment): YTextUnits {
  const units: TextUnit[] = [];
  const texts: YTextUnits['texts'] = [];
  const byText = new Map<Y.XmlText, { unit: number; base: number }>();
  const walk = (parent: Y.XmlFragment | Y.XmlElement, measureId: string | null) => {
    for (let item = parent._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
      const child = item.content.type;
      if (!(child instanceof Y.XmlElement)) continue;
      const name = child.nodeName;
      const id = name === 'measure' ? ((child.getAttribute('id') as string | undefined) ?? null) : measureId;
      if (!TEXTBLOCKS.has(name)) {
        walk(child, id);
        continue;
      }
      const unit = units.length;
      const parts: { text: Y.XmlText; base: number }[] = [];
      let text = '';
      for (let c = child._start; c !== null; c = c.right) {
        if (c.deleted || !(c.content instanceof Y.ContentType)) continue;
        const t = c.content.type;
        if (!(t instanceof Y.XmlText)) continue;
        parts.push({ text: t, base: text.length });
        byText.set(t, { unit, base: text.length });
        text += plainText(t);
      }
      units.push({ node: name, measureId: id, text });
      texts.push(parts);
    }
  };
  walk(fragment, null);
  return { flat: flatten(units), texts, byText };
}

const decoded = new Map<string, Y.RelativePosition>();
/** Decoded positions are kept: anchors are resolved again after every change. Bounded, cleared when full. */
const DECODED_MAX = 20_000;

/** A relative position from its stored form. */
export function decodePosition(encoded: string): Y.RelativePosition {
  let pos = decoded.get(encoded);
  if (!pos) {
    if (decoded.size >= DECODED_MAX) decoded.clear();
    pos = Y.decodeRelativePosition(fromBase64(encoded));
    decoded.set(encoded, pos);
  }
  return pos;
}

/** The block position a relative position resolves to, or null when it points at deleted or foreign text. */
export function locate(doc: Y.Doc, units: YTextUnits, encoded: string): UnitPosition | null {
  let pos: Y.RelativePosition;
  try {
    pos = decodePosition(encoded);
  } catch {
    return null;
  }
  const abs = Y.createAbsolutePositionFromRelativePosition(pos, doc);
  if (!abs || !(abs.type instanceof Y.XmlText)) return null;
  const at = units.byText.get(abs.type);
  return at ? { unit: at.unit, offset: at.base + abs.index } : null;
}

/** The Y.XmlText and index holding a block position (the last text at a boundary between two). */
function textAt(units: YTextUnits, at: UnitPosition): { text: Y.XmlText; index: number } | null {
  const parts = units.texts[at.unit] ?? [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (part.base <= at.offset) return { text: part.text, index: at.offset - part.base };
  }
  return null;
}

/**
 * An anchor on the flat-text span [from, to) of the current text (white space at its ends left out), or
 * null when the span holds no words. `start` sticks to the first character, `end` to the last (assoc −1):
 * text typed at either edge, even at the very end of a block, stays outside.
 */
export function anchorSpan(units: YTextUnits, from: number, to: number): Anchor | null {
  const { flat } = units;
  const span = trimSpan(flat.text, from, to);
  if (span.to <= span.from) return null;
  const start = textAt(units, unitPosition(flat, span.from));
  const endAt = unitPosition(flat, span.to);
  const end = textAt(units, endAt);
  if (!start || !end) return null;
  const startPos = Y.createRelativePositionFromTypeIndex(start.text, start.index, 0);
  const endPos = Y.createRelativePositionFromTypeIndex(end.text, end.index, -1);
  const quote = flat.text.slice(span.from, span.to);
  return {
    measureId: flat.units[unitPosition(flat, span.from).unit]?.measureId ?? null,
    quote,
    ...contextOf(flat.text, span.from, span.to, CONTEXT_LENGTH),
    start: toBase64(Y.encodeRelativePosition(startPos)),
    end: toBase64(Y.encodeRelativePosition(endPos)),
  };
}

/** The flat-text span of the first occurrence of `quote` in a measure, or null when it is not there. */
export function findInMeasure(
  units: YTextUnits,
  measureId: string,
  quote: string,
): { from: number; to: number } | null {
  const { flat } = units;
  const unit = flat.units.findIndex((u) => u.node === 'measure' && u.measureId === measureId);
  if (unit < 0) return null;
  const at = flat.units[unit]!.text.indexOf(quote);
  if (at < 0 || quote.length === 0) return null;
  const from = flatOffset(flat, { unit, offset: at });
  return { from, to: from + quote.length };
}

/** Whether the document has a measure with this id. */
export function hasMeasure(units: YTextUnits, measureId: string): boolean {
  return units.flat.units.some((u) => u.node === 'measure' && u.measureId === measureId);
}

/** Where the anchor's relative positions resolve to now. */
export function hintOf(doc: Y.Doc, units: YTextUnits, anchor: Pick<Anchor, 'start' | 'end'>): PositionHint {
  return { start: locate(doc, units, anchor.start), end: locate(doc, units, anchor.end) };
}

const memos = new Map<string, NearMemo>();
/** Anchors whose words were searched for near their place; bounded, cleared when full. */
const MEMOS_MAX = 20_000;
function memoOf(anchor: Anchor) {
  const key = `${anchor.start} ${anchor.end} ${anchor.quote}`;
  return {
    get: () => memos.get(key),
    set: (value: NearMemo) => {
      if (memos.size >= MEMOS_MAX) memos.clear();
      memos.set(key, value);
    },
  };
}

/** Resolves many anchors against the current text at once (the blocks are read once). */
export function resolveAnchors(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  anchors: readonly Anchor[],
): {
  units: YTextUnits;
  resolutions: Resolution[];
} {
  const units = textUnitsOf(fragment);
  const resolutions = anchors.map((anchor) =>
    resolveAnchor(units.flat, anchor, hintOf(doc, units, anchor), memoOf(anchor)),
  );
  return { units, resolutions };
}
