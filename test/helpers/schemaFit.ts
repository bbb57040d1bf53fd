import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/schema.js';
import { isValidId, elementRule } from '../../server/sync/validate/index.js';
import { DOC_RULE, type NodeRule } from '../../server/sync/validate/schemaRules.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';

/**
 * What in a shared agenda fragment does not fit the schema, read without repairing anything (unlike
 * y-prosemirror's reader, which deletes what does not fit): one line per problem, empty when it all fits.
 */
export function fitsSchema(fragment: Y.XmlFragment): string[] {
  const problems: string[] = [];
  const nodes: Node[] = [];
  for (const child of fragment.toArray()) {
    const node = child instanceof Y.XmlElement ? nodeOf(child, problems, 'doc') : null;
    if (node) nodes.push(node);
    else if (!(child instanceof Y.XmlElement)) problems.push('doc: text or another type at the root');
  }
  try {
    schema.topNodeType.createChecked(null, nodes);
  } catch (err) {
    problems.push(`doc: ${(err as Error).message}`);
  }
  return problems;
}

function nodeOf(element: Y.XmlElement, problems: string[], path: string): Node | null {
  const here = `${path} > ${element.nodeName}`;
  const children: Node[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = nodeOf(child, problems, here);
      if (node) children.push(node);
    } else if (child instanceof Y.XmlText) {
      for (const d of child.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]) {
        try {
          const marks = Object.entries(d.attributes ?? {}).map(([k, v]) => schema.mark(k, v as never));
          children.push(schema.text(d.insert, marks));
        } catch (err) {
          problems.push(`${here}: ${(err as Error).message}`);
        }
      }
    }
  }
  const attrs = element.getAttributes();
  if (['chapter', 'section', 'measure'].includes(element.nodeName) && !isValidId(attrs.id)) {
    problems.push(`${here}: id ${String(attrs.id)}`);
  }
  try {
    return schema.node(element.nodeName, attrs, children);
  } catch (err) {
    problems.push(`${here}: ${(err as Error).message}`);
    return null;
  }
}

/**
 * What the server guarantees of the text, whatever was sent: element names of the schema, each in a parent
 * that may hold it, attributes of the schema with well-formed values, marks a block may carry, and every
 * chapter, section and measure with an id of its own. (Order within a parent is left to y-prosemirror's
 * repair, as honest concurrent edits can merge into an odd order.) One line per problem.
 */
export function fitsMembership(fragment: Y.XmlFragment): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const walk = (parent: Y.XmlFragment | Y.XmlElement, rule: NodeRule, path: string) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        if (!rule.textblock) problems.push(`${path}: text in ${rule.name}`);
        for (const d of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
          if (typeof d.insert !== 'string') problems.push(`${path}: embed`);
          for (const key of Object.keys(d.attributes ?? {}))
            if (!rule.marks.has(key)) problems.push(`${path}: mark ${key}`);
        }
        for (const key of Object.keys(child.getAttributes())) problems.push(`${path}: text attribute ${key}`);
        continue;
      }
      if (!(child instanceof Y.XmlElement)) {
        problems.push(`${path}: a foreign type`);
        continue;
      }
      const childRule = elementRule(child.nodeName);
      const here = `${path} > ${child.nodeName}`;
      if (!childRule || rule.textblock || !rule.children.has(child.nodeName)) {
        problems.push(`${here}: not allowed in ${rule.name}`);
        continue;
      }
      for (const [key, value] of Object.entries(child.getAttributes())) {
        const valid = childRule.attrs.get(key);
        if (!valid || !valid(value)) problems.push(`${here}: attribute ${key}=${JSON.stringify(value)}`);
      }
      if (childRule.identity) {
        const id = child.getAttribute('id');
        if (!isValidId(id)) problems.push(`${here}: no valid id`);
        else if (ids.has(id)) problems.push(`${here}: duplicate id ${id}`);
        else ids.add(id);
      }
      walk(child, childRule, here);
    }
  };
  walk(fragment, DOC_RULE, 'doc');
  for (const key of fragment.doc?.share.keys() ?? []) {
    if (key !== TEXT_FRAGMENT) problems.push(`root ${key}`);
  }
  return problems;
}
