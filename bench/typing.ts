// Typing at the scale of the issue: the generated agenda of 900 measures with 2,500 submitted amendments (and
// their badges, statuses and the meta room they live in) open in headless Chromium; a person types 80
// characters into a measure. Reports the median and 95th percentile of the time each keystroke's transaction
// takes in the editor (all plugins, decorations, DOM update, y-prosemirror) and the number of long tasks
// (> 50 ms) while typing. Run: npx vite build && npx tsx bench/typing.ts
import { mirrorAmendments } from '../server/amendments/mirror.js';
import { launchChromium } from '../test/browser/chromium.js';
import { agenda, seedAmendments } from './generate.js';
import { serveAgenda } from './serve.js';
import { median, report } from './stats.js';

const { app, chair, stop } = await serveAgenda(agenda, 'bench', true);
const all = await seedAmendments(app.ctx.amendments, 'bench');
await mirrorAmendments(app.ctx.rooms, 'bench', chair.person.id, all);

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(chair.url);
await page.waitForURL(/\/d\//);
await page.locator('.editor-mount[data-ready="true"] .ProseMirror').waitFor();
const target = all[1234]!.measureId;
await page.locator(`#${target}`).scrollIntoViewIfNeeded();
await page.waitForTimeout(1500); // let the meta room, badges and tooltips settle

await page.evaluate((id) => {
  const w = window as unknown as {
    akkoordView: {
      props: { dispatchTransaction: (tr: unknown) => void };
      setProps: (p: object) => void;
      focus: () => void;
    };
    keystrokes: number[];
    longTasks: number;
  };
  const view = w.akkoordView;
  const original = view.props.dispatchTransaction;
  w.keystrokes = [];
  w.longTasks = 0;
  view.setProps({
    dispatchTransaction(tr: unknown) {
      const start = performance.now();
      original.call(this, tr);
      w.keystrokes.push(performance.now() - start);
    },
  });
  new PerformanceObserver((list) => (w.longTasks += list.getEntries().length)).observe({ type: 'longtask' });
  const el = document.getElementById(id)!;
  const range = document.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  view.focus();
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}, target);
await page.keyboard.type(
  ' en dat doen we samen met gemeenten, provincies en de woningcorporaties in de regio.',
  {
    delay: 40,
  },
);
await page.waitForTimeout(500);
const { keystrokes, longTasks } = await page.evaluate(() => {
  const w = window as unknown as { keystrokes: number[]; longTasks: number };
  return { keystrokes: w.keystrokes, longTasks: w.longTasks };
});
const sorted = [...keystrokes].sort((a, b) => a - b);
report('typing (900 measures, 2,500 amendments, Chromium)', {
  keystrokes: keystrokes.length,
  'median ms per keystroke': median(keystrokes),
  'p95 ms per keystroke': sorted[Math.floor(sorted.length * 0.95)]!,
  'long tasks while typing': longTasks,
});
await browser.close();
await stop();
