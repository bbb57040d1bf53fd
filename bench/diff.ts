/**
 * Benchmark of the diff engine. Run with `npx tsx bench/diff.ts`.
 * (a) a ~130-measure agenda built crudely from the D66/CDA invitation text against a copy with ~10% of
 *     the measures edited; (b) a generated 900-measure agenda against a copy with half of them edited;
 * (c) `diffText` on the whole invitation text against a lightly edited copy.
 * Prints medians over RUNS runs in ms, then the same as one JSON line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Agenda, Chapter } from '../shared/agenda/types.js';
import { diffAgenda, diffText } from '../shared/diff/index.js';

const RUNS = 30;
const FIXTURE = new URL('../fixtures/d66-cda-uitnodiging-2025.txt', import.meta.url);

/** Deterministic PRNG (mulberry32), so every run benches the same edits. */
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

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** Agenda from measure texts: `perSection` measures a section, `perChapter` sections a chapter. */
function buildAgenda(texts: string[], perSection: number, perChapter: number): Agenda {
  const chapters: Chapter[] = [];
  texts.forEach((text, i) => {
    const si = Math.floor(i / perSection);
    const ci = Math.floor(si / perChapter);
    const chapter = (chapters[ci] ??= {
      id: `c-${ci + 1}`,
      number: String(ci + 1),
      title: `Hoofdstuk ${ci + 1}`,
      intro: [],
      sections: [],
    });
    const sectionNumber = `${ci + 1}.${(si % perChapter) + 1}`;
    let section = chapter.sections[si % perChapter];
    if (!section) {
      section = {
        id: `s-${sectionNumber}`,
        number: sectionNumber,
        title: `Paragraaf ${sectionNumber}`,
        runIn: false,
        intro: [],
        measures: [],
      };
      chapter.sections.push(section);
    }
    const number = `${sectionNumber}.${section.measures.length + 1}`;
    section.measures.push({ id: `m-${i + 1}`, number, text });
  });
  return { title: 'Samen aan de slag', intro: { paragraphs: [], signature: null }, chapters, footnotes: [] };
}

/** A few random word edits: replace, delete, insert a word, or change a number. */
function editText(text: string, rand: () => number, vocabulary: readonly string[], edits: number): string {
  const words = text.split(' ');
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * words.length);
    const choice = rand();
    if (choice < 0.4) words[at] = pick(rand, vocabulary);
    else if (choice < 0.6 && words.length > 1) words.splice(at, 1);
    else if (choice < 0.9) words.splice(at, 0, pick(rand, vocabulary));
    else words[at] = String(Math.floor(rand() * 100)) + '%';
  }
  return words.join(' ');
}

/** Returns a copy of the agenda with `share` of its measures (chosen at random) edited. */
function editAgenda(agenda: Agenda, share: number, seed: number, vocabulary: readonly string[]): Agenda {
  const rand = random(seed);
  const copy = structuredClone(agenda);
  const measures = copy.chapters.flatMap((chapter) =>
    chapter.sections.flatMap((section) => section.measures),
  );
  // Fisher–Yates shuffle, then edit the first `share` of them.
  for (let i = measures.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [measures[i], measures[j]] = [measures[j]!, measures[i]!];
  }
  for (const measure of measures.slice(0, Math.round(share * measures.length)))
    measure.text = editText(measure.text, rand, vocabulary, 1 + Math.floor(rand() * 4));
  return copy;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(run: () => unknown): number {
  run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return Math.round(median(times) * 1000) / 1000;
}

// The invitation text: PDF line breaks and page noise joined, sentences grouped into ~130 measures.
const source = readFileSync(FIXTURE, 'utf8');
const flat = source.replace(/\s+/g, ' ').trim();
const sentences = flat.split(/(?<=[.!?])\s+(?=[A-Z•])/).filter((s) => s.split(' ').length >= 4);
const MEASURES = 130;
const groupSize = Math.max(1, Math.floor(sentences.length / MEASURES));
const measureTexts: string[] = [];
for (let i = 0; i < sentences.length && measureTexts.length < MEASURES; i += groupSize)
  measureTexts.push(sentences.slice(i, i + groupSize).join(' '));
const vocabulary = [...new Set(flat.split(' ').filter((w) => /^\p{L}+$/u.test(w)))];

const real = buildAgenda(measureTexts, 5, 3);
const realEdited = editAgenda(real, 0.1, 1, vocabulary);

const rand = random(2);
const generatedTexts = Array.from(
  { length: 900 },
  () => Array.from({ length: 20 + Math.floor(rand() * 60) }, () => pick(rand, vocabulary)).join(' ') + '.',
);
const generated = buildAgenda(generatedTexts, 10, 5);
const generatedEdited = editAgenda(generated, 0.5, 3, vocabulary);

const fullEdited = editText(flat, random(4), vocabulary, 40);

const check = diffAgenda(real, realEdited).total;
const checkGenerated = diffAgenda(generated, generatedEdited).total;
const results = {
  runs: RUNS,
  realAgendaMeasures: measureTexts.length,
  realAgendaChanged: check.changed,
  realAgendaMs: time(() => diffAgenda(real, realEdited)),
  generatedMeasures: generatedTexts.length,
  generatedChanged: checkGenerated.changed,
  generatedMs: time(() => diffAgenda(generated, generatedEdited)),
  fullTextWords: flat.split(' ').length,
  fullTextMs: time(() => diffText(flat, fullEdited)),
};

console.log(`diff benchmark, median of ${RUNS} runs`);
console.log(
  `(a) invitation agenda, ${results.realAgendaMeasures} measures, ${results.realAgendaChanged} changed: ${results.realAgendaMs} ms`,
);
console.log(
  `(b) generated agenda, ${results.generatedMeasures} measures, ${results.generatedChanged} changed: ${results.generatedMs} ms`,
);
console.log(
  `(c) diffText, whole invitation (${results.fullTextWords} words, 40 edits): ${results.fullTextMs} ms`,
);
console.log(JSON.stringify(results));
