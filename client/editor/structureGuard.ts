import { Plugin, PluginKey } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { ySyncPluginKey } from 'y-prosemirror';

/**
 * Whether `after` differs from `before` only in the words of measures (their text and its marks): every
 * other node — titles, paragraphs, the list of chapters, sections and measures and their attributes — is
 * the same. Cheap: ProseMirror keeps unchanged nodes as the same objects, so only the changed path is
 * walked.
 */
export function onlyMeasureWords(before: Node, after: Node): boolean {
  if (before === after) return true;
  if (!before.sameMarkup(after)) return false;
  if (before.type.name === 'measure') return true;
  if (before.isTextblock) return before.eq(after);
  if (before.childCount !== after.childCount) return false;
  for (let i = 0; i < before.childCount; i++) {
    if (!onlyMeasureWords(before.child(i), after.child(i))) return false;
  }
  return true;
}

/**
 * For a writer who may not change the text's structure (a negotiator during open drafting): a local change
 * that does more than change words inside measures — Enter splitting a measure, Backspace joining two, a
 * selection across measures, a pasted paragraph, a change to a title — is not applied, as the server would
 * refuse it. Remote changes (y-prosemirror's) always pass.
 */
export function structureGuard(mayChangeStructure: () => boolean): Plugin {
  return new Plugin({
    key: new PluginKey('structureGuard'),
    filterTransaction(tr, state) {
      if (!tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined || mayChangeStructure()) return true;
      return onlyMeasureWords(state.doc, tr.doc);
    },
  });
}
