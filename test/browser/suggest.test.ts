import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Invited, TestServer } from '../helpers/server.js';
import { d66Agenda, startBrowserSession, stopBrowserSession } from './session.js';
import { placeCaret, screenshot, signIn, textOf } from './page.js';

const DOC = '/api/documents/d66-cda';
const measure = d66Agenda.chapters[0]!.sections[0]!.measures[1]!;
if (measure.number !== '1.1.2') throw new Error(`Expected measure 1.1.2, found ${measure.number}`);

let server: TestServer;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  ({ server, browser } = await startBrowserSession());
});

afterAll(async () => {
  for (const page of pages) await page.context().close();
  await stopBrowserSession({ server, browser });
});

async function open(who: Invited): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  const page = await context.newPage();
  pages.push(page);
  await signIn(page, who.url);
  return page;
}

/** The agreed text of the measure as the server holds it. */
async function agreed(who: Invited, id: string = measure.id): Promise<string | null> {
  const res = await server.api(who.token, 'GET', `${DOC}/measures`);
  return (res.body as { id: string; current: string | null }[]).find((m) => m.id === id)?.current ?? null;
}

/** The inserted runs shown inline in a measure. */
async function insertedIn(page: Page, id = measure.id): Promise<string> {
  return page
    .locator(`#${id} ins.sg-ins`)
    .allTextContents()
    .then((all) => all.join(''));
}

