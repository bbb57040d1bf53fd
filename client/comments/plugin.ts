import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { unitPosition } from '../../shared/comments/anchor.js';
import { resolveAnchors, textUnitsOf, anchorSpan } from '../../shared/comments/yAnchor.js';
import { isOpen } from '../../shared/comments/threads.js';
import type { Anchor, Thread } from '../../shared/comments/types.js';

/** A thread as the editor shows it: with the colour of its party. */
export interface ShownThread {
  thread: Thread;
  color: string;
}

/** Where a thread stands in the editor now: ProseMirror positions, or null when detached. */
export interface Placed {
  id: string;
  span: { from: number; to: number } | null;
  measureId: string | null;
}

/** The comments plugin's state: the threads, where each stands, and which one the pointer is on. */
export interface CommentsState {
  threads: ShownThread[];
  /** Threads in document order (detached last). */
  placed: Placed[];
  /** Open threads per measure id. */
  openPerMeasure: Map<string, number>;
  hover: string | null;
  decorations: DecorationSet;
  /** Positions were carried through local edits only; they are resolved again shortly. */
  stale: boolean;
}

type Meta = { threads: ShownThread[] } | { hover: string | null } | { refresh: true };

export const commentsKey = new PluginKey<CommentsState>('comments');

/** Hands the editor the threads to show (the toolbar follows the rooms and calls this). */
export function setThreads(view: EditorView, threads: ShownThread[]): void {
  view.dispatch(view.state.tr.setMeta(commentsKey, { threads } satisfies Meta));
}

/** Highlights one thread's words (or none). */
export function setHover(view: EditorView, id: string | null): void {
  if (commentsKey.getState(view.state)?.hover === id) return;
  view.dispatch(view.state.tr.setMeta(commentsKey, { hover: id } satisfies Meta));
}

/** The text blocks of the ProseMirror document, in the order the Yjs adapter reads them. */
function blocksOf(doc: Node): { start: number; measurePos: number | null; node: Node }[] {
  const out: { start: number; measurePos: number | null; node: Node }[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      out.push({ start: pos + 1, measurePos: node.type.name === 'measure' ? pos : null, node });
      return false;
    }
    return true;
  });
  return out;
}

function yOf(state: EditorState): { doc: Y.Doc; fragment: Y.XmlFragment } | null {
  const y = ySyncPluginKey.getState(state) as { doc?: Y.Doc; type?: Y.XmlFragment } | undefined;
  return y?.doc && y.type ? { doc: y.doc, fragment: y.type } : null;
}

/**
 * Resolves the threads' anchors against the Yjs text, which matches `state.doc` after any sync. Threads in
 * `skip` are left detached without a search (see `commentsPlugin`).
 */
export function place(
  state: EditorState,
  threads: readonly ShownThread[],
  skip?: ReadonlySet<string>,
): Placed[] {
  const y = yOf(state);
  if (!y) return threads.map((t) => ({ id: t.thread.id, span: null, measureId: t.thread.anchor.measureId }));
  const searched = skip ? threads.filter((t) => !skip.has(t.thread.id)) : threads;
  const { units, resolutions: found } = resolveAnchors(
    y.doc,
    y.fragment,
    searched.map((t) => t.thread.anchor),
  );
  const byId = new Map(searched.map((t, i) => [t.thread.id, found[i]!]));
  const resolutions = threads.map((t) => byId.get(t.thread.id) ?? ({ kind: 'detached' } as const));
  const blocks = blocksOf(state.doc);
  // y-prosemirror drops content that does not fit the schema; then the two do not line up, and guessing
  // would highlight the wrong words. Show nothing until they agree again.
  const aligned = blocks.length === units.flat.units.length;
  const toPm = (offset: number) => {
    const at = unitPosition(units.flat, offset);
    return blocks[at.unit]!.start + at.offset;
  };
  const placed = threads.map((t, i): Placed => {
    const r = resolutions[i]!;
    if (r.kind === 'detached' || !aligned)
      return { id: t.thread.id, span: null, measureId: t.thread.anchor.measureId };
    const unit = units.flat.units[unitPosition(units.flat, r.from).unit];
    return {
      id: t.thread.id,
      span: { from: toPm(r.from), to: toPm(r.to) },
      measureId: unit?.measureId ?? null,
    };
  });
  return inOrder(placed);
}

function inOrder(placed: Placed[]): Placed[] {
  return placed
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.span?.from ?? Infinity) - (b.p.span?.from ?? Infinity) || a.i - b.i)
    .map(({ p }) => p);
}

function decorate(
  doc: Node,
  threads: readonly ShownThread[],
  placed: readonly Placed[],
  hover: string | null,
) {
  const byId = new Map(threads.map((t) => [t.thread.id, t]));
  const decorations: Decoration[] = [];
  const openPerMeasure = new Map<string, number>();
  for (const p of placed) {
    const shown = byId.get(p.id);
    if (!shown || !p.span) continue;
    const open = isOpen(shown.thread);
    if (open && p.measureId) openPerMeasure.set(p.measureId, (openPerMeasure.get(p.measureId) ?? 0) + 1);
    if (!open && hover !== p.id) continue;
    const party = shown.thread.audience === 'party';
    decorations.push(
      Decoration.inline(
        p.span.from,
        p.span.to,
        {
          class: `comment-span${party ? ' comment-party' : ''}${hover === p.id ? ' comment-hover' : ''}`,
          style: `--comment-color: ${shown.color}`,
          'data-thread': p.id,
        },
        { inclusiveStart: false, inclusiveEnd: false },
      ),
    );
  }
  for (const block of blocksOf(doc)) {
    if (block.measurePos === null) continue;
    const id = block.node.attrs.id as string | null;
    const n = id ? openPerMeasure.get(id) : undefined;
    if (n)
      decorations.push(
        Decoration.node(block.measurePos, block.measurePos + block.node.nodeSize, {
          'data-comments': String(n),
        }),
      );
  }
  return { decorations: DecorationSet.create(doc, decorations), openPerMeasure };
}

