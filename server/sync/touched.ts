import * as Y from 'yjs';

/** The kinds of node whose removal the audit records by id. */
const STRUCTURE: ReadonlySet<string> = new Set(['chapter', 'section', 'measure']);

/** Where a transaction keeps the ids it removed, read before its deleted content is garbage-collected. */
const REMOVED = 'akkoord:removed-ids';

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
 * An attribute of an element, also when the element was deleted in this transaction: `getAttribute` skips
 * deleted entries, but the entry's content stays readable until the transaction's clean-up collects it.
 */
function attributeOf(el: Y.XmlElement, key: string): unknown {
  const item = el._map.get(key);
  if (!item) return undefined;
  const content = item.content.getContent();
  return content[content.length - 1];
}

/**
 * Keeps, on each transaction of `doc`, the ids of the chapters, sections and measures it removed. They must
 * be read while the transaction's observers run: by the time the document emits the update, Yjs has
 * garbage-collected the deleted elements and their attributes are gone. Stored updates being loaded
 * (origin 'storage') are skipped.
 */
export function recordRemovedIds(doc: Y.Doc): void {
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin === 'storage' || tr.deleteSet.clients.size === 0) return;
    const removed: string[] = [];
    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return;
      const type = struct.content.type;
      if (!(type instanceof Y.XmlElement) || !STRUCTURE.has(type.nodeName)) return;
      const id = attributeOf(type, 'id');
      if (typeof id === 'string' && id !== '') removed.push(id);
    });
    if (removed.length > 0) tr.meta.set(REMOVED, removed);
  });
}

/**
 * The measures a transaction changed: those whose text (or attributes) changed, those added, and the
 * measures, sections and chapters it removed (recorded by `recordRemovedIds`, which the document must
 * have). This is what the audit log records as "who changed this measure".
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
  for (const id of (tr.meta.get(REMOVED) as string[] | undefined) ?? []) ids.add(id);
  return [...ids];
}
