import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';

/** y-prosemirror's binding mapping: each Y type to the ProseMirror node (or run of text nodes) it shows. */
export type BindingMapping = Map<Y.AbstractType<unknown>, Node | Node[]>;

type PChild = Node | Node[];
type YChild = Y.XmlElement | Y.XmlText | Y.XmlHook;

/**
 * Predicts, for a new ProseMirror document, which existing Y element y-prosemirror will update for each
 * node when it writes the document into the shared fragment — without writing anything. A node it pairs
 * with an element keeps that element (and whatever attributes the node carries are written onto it); a node
 * it does not pair becomes a new element.
 *
 * This is a read-only copy of the matching in y-prosemirror 1.3's `updateYFragment` (left and right scans
 * by identity or equality, then pairing by child equality, a tie going left), so that the id plugin can give
 * every node the id of the element it will land in: an id never moves to another element, as the server
 * requires. Keep it in step with y-prosemirror when upgrading (the editor property test fails otherwise).
 */
export function predictPairs(
  yParent: Y.XmlFragment | Y.XmlElement,
  pNode: Node,
  mapping: BindingMapping,
  out: Map<Node, Y.XmlElement>,
): void {
  const pChildren = normalize(pNode);
  const yChildren = yParent.toArray() as YChild[];
  const pCount = pChildren.length;
  const yCount = yChildren.length;
  const min = Math.min(pCount, yCount);
  let left = 0;
  let right = 0;
  const pair = (y: YChild, p: PChild) => {
    if (y instanceof Y.XmlElement && !Array.isArray(p)) out.set(p, y);
  };
  for (; left < min; left++) {
    const y = yChildren[left]!;
    const p = pChildren[left]!;
    if (!mappedIdentity(mapping.get(y as Y.AbstractType<unknown>), p) && !equalYTypePNode(y, p)) break;
    pair(y, p);
  }
  for (; right + left < min; right++) {
    const y = yChildren[yCount - right - 1]!;
    const p = pChildren[pCount - right - 1]!;
    if (!mappedIdentity(mapping.get(y as Y.AbstractType<unknown>), p) && !equalYTypePNode(y, p)) break;
    pair(y, p);
  }
  while (yCount - left - right > 0 && pCount - left - right > 0) {
    const leftY = yChildren[left]!;
    const leftP = pChildren[left]!;
    const rightY = yChildren[yCount - right - 1]!;
    const rightP = pChildren[pCount - right - 1]!;
    if (leftY instanceof Y.XmlText && Array.isArray(leftP)) {
      left += 1;
      continue;
    }
    let updateLeft = leftY instanceof Y.XmlElement && matchNodeName(leftY, leftP);
    let updateRight = rightY instanceof Y.XmlElement && matchNodeName(rightY, rightP);
    if (updateLeft && updateRight) {
      const l = childEquality(leftY as Y.XmlElement, leftP as Node, mapping);
      const r = childEquality(rightY as Y.XmlElement, rightP as Node, mapping);
      if (l.foundMappedChild && !r.foundMappedChild) updateRight = false;
      else if (!l.foundMappedChild && r.foundMappedChild) updateLeft = false;
      else if (l.equalityFactor < r.equalityFactor) updateLeft = false;
      else updateRight = false;
    }
    if (updateLeft) {
      out.set(leftP as Node, leftY as Y.XmlElement);
      predictPairs(leftY as Y.XmlElement, leftP as Node, mapping, out);
      left += 1;
    } else if (updateRight) {
      out.set(rightP as Node, rightY as Y.XmlElement);
      predictPairs(rightY as Y.XmlElement, rightP as Node, mapping, out);
      right += 1;
    } else {
      // y-prosemirror deletes the element and inserts a new one for the node.
      left += 1;
    }
  }
}

function matchNodeName(y: YChild, p: PChild): boolean {
  return !Array.isArray(p) && y instanceof Y.XmlElement && y.nodeName === p.type.name;
}

/** A node's children as y-prosemirror sees them: runs of text nodes grouped, other nodes alone. */
function normalize(node: Node): PChild[] {
  const out: PChild[] = [];
  let run: Node[] | null = null;
  node.forEach((child) => {
    if (child.isText) {
      if (!run) out.push((run = []));
      run.push(child);
    } else {
      run = null;
      out.push(child);
    }
  });
  return out;
}

function mappedIdentity(mapped: Node | Node[] | undefined, p: PChild): boolean {
  if (mapped === p) return true;
  return (
    Array.isArray(mapped) &&
    Array.isArray(p) &&
    mapped.length === p.length &&
    mapped.every((a, i) => p[i] === a)
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function equalAttrs(
  pattrs: Record<string, unknown>,
  yattrs: Record<string, unknown> | null | undefined,
): boolean {
  const keys = Object.keys(pattrs).filter((k) => pattrs[k] !== null);
  let eq =
    keys.length === (yattrs == null ? 0 : Object.keys(yattrs).filter((k) => yattrs[k] !== null).length);
  for (let i = 0; i < keys.length && eq; i++) {
    const key = keys[i]!;
    const l = pattrs[key];
    const r = yattrs?.[key];
    eq = key === 'ychange' || l === r || (isObject(l) && isObject(r) && equalAttrs(l, r));
  }
  return eq;
}

const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function equalYTextPText(ytext: Y.XmlText, ptexts: Node[]): boolean {
  const delta = ytext.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return (
    delta.length === ptexts.length &&
    delta.every((d, i) => {
      const p = ptexts[i]!;
      const attributes = d.attributes ?? {};
      return (
        d.insert === p.text &&
        Object.keys(attributes).length === p.marks.length &&
        Object.entries(attributes).every(([name, attr]) => {
          const markName = HASHED_MARK.exec(name)?.[1] ?? name;
          const mark = p.marks.find((m) => m.type.name === markName);
          return equalAttrs(isObject(attr) ? attr : {}, mark?.attrs);
        })
      );
    })
  );
}

function equalYTypePNode(y: YChild, p: PChild): boolean {
  if (y instanceof Y.XmlElement && !Array.isArray(p) && matchNodeName(y, p)) {
    const content = normalize(p);
    return (
      y.length === content.length &&
      equalAttrs(y.getAttributes() as Record<string, unknown>, p.attrs) &&
      (y.toArray() as YChild[]).every((child, i) => equalYTypePNode(child, content[i]!))
    );
  }
  return y instanceof Y.XmlText && Array.isArray(p) && equalYTextPText(y, p);
}

function childEquality(
  y: Y.XmlElement,
  p: Node,
  mapping: BindingMapping,
): { foundMappedChild: boolean; equalityFactor: number } {
  const yChildren = y.toArray() as YChild[];
  const pChildren = normalize(p);
  const min = Math.min(yChildren.length, pChildren.length);
  let left = 0;
  let right = 0;
  let foundMappedChild = false;
  for (; left < min; left++) {
    const yc = yChildren[left]!;
    const pc = pChildren[left]!;
    if (mappedIdentity(mapping.get(yc as Y.AbstractType<unknown>), pc)) foundMappedChild = true;
    else if (!equalYTypePNode(yc, pc)) break;
  }
  for (; left + right < min; right++) {
    const yc = yChildren[yChildren.length - right - 1]!;
    const pc = pChildren[pChildren.length - right - 1]!;
    if (mappedIdentity(mapping.get(yc as Y.AbstractType<unknown>), pc)) foundMappedChild = true;
    else if (!equalYTypePNode(yc, pc)) break;
  }
  return { equalityFactor: left + right, foundMappedChild };
}
