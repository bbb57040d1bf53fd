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
 * Puts the caret at the start or end of a node's text, or at a character offset in it, the way a click
 * there would, and waits until the editor has taken the new selection over (ProseMirror reads DOM selections
 * on the next selectionchange; typing before that lands where the caret was).
 */
export async function placeCaret(
  page: Page,
  elementId: string,
  where: 'start' | 'end' | number,
): Promise<void> {
  await page.evaluate(
    ([id, at]) => {
      const el = document.getElementById(id as string);
      if (!el) throw new Error(`No element #${id}`);
      (el.closest('.ProseMirror') as HTMLElement).focus();
      const range = document.createRange();
      if (typeof at === 'number') {
        // Text nodes of the document only: cursor labels and badges are not text.
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
          acceptNode: (n) =>
            n.parentElement?.closest('[contenteditable="false"]')
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_ACCEPT,
        });
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length;
          if (at <= seen + length) {
            range.setStart(node, at - seen);
            break;
          }
          seen += length;
        }
      } else {
        range.selectNodeContents(el);
      }
      range.collapse(at !== 'end');
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [elementId, where] as const,
  );
  await page.waitForFunction(
    ([id, at]) => {
      type View = {
        state: {
          selection: {
            $from: { parent: { attrs: { id?: string }; content: { size: number } }; parentOffset: number };
          };
        };
      };
      const $from = (window as unknown as { akkoordView?: View }).akkoordView?.state.selection.$from;
      if (!$from || $from.parent.attrs.id !== id) return false;
      const offset = at === 'start' ? 0 : at === 'end' ? $from.parent.content.size : at;
      return $from.parentOffset === offset;
    },
    [elementId, where] as const,
  );
}

/** The text of a node as the document holds it: without other people's cursor labels. */
export async function textOf(page: Page, elementId: string): Promise<string> {
  return page.locator(`#${elementId}`).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });
}

/** Waits until a node's document text (see textOf) equals `text`; on time-out, says what it was instead. */
export async function waitForText(page: Page, elementId: string, text: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([id, expected]) => {
        const el = document.getElementById(id!);
        if (!el) return false;
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
        return copy.textContent === expected;
      },
      [elementId, text],
    );
  } catch (err) {
    const actual = await textOf(page, elementId).catch(() => '(no such element)');
    throw new Error(`#${elementId} never read ${JSON.stringify(text)}; it reads ${JSON.stringify(actual)}`, {
      cause: err,
    });
  }
}
