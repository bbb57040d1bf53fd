// Suggesting mode at the scale of the issue: the generated agenda of 900 measures with 2,500 submitted
// amendments in headless Chromium, a D66 negotiator (suggesting mode on by default) with "Voorstellen tonen:
// alle partijen". Reports how long showing all 2,500 amendments inline takes (from choosing it to the
// editor's view updated), and, with all of them shown, the median and 95th percentile per keystroke typed
// in suggesting mode (from the key going down to the editor's view updated with the draft's new text: the
// draft's Y.Text edit, its diff, the decorations and the DOM), and the long tasks (> 50 ms) while typing.
// Run: npx vite build && npx tsx bench/suggest.ts
import { mirrorAmendments } from '../server/amendments/mirror.js';
import { invitePerson } from '../server/people/invite.js';
import { launchChromium } from '../test/browser/chromium.js';
import { agenda, AMENDMENTS, seedAmendments } from './generate.js';
import { serveAgenda } from './serve.js';
import { median, report } from './stats.js';

const { app, chair, stop } = await serveAgenda(agenda, 'bench', true);
const all = await seedAmendments(app.ctx.amendments, 'bench');
await mirrorAmendments(app.ctx.rooms, 'bench', chair.person.id, all);
const d66 = await invitePerson(app.ctx.people, app.ctx.key, app.url, {
  documentId: 'bench',
  name: 'Daan Dekker',
  party: 'D66',
  role: 'negotiator',
});

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(d66.url);
await page.waitForURL(/\/d\//);
await page.locator('.editor-mount[data-ready="true"] .ProseMirror').waitFor();
// The meta room with 2,500 amendments has arrived when the toolbar counts them.
await page.locator('.am-toolbar-count').waitFor();
await page.waitForTimeout(1000);

await page.evaluate(() => {
  const w = window as unknown as {
    akkoordView: { props: { dispatchTransaction: (tr: unknown) => void }; setProps: (p: object) => void };
    configEnd: number;
    keyDown: number | null;
    keystrokes: number[];
    dispatches: number[];
    longTasks: number;
  };
  const view = w.akkoordView;
  const original = view.props.dispatchTransaction;
  w.keystrokes = [];
  w.dispatches = [];
  w.longTasks = 0;
  w.keyDown = null;
  w.configEnd = 0;
  view.setProps({
    dispatchTransaction(tr: { getMeta(key: string): unknown }) {
      const start = performance.now();
      original.call(this, tr);
      const now = performance.now();
      w.dispatches.push(now - start);
      const meta = tr.getMeta('suggest$') as { config?: unknown } | undefined;
      if (meta?.config) w.configEnd = now;
      if (w.keyDown !== null) {
        w.keystrokes.push(now - w.keyDown);
        w.keyDown = null;
      }
    },
  });
  window.addEventListener('keydown', () => (w.keyDown = performance.now()), true);
});

/** Chooses what "Voorstellen tonen" shows; returns the ms until the editor showed it. */
async function choose(value: string): Promise<number> {
  return page.evaluate(async (v) => {
    const w = window as unknown as { configEnd: number };
    const select = [...document.querySelectorAll('.sg-show select')][0] as HTMLSelectElement;
    const before = w.configEnd;
    const start = performance.now();
    select.value = v;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    while (w.configEnd === before) await new Promise((r) => setTimeout(r, 5));
    return w.configEnd - start;
  }, value);
}

const showTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  showTimes.push(await choose('all'));
  await choose('none');
}
await choose('all');
const shown = await page.locator('ins.sg-ins, .sg-del, .sg-insert-block').count();

const target = all[1234]!.measureId;
await page.locator(`#${target}`).scrollIntoViewIfNeeded();
await page.waitForTimeout(500);
await page.evaluate((id) => {
  const w = window as unknown as {
    akkoordView: {
      state: {
        doc: {
          descendants(
            f: (n: { attrs: { id?: string }; content: { size: number } }, p: number) => boolean | void,
          ): void;
        };
        selection: { constructor: { create(doc: unknown, pos: number): unknown } };
        tr: { setSelection(s: unknown): unknown };
      };
      dispatch(tr: unknown): void;
      focus(): void;
    };
    longTasks: number;
    keystrokes: number[];
  };
  const view = w.akkoordView;
  let pos = -1;
  view.state.doc.descendants((node, p) => {
    if (pos >= 0) return false;
    if (node.attrs.id === id) pos = p + 1 + node.content.size;
    return true;
  });
  view.focus();
  view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.create(view.state.doc, pos)));
  w.keystrokes = [];
  (w as unknown as { dispatches: number[] }).dispatches = [];
  new PerformanceObserver((list) => (w.longTasks += list.getEntries().length)).observe({ type: 'longtask' });
}, target);
await page.keyboard.type(
  ' en dat doen we samen met gemeenten, provincies en de woningcorporaties in de regio.',
  {
    delay: 40,
  },
);
await page.waitForTimeout(500);
const { keystrokes, dispatches, longTasks, typed } = await page.evaluate((id) => {
  const w = window as unknown as { keystrokes: number[]; dispatches: number[]; longTasks: number };
  const typed = [...document.querySelectorAll(`#${id} ins.sg-ins`)].map((e) => e.textContent).join('');
  return { keystrokes: w.keystrokes, dispatches: w.dispatches, longTasks: w.longTasks, typed };
}, target);
if (!typed.includes('woningcorporaties')) throw new Error(`The typed proposal is not shown: "${typed}"`);
const sorted = [...keystrokes].sort((a, b) => a - b);
const sortedDispatches = [...dispatches].sort((a, b) => a - b);
report(
  `suggesting mode (900 measures, ${AMENDMENTS.toLocaleString('en')} amendments shown inline, Chromium)`,
  {
    'show all inline, median ms': median(showTimes),
    'inline marks shown': shown,
    keystrokes: keystrokes.length,
    'median ms per keystroke': median(keystrokes),
    'p95 ms per keystroke': sorted[Math.floor(sorted.length * 0.95)]!,
    'median / p95 ms per transaction (as bench/typing.ts)': `${median(dispatches).toFixed(2)} / ${sortedDispatches[Math.floor(sortedDispatches.length * 0.95)]!.toFixed(2)}`,
    'long tasks while typing': longTasks,
  },
);
await browser.close();
await stop();
