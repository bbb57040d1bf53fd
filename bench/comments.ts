/**
 * Benchmark of comment anchors: 2,000 threads on the D66–CDA agenda, re-resolved after a remote change,
 * as the editor does after every change another person makes. Run with `npx tsx bench/comments.ts`.
 * (a) resolving all anchors (Yjs relative positions → block offsets → quote check), every thread intact;
 * (b) the same through the editor plugin (ProseMirror positions and decorations for all threads);
 * (c) after the chair split 20 measures with threads on them (moved words are found by their quote);
 * (d) after deleting the words of 100 threads (which takes the words of ~300 overlapping ones with them):
 *     a full pass searches every lost thread verbatim, then approximately, before declaring it detached;
 *     the plugin, on a remote change, leaves detached threads for a deferred pass;
 * (e) only the threads on one screen (~40).
 * Prints medians over RUNS runs in ms, then the same as one JSON line.
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { EditorState } from 'prosemirror-state';
import {
  initProseMirrorDoc,
  prosemirrorToYDoc,
  ySyncPlugin,
  ySyncPluginKey,
  updateYFragment,
} from 'y-prosemirror';
import { parseAgenda } from '../shared/agenda/parse.js';
import { buildDocument } from '../shared/agenda/build.js';
import { schema } from '../shared/schema/schema.js';
import { TEXT_FRAGMENT } from '../shared/protocol/protocol.js';
import { anchorSpan, resolveAnchors, textUnitsOf } from '../shared/comments/yAnchor.js';
import type { Anchor, Thread } from '../shared/comments/types.js';
import { commentsKey, commentsPlugin, type ShownThread } from '../client/comments/plugin.js';
import { median, report } from './stats.js';

const RUNS = 30;
const THREADS = 2_000;
const agenda = parseAgenda(
  readFileSync(new URL('../fixtures/d66-cda-uitnodiging-2025.txt', import.meta.url), 'utf8'),
);

/** Deterministic PRNG (mulberry32), so every run benches the same threads. */
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
const rand = random(5);

const seed = prosemirrorToYDoc(buildDocument(agenda), TEXT_FRAGMENT);
const update = Y.encodeStateAsUpdate(seed);
const doc = new Y.Doc();
Y.applyUpdate(doc, update);
const fragment = doc.getXmlFragment(TEXT_FRAGMENT);

// 2,000 threads on 2–6 words each, in measures, spread over the whole agenda.
const units = textUnitsOf(fragment);
const measureUnits = units.flat.units.map((u, i) => ({ u, i })).filter(({ u }) => u.node === 'measure');
const anchors: Anchor[] = [];
while (anchors.length < THREADS) {
  const { u, i } = measureUnits[Math.floor(rand() * measureUnits.length)]!;
  const words = [...u.text.matchAll(/\S+/g)];
  const first = Math.floor(rand() * Math.max(1, words.length - 6));
  const last = Math.min(words.length - 1, first + 1 + Math.floor(rand() * 5));
  const from = units.flat.starts[i]! + words[first]!.index;
  const to = units.flat.starts[i]! + words[last]!.index + words[last]![0].length;
  const anchor = anchorSpan(units, from, to);
  if (anchor) anchors.push(anchor);
}
const threads: ShownThread[] = anchors.map((anchor, n) => ({
  color: '#00a651',
  thread: {
    id: `t-${n}`,
    documentId: 'd66-cda',
    audience: n % 4 === 0 ? 'party' : 'everyone',
    party: 'D66',
    anchor,
    status: { kind: 'open' },
    createdAt: new Date(0).toISOString(),
    createdBy: { personId: 'p', name: 'P', party: 'D66' },
    messages: [],
  } satisfies Thread,
}));

/** A remote change: another replica types a word into a random measure, and its update arrives. */
const remote = new Y.Doc();
Y.applyUpdate(remote, update);
function remoteChange(): void {
  const { measureId } = measureUnits[Math.floor(rand() * measureUnits.length)]!.u;
  const texts = textUnitsOf(remote.getXmlFragment(TEXT_FRAGMENT));
  const unit = texts.flat.units.findIndex((u) => u.measureId === measureId);
  const part = texts.texts[unit]![0]!;
  part.text.insert(0, 'Ook ');
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
}

/** The median time of `work` right after each of `runs` remote changes (the change itself not counted). */
function afterChanges(work: () => void, runs = RUNS, warmup = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    remoteChange();
    const start = performance.now();
    work();
    if (i >= warmup) times.push(performance.now() - start);
  }
  return median(times);
}

