import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Where browser tests keep their screenshots (a CI artefact). */
export const ARTIFACTS = path.resolve('test-results/browser');

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Opens a personal sign-in link, as a person clicking it would, and waits for their document. */
export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForURL(/\/d\//);
  await page.locator('.editor-mount[data-ready="true"] .ProseMirror').waitFor();
}

/** Opens a document and waits until its editor shows the synced agenda. */
export async function openDocument(page: Page, baseUrl: string, id: string): Promise<void> {
  await page.goto(`${baseUrl}/d/${id}`);
  await page.locator('.editor-mount[data-ready="true"] .ProseMirror').waitFor();
}

/**
 * Puts the caret at the start or end of a node's text, or at a character offset in it, through the editor
 * itself, as a click there would end up. (A DOM selection is not enough: ProseMirror takes it over only on a
 * later selectionchange, and next to other people's cursor widgets the browser may put it inside one.)
 */
export async function placeCaret(
  page: Page,
  elementId: string,
  where: 'start' | 'end' | number,
): Promise<void> {
  await page.evaluate(
    ([id, at]) => {
      type Node = { attrs: { id?: string }; content: { size: number }; isTextblock: boolean };
      type Selection = { constructor: { create(doc: unknown, pos: number): unknown } };
      type View = {
        state: {
          doc: { descendants(f: (node: Node, pos: number) => boolean | void): void };
          selection: Selection;
          tr: { setSelection(s: unknown): { scrollIntoView(): unknown } };
        };
        dispatch(tr: unknown): void;
        focus(): void;
      };
      const view = (window as unknown as { akkoordView?: View }).akkoordView;
      if (!view) throw new Error('No editor');
      let target: number | null = null;
      view.state.doc.descendants((node, pos) => {
        if (target !== null) return false;
        if (node.attrs.id === id && node.isTextblock) {
          const offset = at === 'start' ? 0 : at === 'end' ? node.content.size : (at as number);
          target = pos + 1 + offset;
        }
        return true;
      });
      if (target === null) throw new Error(`No text block #${id}`);
      // The current selection's class is TextSelection (the editor's selection after load).
      const selection = view.state.selection.constructor.create(view.state.doc, target);
      view.focus();
      view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
    },
    [elementId, where] as const,
  );
}

/** What the page shows inside the text that is not the document's: others' cursors, amendment badges. */
const NOT_TEXT = '.ProseMirror-yjs-cursor, .amendment-badge';

/** The text of a node as the document holds it: without other people's cursor labels or badges. */
export async function textOf(page: Page, elementId: string): Promise<string> {
  return page.locator(`#${elementId}`).evaluate((el, notText) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(notText).forEach((c) => c.remove());
    return copy.textContent ?? '';
  }, NOT_TEXT);
}

/** Waits until a node's document text (see textOf) equals `text`; on time-out, says what it was instead. */
export async function waitForText(page: Page, elementId: string, text: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([id, expected, notText]) => {
        const el = document.getElementById(id!);
        if (!el) return false;
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(notText!).forEach((c) => c.remove());
        return copy.textContent === expected;
      },
      [elementId, text, NOT_TEXT],
    );
  } catch (err) {
    const actual = await textOf(page, elementId).catch(() => '(no such element)');
    throw new Error(`#${elementId} never read ${JSON.stringify(text)}; it reads ${JSON.stringify(actual)}`, {
      cause: err,
    });
  }
}

/** Selects the first occurrence of `quote` in an element's text, as dragging over it would, and waits for the editor to take it. */
export async function selectText(page: Page, elementId: string, quote: string): Promise<void> {
  await page.evaluate(
    ([id, q]) => {
      const el = document.getElementById(id!)!;
      const start = el.textContent!.indexOf(q!);
      if (start < 0) throw new Error(`"${q}" not in #${id}`);
      const end = start + q!.length;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.textContent!.length;
        if (start >= seen && start <= seen + len) range.setStart(node, start - seen);
        if (end >= seen && end <= seen + len) {
          range.setEnd(node, end - seen);
          break;
        }
        seen += len;
      }
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [elementId, quote],
  );
  // ProseMirror takes a DOM selection over on the next selectionchange; wait for it before acting on it.
  await page.waitForFunction((q) => {
    type View = {
      state: { doc: { textBetween(a: number, b: number): string }; selection: { from: number; to: number } };
    };
    const view = (window as unknown as { akkoordView?: View }).akkoordView;
    if (!view) return false;
    const { from, to } = view.state.selection;
    return view.state.doc.textBetween(from, to) === q;
  }, quote);
}

/** True when the page scrolls sideways (something is wider than the window). */
export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);
}
