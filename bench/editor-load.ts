// Time from navigation until the editor shows the whole agenda in headless Chromium, against a real server
// with the built client, side by side with a bare ProseMirror + y-prosemirror page (bench/bare) showing the
// same room: the D66–CDA agenda and the generated 900-measure one, runs interleaved, medians and their ratio
// (goal ≤ 1.2). Run: npx vite build && npx tsx bench/editor-load.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { Browser, BrowserContext } from 'playwright-core';
import { parseAgenda } from '../shared/agenda/parse.js';
import type { Agenda } from '../shared/agenda/types.js';
import { importAgenda } from '../server/documents/import.js';
import { invitePerson } from '../server/people/invite.js';
import { SECRETARIAT } from '../shared/auth/person.js';
import { launchChromium } from '../test/browser/chromium.js';
import { median, report } from './stats.js';
import { serveAgenda } from './serve.js';
import { agenda as generated } from './generate.js';

const RUNS = Number(process.env.RUNS ?? 15);
const WARMUP = 2;
const d66 = parseAgenda(fs.readFileSync('fixtures/d66-cda-uitnodiging-2025.txt', 'utf8'));
const count = (agenda: Agenda) =>
  agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures)).length;

// The served folder: the built client (dist/) with the bare page built beside it, under /bare/.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-bench-site-'));
fs.cpSync('dist', site, { recursive: true });
await build({
  root: 'bench/bare',
  base: '/bare/',
  logLevel: 'error',
  configFile: false,
  build: { outDir: path.join(site, 'bare'), emptyOutDir: true, modulePreload: { polyfill: false } },
});

const { app: served, store, stop } = await serveAgenda(d66, 'd66-cda', site);
importAgenda(store, { id: 'groot', agenda: generated });

const browser: Browser = await launchChromium();

/** A browser context signed in as the chair of a document. */
async function signedIn(documentId: string): Promise<BrowserContext> {
  served.ctx.people.ensureDefaultParties(documentId);
  const chair = await invitePerson(served.ctx.people, served.ctx.key, served.url, {
    documentId,
    name: 'Voorzitter',
    party: SECRETARIAT,
    role: 'chair',
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(chair.url);
  await page.waitForURL(/\/d\//);
  await page.close();
  return context;
}

/** Milliseconds from navigation until `url` shows all `measures`. */
async function load(context: BrowserContext, url: string, measures: number): Promise<number> {
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('.agenda .measure').length === n, measures, {
    polling: 'raf',
  });
  const ms = performance.now() - start;
  await page.close();
  return ms;
}

const results: Record<string, number | string> = {};
for (const [label, documentId, agenda] of [
  ['D66–CDA', 'd66-cda', d66],
  ['900 measures', 'groot', generated],
] as const) {
  const context = await signedIn(documentId);
  const measures = count(agenda);
  const times = { akkoord: [] as number[], bare: [] as number[] };
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const a = await load(context, `${served.url}/d/${documentId}`, measures);
    const b = await load(context, `${served.url}/bare/index.html#${documentId}`, measures);
    if (i >= WARMUP) {
      times.akkoord.push(a);
      times.bare.push(b);
    }
  }
  await context.close();
  const akkoord = median(times.akkoord);
  const bare = median(times.bare);
  results[`${label} (${measures} measures): Akkoord median ms`] = akkoord;
  results[`${label}: bare ProseMirror + y-prosemirror median ms`] = bare;
  results[`${label}: ratio (goal ≤ 1.2)`] = akkoord / bare;
}
await browser.close();
await stop();
fs.rmSync(site, { recursive: true, force: true });
report(`editor-load (headless Chromium, ${RUNS} runs each, interleaved)`, results);