const count = (rs: { kind: string; by?: string }[]) => {
  const out: Record<string, number> = {};
  for (const r of rs)
    out[r.kind === 'anchored' ? r.by! : 'detached'] =
      (out[r.kind === 'anchored' ? r.by! : 'detached'] ?? 0) + 1;
  return JSON.stringify(out);
};

const results: Record<string, number | string> = {
  threads: THREADS,
  measures: measureUnits.length,
  textChars: units.flat.text.length,
};

// (a) Yjs → block positions → quote check, for all threads, after a remote change.
results.resolveAllMs = afterChanges(() => resolveAnchors(doc, fragment, anchors));
results.resolveAllOutcome = count(resolveAnchors(doc, fragment, anchors).resolutions);

// (b) through the editor plugin: the ProseMirror document rebuilt from Yjs, as y-prosemirror does after a
// remote change, then anchors placed and decorations made for all threads.
const { doc: pmDoc } = initProseMirrorDoc(fragment, schema);
let state = EditorState.create({ schema, doc: pmDoc, plugins: [ySyncPlugin(fragment), commentsPlugin()] });
state = state.apply(state.tr.setMeta(commentsKey, { threads }));
/** The editor's state after a remote change: y-prosemirror's rebuilt document (its cost not counted) applied. */
function pluginAfterChange(): () => void {
  const next = initProseMirrorDoc(fragment, schema).doc;
  return () => {
    const tr = state.tr.replaceWith(0, state.doc.content.size, next.content);
    state = state.apply(tr.setMeta(ySyncPluginKey, { isChangeOrigin: true }));
  };
}
function pluginMs(): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    remoteChange();
    const apply = pluginAfterChange();
    const start = performance.now();
    apply();
    if (i >= 3) times.push(performance.now() - start);
  }
  return median(times);
}
results.pluginAllMs = pluginMs();
results.pluginDecorations = commentsKey.getState(state)!.decorations.find().length;

// (c) the chair split 20 measures that carry threads, in the middle (y-prosemirror gives the moved half new
// characters, so those threads are found by their quote).
{
  const { doc: before, meta } = initProseMirrorDoc(fragment, schema);
  const s = EditorState.create({ schema, doc: before });
  let tr = s.tr;
  const targets: number[] = [];
  before.descendants((node, pos) => {
    if (node.type.name === 'measure' && targets.length < 20 && node.content.size > 80 && rand() < 0.3)
      targets.push(pos);
    return node.type.name !== 'measure';
  });
  for (const pos of targets.reverse()) {
    const node = tr.doc.nodeAt(pos)!;
    tr = tr.split(pos + 1 + Math.floor(node.content.size / 2), 1, [
      { type: node.type, attrs: { ...node.attrs, id: `m-split-${pos}` } },
    ]);
  }
  updateYFragment(doc, fragment, tr.doc, meta);
}
results.afterSplitsMs = afterChanges(() => resolveAnchors(doc, fragment, anchors));
results.afterSplitsOutcome = count(resolveAnchors(doc, fragment, anchors).resolutions);

// (d) 100 threads lost their words.
{
  const lost = anchors.slice(0, 100);
  doc.transact(() => {
    for (const anchor of lost) {
      const t = textUnitsOf(fragment);
      const res = resolveAnchors(doc, fragment, [anchor]).resolutions[0]!;
      if (res.kind !== 'anchored') continue;
      const at = t.flat.starts.findLastIndex((s) => s <= res.from);
      const part = t.texts[at]![0]!;
      const offset = res.from - t.flat.starts[at]!;
      part.text.delete(offset, Math.min(res.to - res.from, part.text.length - offset));
    }
  });
}
results.withDetachedFullMs = afterChanges(() => resolveAnchors(doc, fragment, anchors), 10, 2);
pluginAfterChange()();
state = state.apply(state.tr.setMeta(commentsKey, { threads }));
results.withDetachedPluginMs = pluginMs();
results.withDetachedOutcome = count(resolveAnchors(doc, fragment, anchors).resolutions);

// (e) one screen of threads.
const screen = anchors.slice(200, 240);
results.onScreen40Ms = afterChanges(() => resolveAnchors(doc, fragment, screen));

report('comments: re-resolving anchors after a remote change (D66–CDA agenda)', results);
