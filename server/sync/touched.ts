import * as Y from 'yjs';

/** The id of the measure element a Yjs type is in (itself or an ancestor), or null. */
function measureOf(type: Y.AbstractType<unknown> | null): string | null {
  let current: Y.AbstractType<unknown> | null = type;
  while (current) {
    if (current instanceof Y.XmlElement && current.nodeName === 'measure') {
      const id = current.getAttribute('id');
      return typeof id === 'string' ? id : null;
    }
    current = (current._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
  }
  return null;
}

/** Whether a type was created by this transaction (its item's clock is past the state before it). */
function createdIn(tr: Y.Transaction, type: { _item: Y.Item | null }): boolean {
  const item = type._item;
  return item !== null && item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
}

/**
 * The measures a transaction changed: those whose text (or attributes) changed, those added, and those
 * deleted. This is what the audit log records as "who changed this measure".
 */
export function touchedMeasures(tr: Y.Transaction): string[] {
  const ids = new Set<string>();
  for (const type of tr.changed.keys()) {
    const id = measureOf(type as Y.AbstractType<unknown>);
    if (id) ids.add(id);
    // A section that gained a measure: the new measure elements are among its new children.
    if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
      for (const child of type.toArray()) {
        if (child instanceof Y.XmlElement && child.nodeName === 'measure' && createdIn(tr, child)) {
          const added = child.getAttribute('id');
          if (typeof added === 'string') ids.add(added);
        }
      }
    }
  }
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) {
      const type = struct.content.type;
      if (type instanceof Y.XmlElement && type.nodeName === 'measure') {
        const id = type.getAttribute('id');
        if (typeof id === 'string') ids.add(id);
      }
    }
  });
  return [...ids];
}
