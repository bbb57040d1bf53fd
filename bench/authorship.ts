/**
 * Benchmark of authorship per run of text (issue 11). A history is made first, change by change through the
 * server's own write path (each change one stored update with its attribution rows): negotiators of five
 * parties typing word by word and deleting a word, and accepted amendments written by the chair on a
 * party's behalf. Then, medians over RUNS HTTP requests against a real server on a real SQLite file:
 * the attributed diff (`GET …/diff?from=original&to=live`, every insert and delete op split by author),
 * `GET …/last-changes`, and the marked Word export; beside them the same diff without authors
 * (`diffAgenda` in process) for comparison.
 * (a) the D66–CDA agenda, 10 % of its measures typed in and 30 amendments accepted;
 * (b) the generated 900-measure negotiation (bench/generate.ts), half its measures typed in and 2,500
 *     amendments accepted.
 * Run with `npx tsx bench/authorship.ts`.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { Agenda } from '../shared/agenda/types.js';
import { parseAgenda } from '../shared/agenda/parse.js';
import { diffAgenda } from '../shared/diff/index.js';
import { liveAgenda } from '../server/documents/live.js';
import { invitePerson } from '../server/people/invite.js';
import { writeRoom } from '../server/sync/serverWrite.js';
import { findMeasure, plainText } from '../server/amendments/liveText.js';
import { transactionRanges } from '../server/authorship/ranges.js';
import { agenda as generated } from './generate.js';
import { serveAgenda } from './serve.js';
import { median, report } from './stats.js';
import { compare } from '../server/versions/compare.js';
import { buildExportInput } from '../server/export/input.js';
import { parseExportRequest } from '../server/export/request.js';
import { exportDocx } from '../server/export/index.js';
import { OriginalItems } from '../server/authorship/originals.js';

const RUNS = 15;
const PARTIES = ['D66', 'CDA', 'VVD', 'GL-PvdA', 'JA21'];
const WORDS = 'binnen een jaar ligt er een wetsvoorstel en gemeenten krijgen daar geld voor'.split(' ');

/** Deterministic PRNG (mulberry32), so every run makes the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Y.XmlText of a measure. */
function textOf(doc: Y.Doc, id: string): Y.XmlText {
  const el = findMeasure(doc, id)!.el;
  return el.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)!;
}