function build(
  doc: Node,
  threads: ShownThread[],
  placed: Placed[],
  hover: string | null,
  stale: boolean,
): CommentsState {
  return { threads, placed, hover, stale, ...decorate(doc, threads, placed, hover) };
}

/** After local typing, anchors are resolved again once the typing pauses (the positions are mapped meanwhile). */
const REFRESH_DELAY_MS = 250;

/**
 * Highlights the words of every open thread (in its party's colour for party threads), badges each measure
 * with its number of open threads, and follows the pointer. Anchors are resolved again after every remote
 * change: y-prosemirror rebuilds the document then, and mapped positions would mean nothing.
 */
export function commentsPlugin(): Plugin<CommentsState> {
  return new Plugin<CommentsState>({
    key: commentsKey,
    state: {
      init: (_config, state) => build(state.doc, [], [], null, false),
      apply(tr: Transaction, prev: CommentsState, _old, state): CommentsState {
        const meta = tr.getMeta(commentsKey) as Meta | undefined;
        const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)
          ?.isChangeOrigin;
        if (meta && 'threads' in meta)
          return build(state.doc, meta.threads, place(state, meta.threads), prev.hover, false);
        if (meta && 'refresh' in meta)
          return build(state.doc, prev.threads, place(state, prev.threads), prev.hover, false);
        if (remote && tr.docChanged) {
          // Threads that were detached cost a search of the whole text each; they are looked for again
          // shortly after (once per burst of remote typing), so every remote change stays within a frame.
          const detached = new Set(prev.placed.filter((p) => !p.span).map((p) => p.id));
          return build(
            state.doc,
            prev.threads,
            place(state, prev.threads, detached),
            prev.hover,
            detached.size > 0,
          );
        }
        if (tr.docChanged) {
          const placed = prev.placed.map((p) => {
            if (!p.span) return p;
            const from = tr.mapping.map(p.span.from, 1);
            const to = tr.mapping.map(p.span.to, -1);
            return { ...p, span: to > from ? { from, to } : null };
          });
          return build(state.doc, prev.threads, placed, prev.hover, true);
        }
        if (meta && 'hover' in meta)
          return build(state.doc, prev.threads, prev.placed, meta.hover, prev.stale);
        return prev;
      },
    },
    props: {
      decorations: (state) => commentsKey.getState(state)?.decorations,
      handleDOMEvents: {
        mouseover(view, event) {
          const el = (event.target as HTMLElement | null)?.closest?.('[data-thread]');
          setHover(view, el?.getAttribute('data-thread') ?? null);
          return false;
        },
        mouseleave(view) {
          setHover(view, null);
          return false;
        },
      },
    },
    view() {
      let timer: ReturnType<typeof setTimeout> | null = null;
      return {
        update(view) {
          if (!commentsKey.getState(view.state)?.stale || timer) return;
          timer = setTimeout(() => {
            timer = null;
            if (!view.isDestroyed)
              view.dispatch(view.state.tr.setMeta(commentsKey, { refresh: true } satisfies Meta));
          }, REFRESH_DELAY_MS);
        },
        destroy() {
          if (timer) clearTimeout(timer);
        },
      };
    },
  });
}

/** The words selected in the editor (the DOM selection for a read-only editor), as a new anchor, or null. */
export function anchorOfSelection(view: EditorView): Anchor | null {
  const y = yOf(view.state);
  if (!y) return null;
  let { from, to } = view.state.selection;
  const dom = window.getSelection();
  if (from === to && dom && dom.rangeCount > 0 && !dom.isCollapsed && view.dom.contains(dom.anchorNode)) {
    const range = dom.getRangeAt(0);
    try {
      from = view.posAtDOM(range.startContainer, range.startOffset);
      to = view.posAtDOM(range.endContainer, range.endOffset);
    } catch {
      return null;
    }
  }
  if (from >= to) return null;
  const units = textUnitsOf(y.fragment);
  const blocks = blocksOf(view.state.doc);
  if (blocks.length !== units.flat.units.length) return null;
  // PM position → flat offset: the block it is in (or the next one, between blocks), clamped to its text.
  const toFlat = (pos: number, side: 'start' | 'end') => {
    let i = blocks.findIndex((b) => pos <= b.start + b.node.content.size);
    if (i < 0) i = blocks.length - 1;
    const b = blocks[i]!;
    const offset = Math.max(0, Math.min(pos - b.start, b.node.content.size));
    const start = units.flat.starts[i]!;
    return side === 'start' && pos < b.start ? start : start + offset;
  };
  return anchorSpan(units, toFlat(from, 'start'), toFlat(to, 'end'));
}