describe('suggesting mode in the browser', () => {
  it('turns typing into the party draft: the agreed text stays, the party sees it live, others once submitted', async () => {
    const d66a = await server.invite({ party: 'D66', role: 'negotiator', name: 'Daan Dekker' });
    const d66b = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dilan Visser' });
    const cda = await server.invite({ party: 'CDA', role: 'negotiator', name: 'Carla Claes' });
    const a = await open(d66a);
    const b = await open(d66b);
    const c = await open(cda);

    // Suggesting mode is on by default for a negotiator while drafting is closed.
    const toggle = a.getByRole('button', { name: 'Voorstellen' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.getAttribute('title')).toContain('Ctrl+Shift+E');

    await placeCaret(a, measure.id, 'end');
    await a.keyboard.type(' Met draagvlak.', { delay: 15 });
    await a.waitForFunction((id) => document.querySelector(`#${id} ins.sg-ins`) !== null, measure.id);
    await a.waitForFunction(
      (id) =>
        [...document.querySelectorAll(`#${id} ins.sg-ins`)].map((e) => e.textContent).join('') ===
        ' Met draagvlak.',
      measure.id,
    );
    // The agreed text is unchanged in the editor, on the server and for everyone.
    expect(await textOf(a, measure.id)).toBe(`${measure.text} Met draagvlak.`);
    expect(await agreed(d66a)).toBe(measure.text);

    // A D66 colleague sees the suggestion live and adds to it.
    await b.waitForFunction(
      (id) =>
        [...document.querySelectorAll(`#${id} ins.sg-ins`)].map((e) => e.textContent).join('') ===
        ' Met draagvlak.',
      measure.id,
    );
    expect(await b.locator(`#${measure.id} ins.sg-ins`).first().getAttribute('title')).toContain(
      'Daan Dekker',
    );
    await screenshot(b, 'suggest-colleague-sees-draft');

    // CDA sees nothing of it, even when showing all proposals.
    await c.getByLabel('Voorstellen tonen').selectOption('all');
    expect(await c.locator(`#${measure.id} .sg-ins`).count()).toBe(0);
    expect(await textOf(c, measure.id)).toBe(measure.text);

    // D66 submits it from the side panel; CDA, showing all proposals, sees it inline.
    await placeCaret(a, measure.id, 'start');
    await a.getByRole('tab', { name: 'Amendementen' }).click();
    await a.locator('.am-draft button.primary').click();
    await a.locator('.am-draft').waitFor({ state: 'detached' });
    await c.waitForFunction(
      (id) =>
        [...document.querySelectorAll(`#${id} ins.sg-ins`)].map((e) => e.textContent).join('') ===
        ' Met draagvlak.',
      measure.id,
    );
    expect(await insertedIn(c)).toBe(' Met draagvlak.');
    expect(await agreed(cda)).toBe(measure.text);
    await screenshot(c, 'suggest-submitted-inline');
  });

  it('proposes a new measure with Enter at the end of a measure, and a deletion by removing a whole measure', async () => {
    const section = d66Agenda.chapters[2]!.sections[0]!;
    const [after, gone] = section.measures;
    const d66 = await server.invite({ party: 'D66', role: 'negotiator', name: 'Dirk de Wit' });
    const page = await open(d66);
    // The text shows before the toolbar: suggesting mode is on once its button is.
    await page.getByRole('button', { name: 'Voorstellen' }).waitFor();

    await placeCaret(page, after!.id, 'end');
    await page.keyboard.press('Enter');
    const field = page.locator(`.sg-insert-block[data-measure="${after!.id}"] textarea`);
    await field.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('sg-insert-field'));
    await page.keyboard.type('Een nieuwe maatregel over huurders.', { delay: 5 });
    const drafts = async () =>
      (await server.api(d66.token, 'GET', `${DOC}/amendments?party=D66&status=draft`)).body as {
        kind: string;
        measureId: string;
        text: string | null;
      }[];
    while (
      !(await drafts()).some((d) => d.kind === 'insert' && d.text === 'Een nieuwe maatregel over huurders.')
    )
      await page.waitForTimeout(50);
    expect((await drafts()).find((d) => d.kind === 'insert')!.measureId).toBe(after!.id);

    // Select all of the next measure's text and press Backspace: a deletion is proposed, shown struck.
    await page.evaluate((id) => {
      type View = {
        state: {
          doc: {
            descendants(
              f: (n: { attrs: { id?: string }; content: { size: number } }, p: number) => void,
            ): void;
          };
          selection: { constructor: { create(doc: unknown, anchor: number, head: number): unknown } };
          tr: { setSelection(s: unknown): unknown };
        };
        dispatch(tr: unknown): void;
        focus(): void;
      };
      const view = (window as unknown as { akkoordView: View }).akkoordView;
      let range: [number, number] | null = null;
      view.state.doc.descendants((node, pos) => {
        if (node.attrs.id === id) range = [pos + 1, pos + 1 + node.content.size];
      });
      const [from, to] = range!;
      view.focus();
      view.dispatch(
        view.state.tr.setSelection(view.state.selection.constructor.create(view.state.doc, from, to)),
      );
    }, gone!.id);
    await page.keyboard.press('Backspace');
    await page.locator(`#${gone!.id} .sg-del`).first().waitFor();
    expect((await drafts()).some((d) => d.kind === 'delete' && d.measureId === gone!.id)).toBe(true);
    expect(await agreed(d66, gone!.id)).toBe(gone!.text);
    await screenshot(page, 'suggest-insert-and-delete');
  });

  it("turns the chair's direct edit of a measure with pending amendments into a proposal, unless Direct wijzigen", async () => {
    const target = d66Agenda.chapters[3]!.sections[0]!.measures[0]!;
    const vvd = await server.invite({ party: 'VVD', role: 'negotiator', name: 'Vera Visser' });
    const chair = await server.invite({ party: 'SEC', role: 'chair', name: 'Anne de Vries' });
    const draft = await server.api(vvd.token, 'POST', `${DOC}/amendments`, {
      measure: target.id,
      kind: 'replace',
      text: `${target.text} Uiterlijk in 2027.`,
    });
    await server.api(vvd.token, 'POST', `${DOC}/amendments/${draft.body.id}/submit`);
    const page = await open(chair);
    expect(await page.getByRole('button', { name: 'Voorstellen' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await placeCaret(page, target.id, 'end');
    await page.keyboard.type(' Met evaluatie.', { delay: 10 });
    await page.waitForFunction(
      (id) =>
        [...document.querySelectorAll(`#${id} ins.sg-ins`)].some((e) => e.textContent?.includes('evaluatie')),
      target.id,
    );
    expect(await agreed(chair, target.id)).toBe(target.text);

    await page.getByRole('button', { name: 'Direct wijzigen' }).click();
    await placeCaret(page, target.id, 0);
    await page.keyboard.type('Direct: ', { delay: 10 });
    while ((await agreed(chair, target.id)) !== `Direct: ${target.text}`) await page.waitForTimeout(50);
  });
});
