import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/schema.js';
import { isValidId } from '../../server/sync/validate/index.js';

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
