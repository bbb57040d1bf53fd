import * as Y from 'yjs';
import { collectIdentities, elementRule, type IdBook } from './validate/index.js';
import { forEachDocItemIn } from './validate/resolve.js';

/**
 * The ids of a text room for the update check: the live chapters, sections and measures (rebuilt lazily
 * after a change of structure — typing never triggers it), and the number of a removed one, so that an undo
 * that restores it may bring its number back: those removed while the room is loaded, else the number the
 * server gave it (`givenNumber`, the numbering's book, which keeps every number ever given).
 */
export class TextIndex implements IdBook {
  private liveIds: Map<string, Y.XmlElement> | null = null;
  private readonly removed = new Map<string, { name: string; number: string }>();

  constructor(
    private readonly fragment: Y.XmlFragment,
    private readonly givenNumber: (id: string) => string | undefined = () => undefined,
  ) {
    fragment.doc!.on('afterTransaction', this.follow);
  }

  live(): ReadonlyMap<string, Y.XmlElement> {
    if (!this.liveIds) {
      this.liveIds = new Map();
      collectLive(this.fragment, this.liveIds, 0);
    }
    return this.liveIds;
  }

  retired(id: string): { name: string | null; number: string } | undefined {
    const removed = this.removed.get(id);
    if (removed) return removed;
    const number = this.givenNumber(id);
    return number === undefined ? undefined : { name: null, number };
  }

  destroy(): void {
    this.fragment.doc?.off('afterTransaction', this.follow);
  }

  /**
   * After every transaction (clients', the server's): a change to anything but a text's characters marks the
   * live ids stale; removed elements are noted while their attributes are still there (Yjs collects deleted
   * content only after this event).
   */
  private readonly follow = (tr: Y.Transaction) => {
    let structural = false;
    for (const type of tr.changed.keys()) {
      if (!(type instanceof Y.XmlText)) {
        structural = true;
        break;
      }
    }
    if (!structural) return;
    this.liveIds = null;
    for (const [client, ranges] of tr.deleteSet.clients) {
      for (const range of ranges) {
        forEachDocItemIn(tr.doc, client, range.clock, range.clock + range.len, (item) => {
          if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement) {
            collectIdentities(item.content.type, this.removed, 0, true);
          }
        });
      }
    }
  };
}

function collectLive(
  parent: Y.XmlFragment | Y.XmlElement,
  into: Map<string, Y.XmlElement>,
  depth: number,
): void {
  if (depth > 16) return;
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const rule = elementRule(child.nodeName);
    if (rule?.identity) {
      const id = child.getAttribute('id');
      if (typeof id === 'string' && !into.has(id)) into.set(id, child);
    }
    if (rule && !rule.textblock) collectLive(child, into, depth + 1);
  }
}
