// Time from navigation until the editor shows the whole D66–CDA agenda in headless Chromium, median of 15
// page loads against a real server with the built client. Run: npx vite build && npx tsx bench/editor-load.ts
import fs from 'node:fs';
import { parseAgenda } from '../shared/agenda/parse.js';
import { launchChromium } from '../test/browser/chromium.js';
import { median, report } from './stats.js';
import { serveAgenda } from './serve.js';

const RUNS = 15;
const agenda = parseAgenda(fs.readFileSync('fixtures/d66-cda-uitnodiging-2025.txt', 'utf8'));
const measures = agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures)).length;
const { app, chair, stop } = await serveAgenda(agenda, 'd66-cda', true);
const browser = await launchChromium();
const context = await browser.newContext();
const first = await context.newPage();
await first.goto(chair.url);
await first.waitForURL(/\/d\//);
await first.close();

const times: number[] = [];
for (let i = 0; i < RUNS + 2; i++) {
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(`${app.url}/d/d66-cda`);
  await page.waitForFunction((n) => document.querySelectorAll('.agenda .measure').length === n, measures);
  if (i >= 2) times.push(performance.now() - start); // the first two warm the server and the browser
  await page.close();
}
await browser.close();
await stop();
report('editor-load', { 'median ms until whole agenda shown': median(times), runs: RUNS, measures });
