import type { ContentMatch, NodeType } from 'prosemirror-model';
import { schema } from '../../../shared/schema/schema.js';

/**
 * The agenda schema as the sync check needs it: which element may sit in which, which marks a text may
 * carry, which attributes an element may have. Derived once from `shared/schema`, so the editor and the
 * server can never disagree about a node.
 */
export interface NodeRule {
  name: string;
  /** Holds text (one or more Y.XmlText children in y-prosemirror's encoding), not elements. */
  textblock: boolean;
  /** Element names that may appear anywhere in this node's content. */
  children: ReadonlySet<string>;
  /** Mark names allowed on its text. */
  marks: ReadonlySet<string>;
  /** Attribute name → whether a value is acceptable. */
  attrs: ReadonlyMap<string, (value: unknown) => boolean>;
  /** Chapters, sections and measures: their `id` is their identity and their `number` is the server's. */
  identity: boolean;
}

/**
 * Nodes made together with their parent and never added to or removed from it on their own: the agenda's
 * title and introduction, a chapter's and a section's title. The editor keeps them (they are required), so
 * an honest client only ever creates them inside a new parent and removes them with it.
 */
export const FIXED_NODES: ReadonlySet<string> = new Set(['title', 'intro', 'chapter_title', 'section_title']);

/** The node names whose `id` attribute is an identity (present, unique, never changed). */
export const IDENTITY_NODES: ReadonlySet<string> = new Set(['chapter', 'section', 'measure']);

/**
 * An id: a kind letter, a dash, then lower-case letters, digits and dashes (`m-1-2-3`, `m-k3x9q2v7a1`,
 * `m-2-1-1a`). Nothing that could break out of an HTML attribute or a URL.
 */
export const ID_PATTERN = /^[a-z]-[0-9a-z]+(?:-[0-9a-z]+)*$/;
/** Ids are short: 64 characters leave room for imported numbers and random ones. */
const MAX_ID_LENGTH = 64;
/** A measure number such as `2.1.10` or `2.1.1a`, or empty for "not numbered yet". */
const NUMBER_PATTERN = /^[0-9A-Za-z.]{0,32}$/;
/** A footnote marker is a digit or two, or a sign. */
const MAX_MARKER_LENGTH = 16;

/** Whether a value is a well-formed id. */
export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

const ATTR_CHECKS: Record<string, (value: unknown) => boolean> = {
  id: isValidId,
  number: (v) => typeof v === 'string' && NUMBER_PATTERN.test(v),
  runIn: (v) => typeof v === 'boolean',
  marker: (v) => typeof v === 'string' && v.length <= MAX_MARKER_LENGTH && !/[<>"'&]/.test(v),
};

function possibleChildren(type: NodeType): Set<string> {
  const out = new Set<string>();
  const seen = new Set<ContentMatch>();
  const stack: ContentMatch[] = [type.contentMatch];
  while (stack.length > 0) {
    const match = stack.pop()!;
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      out.add(edge.type.name);
      stack.push(edge.next);
    }
  }
  return out;
}

function ruleOf(type: NodeType): NodeRule {
  const attrs = new Map<string, (value: unknown) => boolean>();
  for (const name of Object.keys(type.spec.attrs ?? {})) {
    const check = ATTR_CHECKS[name];
    if (!check) throw new RangeError(`No sync check for attribute ${name} of ${type.name}`);
    attrs.set(name, check);
  }
  const marks = new Set(
    Object.values(schema.marks)
      .filter((mark) => type.allowsMarkType(mark))
      .map((mark) => mark.name),
  );
  return {
    name: type.name,
    textblock: type.inlineContent,
    children: possibleChildren(type),
    marks,
    attrs,
    identity: IDENTITY_NODES.has(type.name),
  };
}

const RULES = new Map<string, NodeRule>(
  Object.values(schema.nodes)
    .filter((type) => !type.isText)
    .map((type) => [type.name, ruleOf(type)]),
);

/** The rule of an element name, or null for a name the schema does not know (or `doc`, never an element). */
export function elementRule(name: string): NodeRule | null {
  if (name === schema.topNodeType.name) return null;
  return RULES.get(name) ?? null;
}

/** The rule of the document itself: the Y.XmlFragment's children. */
export const DOC_RULE: NodeRule = RULES.get(schema.topNodeType.name)!;

/** Whether a mark's attributes (as y-prosemirror stores them: the mark's attrs object) are acceptable. */
export function isValidMarkValue(value: unknown): boolean {
  // Removing a format is `null`; the agenda's marks have no attributes, so an added one is `{}`.
  if (value === null) return true;
  return typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0;
}
