// Time from navigation until the editor shows the whole D66–CDA agenda in headless Chromium, median of 15
// page loads against a real server with the built client. Run: npx vite build && npx tsx bench/editor-load.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAgenda } from '../shared/agenda/parse.js';
import { importAgenda } from '../server/documents/import.js';
import { openSqliteStore } from '../server/storage/sqlite.js';
import { startApp } from '../server/app.js';
import { launchChromium } from '../test/browser/chromium.js';
import { invitePerson } from '../server/people/invite.js';
import { median, report } from './stats.js';

const RUNS = 15;
const agenda = parseAgenda(fs.readFileSync('fixtures/d66-cda-uitnodiging-2025.txt', 'utf8'));
const measures = agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures)).length;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-bench-'));
const store = openSqliteStore(path.join(dir, 'db.sqlite'));
importAgenda(store, { id: 'd66-cda', agenda });
const app = await startApp({
  store,
  dataDir: dir,
  port: 0,
  host: '127.0.0.1',
  staticDir: path.resolve('dist'),
});
const browser = await launchChromium();
const { url: signInUrl } = await invitePerson(app.ctx.people, app.ctx.key, app.url, {
  documentId: 'd66-cda',
  name: 'Bench',
  party: 'SEC',
  role: 'chair',
});
const context = await browser.newContext();
const first = await context.newPage();
await first.goto(signInUrl);
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
await app.close();
store.close();
report('editor-load', { 'median ms until whole agenda shown': median(times), runs: RUNS, measures });