async function bench(name: string, agenda: Agenda, typedShare: number, amendments: number) {
  const documentId = 'bench';
  const server = await serveAgenda(agenda, documentId);
  const { app, chair } = server;
  const people = [];
  for (const party of PARTIES)
    for (const n of [1, 2])
      people.push(
        (
          await invitePerson(app.ctx.people, app.ctx.key, app.url, {
            documentId,
            name: `${party} onderhandelaar ${n}`,
            party,
            role: 'negotiator',
          })
        ).person,
      );
  const measures = agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
  const rand = random(11);
  // Someone is in the room while the history is made, so it stays loaded (a room without peers is unloaded
  // after every server write).
  const held = app.ctx.rooms.open(documentId);
  const watcher = { send() {}, personId: null, awarenessClients: new Set<number>() };
  held.peers.add(watcher);
  let updates = 0;
  const started = performance.now();
  // Typing: two people of different parties in each chosen measure, a word per update, then one deletion.
  for (let i = 0; i < measures.length; i++) {
    if (i % Math.round(1 / typedShare) !== 0) continue;
    const id = measures[i]!.id;
    for (const person of [people[i % people.length]!, people[(i + 3) % people.length]!]) {
      for (let w = 0; w < 6; w++) {
        writeRoom(app.ctx.rooms, documentId, person.id, (doc) => {
          const text = textOf(doc, id);
          text.insert(text.length, ` ${WORDS[Math.floor(rand() * WORDS.length)]}`);
        });
        updates++;
      }
      writeRoom(app.ctx.rooms, documentId, person.id, (doc) => {
        const text = textOf(doc, id);
        const at = plainText(findMeasure(doc, id)!.el).indexOf(' ') + 1;
        if (at > 0) text.delete(at, Math.min(4, text.length - at));
      });
      updates++;
    }
  }
  // Accepted amendments: the chair writes a party's words into the measure on its behalf.
  for (let i = 0; i < amendments; i++) {
    const id = measures[(i * i) % measures.length]!.id;
    const proposer = people[i % people.length]!;
    writeRoom(
      app.ctx.rooms,
      documentId,
      chair.person.id,
      (doc) => {
        const text = textOf(doc, id);
        text.insert(text.length, ` amendement ${i}`);
      },
      { onBehalfOf: proposer.party, authorId: proposer.id },
    );
    updates++;
  }
  const historyMs = performance.now() - started;
  held.leave(watcher);
  app.ctx.rooms.release(held);
  const rows = (
    server.store.db
      .prepare('SELECT COUNT(*) AS n FROM attribution WHERE document_id = ?')
      .get(documentId) as {
      n: number;
    }
  ).n;

  const get = async (url: string, binary = false) => {
    const request = () =>
      fetch(`${app.url}/api/documents/${documentId}${url}`, {
        headers: { authorization: `Bearer ${chair.token}` },
      });
    // A kept-alive connection the server closed while the benchmark worked in process: ask again once.
    const res = await request().catch(request);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return binary ? res.arrayBuffer() : res.json();
  };
  const time = async (url: string, binary = false) => {
    for (let i = 0; i < 3; i++) await get(url, binary);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await get(url, binary);
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const diff = (await get('/diff?from=original&to=live')) as { units: { ops: unknown[][] }[] };
  const authoredOps = diff.units.flatMap((u) => u.ops).filter((op) => op.length === 3).length;
  // In process, alternating so both see the same load: the comparison as the diff API makes it (sides read,
  // diffed, every op attributed) against the same without authors (sides read, diffed).
  const sides = { from: { kind: 'original' as const }, to: { kind: 'live' as const } };
  const originals = new OriginalItems(server.store);
  const plain = () =>
    diffAgenda(server.store.getBaseline(documentId)!, liveAgenda(server.store, app.ctx.rooms, documentId));
  const attributed = () => compare(app.ctx, originals, documentId, chair.person, sides, new Date());
  const pair = { plain: [] as number[], attributed: [] as number[] };
  for (let i = 0; i < RUNS + 3; i++) {
    for (const [name, run] of [
      ['plain', plain],
      ['attributed', attributed],
    ] as const) {
      const t = performance.now();
      run();
      if (i >= 3) pair[name].push(performance.now() - t);
    }
  }
  const results: Record<string, number | string> = {
    'history: stored updates': updates,
    'history: attribution rows': rows,
    'history: writing it, per update ms': historyMs / updates,
    'authored ops in the diff': authoredOps,
    'cold: diff without authors, in process ms': median(pair.plain),
    'cold: diff with authors, in process ms': median(pair.attributed),
    'cold: with / without': median(pair.attributed) / median(pair.plain),
    'cold: attributed diff, HTTP ms': await time('/diff?from=original&to=live'),
    'cold: last changes, HTTP ms': await time('/last-changes'),
    'cold: marked Word export with authors, HTTP ms': await time('/export?format=docx&changes=marked', true),
  };
  // The marked Word export, in process and alternating: with each run's author, and with the measure's
  // last changer only (the export's input without `authorship`).
  const input = buildExportInput(
    app.ctx,
    documentId,
    parseExportRequest({ format: 'docx', changes: 'marked' }),
    new Date(),
  );
  const word = { with: [] as number[], without: [] as number[] };
  for (let i = 0; i < 8; i++) {
    let t = performance.now();
    await exportDocx(input);
    if (i >= 2) word.with.push(performance.now() - t);
    t = performance.now();
    await exportDocx({ ...input, authorship: undefined });
    if (i >= 2) word.without.push(performance.now() - t);
  }
  results['marked Word export from its input: with run authors / measure authors only ms'] =
    `${median(word.with).toFixed(1)} / ${median(word.without).toFixed(1)}`;
  const open = app.ctx.rooms.open(documentId); // as when people are in the document
  results['room loaded: attributed diff, HTTP ms'] = await time('/diff?from=original&to=live');
  app.ctx.rooms.release(open);
  report(`authorship: ${name} (medians over ${RUNS})`, results);
  await server.stop();
}

const d66 = parseAgenda(fs.readFileSync('fixtures/d66-cda-uitnodiging-2025.txt', 'utf8'));
const only = process.env.ONLY;
if (!only || only === 'd66') await bench('D66–CDA agenda', d66, 0.1, 30);
if (!only || only === '900') await bench('900 measures, 2,500 accepted amendments', generated, 0.5, 2_500);

// What the bookkeeping adds to storing one update: the same keystroke updates appended to a text room's log
// with their item ranges (the attribution rows, in the same transaction) and without, alternating.
if (!only || only === 'append') {
  const server = await serveAgenda(d66, 'keystrokes');
  const { store } = server;
  const source = new Y.Doc();
  Y.applyUpdate(source, Y.encodeStateAsUpdate(new Y.Doc()));
  const keystrokes: { update: Uint8Array; ranges: ReturnType<typeof transactionRanges> }[] = [];
  const text = source.getText('t');
  source.on('update', (update: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) =>
    keystrokes.push({ update, ranges: transactionRanges(tr) }),
  );
  for (let i = 0; i < 4_000; i++) text.insert(text.length, 'x');
  const personId = server.chair.person.id;
  const times = { with: [] as number[], without: [] as number[] };
  for (let block = 0; block < 20; block++) {
    for (const kind of ['with', 'without'] as const) {
      const t = performance.now();
      for (let i = block * 100; i < block * 100 + 100; i++) {
        const k = keystrokes[kind === 'with' ? i : 2_000 + i]!;
        store.appendUpdate('keystrokes', k.update, {
          personId,
          ...(kind === 'with' ? { ranges: k.ranges } : {}),
        });
      }
      times[kind].push((performance.now() - t) / 100);
    }
  }
  // The room reads the ranges in its update handler; timed there, over 2,000 keystrokes.
  let rangesTotal = 0;
  source.on('update', (_u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => {
    const t = performance.now();
    transactionRanges(tr);
    rangesTotal += performance.now() - t;
  });
  for (let i = 0; i < 2_000; i++) text.insert(text.length, 'x');
  const rangesMs = rangesTotal / 2_000;
  report('authorship: storing one keystroke update (medians of 20 blocks of 100)', {
    'append with its attribution row ms': median(times.with),
    'append without ms': median(times.without),
    ratio: median(times.with) / median(times.without),
    'reading the ranges of a transaction ms': rangesMs,
  });
  await server.stop();
}
