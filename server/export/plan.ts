/**
 * The reading plan shared by the DOCX, Markdown and HTML exporters: the agenda as a flat list of text
 * blocks in document order, each with its diff ops and what happened to it. Clean exports get the current
 * text only; marked ones get every change against the original, built on `diffAgenda`.
 */
import type { Agenda } from '../../shared/agenda/types.js';
import {
  attributeOps,
  diffAgenda,
  sideOf,
  type AttributedOp,
  type AttributedUnit,
  type Op,
  type UnitKind,
} from '../../shared/diff/index.js';
import type { ExportAuthorship, ExportInput } from './types.js';

/**
 * What happened to a block. `moved-here` is a unit at its new place (moved itself, or inside a moved
 * section or chapter); `moved-away` is the same unit at its old place. Word needs both for its tracked
 * changes; reading formats show the unit once, at its new place.
 */
export type BlockChange = 'none' | 'inserted' | 'deleted' | 'moved-here' | 'moved-away';

/** One paragraph-like text unit of the export. */
export interface Block {
  kind: UnitKind;
  /** The diff unit id: a measure's id, `c-1/title`, `s-1-2/intro/0`, `intro/0`, `footnote/1`, … */
  id: string;
  /** The section of section titles, section intros and measures; null otherwise. */
  sectionId: string | null;
  /**
   * The number as shown: chapter number, section or measure number, footnote marker; `''` for other
   * units. The new number, or the old one for `deleted` and `moved-away` blocks.
   */
  number: string;
  /** The old number of a unit that kept its place but was renumbered (marked exports only). */
  oldNumber?: string;
  /**
   * The text: all equal ops in clean exports; the changes against the original in marked ones, each insert
   * and delete with its run's author where the export's `authorship` knows it.
   */
  ops: AttributedOp[];
  change: BlockChange;
  /** For a unit that moved itself (`moved-here`, not just its container): the number it had. */
  movedFrom?: string;
  /** A run-in section title: the lead of its first intro paragraph, which is then `body`. */
  runIn: boolean;
  /** The first intro paragraph of a run-in section, shown in the same paragraph after the lead. */
  body?: Block;
}

/** One text unit of one agenda, in document order, with the id `diffAgenda` reports for it. */
interface Item {
  id: string;
  kind: UnitKind;
  number: string;
  text: string;
  sectionId: string | null;
  /** The unit id of the title of the section or chapter this unit moves with; null for top-level units. */
  container: string | null;
  runIn: boolean;
}

/**
 * The text units of an agenda in document order, with the unit ids documented on `UnitDiff.id` (the
 * same order and ids as the diff engine's own walk).
 */
function agendaItems(agenda: Agenda): Item[] {
  const items: Item[] = [];
  const top = { sectionId: null, container: null, runIn: false };
  items.push({ ...top, id: 'title', kind: 'title', number: '', text: agenda.title });
  agenda.intro.paragraphs.forEach((text, i) =>
    items.push({ ...top, id: `intro/${i}`, kind: 'intro', number: '', text }),
  );
  if (agenda.intro.signature !== null)
    items.push({ ...top, id: 'signature', kind: 'signature', number: '', text: agenda.intro.signature });
  for (const chapter of agenda.chapters) {
    const chapterTitle = `${chapter.id}/title`;
    const number = String(chapter.number);
    items.push({ ...top, id: chapterTitle, kind: 'chapter-title', number, text: chapter.title });
    chapter.intro.forEach((text, i) =>
      items.push({
        ...top,
        id: `${chapter.id}/intro/${i}`,
        kind: 'chapter-intro',
        number,
        text,
        container: chapterTitle,
      }),
    );
    for (const section of chapter.sections) {
      const sectionTitle = `${section.id}/title`;
      const base = { sectionId: section.id, runIn: section.runIn };
      items.push({
        ...base,
        id: sectionTitle,
        kind: 'section-title',
        number: section.number,
        text: section.title,
        container: chapterTitle,
      });
      section.intro.forEach((text, i) =>
        items.push({
          ...base,
          id: `${section.id}/intro/${i}`,
          kind: 'section-intro',
          number: section.number,
          text,
          container: sectionTitle,
        }),
      );
      for (const measure of section.measures)
        items.push({
          ...base,
          id: measure.id,
          kind: 'measure',
          number: measure.number,
          text: measure.text,
          container: sectionTitle,
        });
    }
  }
  const seen = new Map<string, number>();
  for (const footnote of agenda.footnotes) {
    const count = (seen.get(footnote.marker) ?? 0) + 1;
    seen.set(footnote.marker, count);
    const id = count === 1 ? `footnote/${footnote.marker}` : `footnote/${footnote.marker}#${count}`;
    items.push({ ...top, id, kind: 'footnote', number: footnote.marker, text: footnote.text });
  }
  return items;
}

function equalOps(text: string): Op[] {
  return text === '' ? [] : [[0, text]];
}

/** Blocks of the current text, unchanged. */
function cleanBlocks(agenda: Agenda): Block[] {
  return agendaItems(agenda).map((item) => ({
    kind: item.kind,
    id: item.id,
    sectionId: item.sectionId,
    number: item.number,
    ops: equalOps(item.text),
    change: 'none',
    runIn: item.runIn,
  }));
}

/**
 * Blocks of the comparison. Units of the current version come in its order. Units no longer there
 * (removed) and the old places of relocated units (`moved-away`) come right after the nearest unit before
 * them in the original that kept its place, in the original's order, so rejecting every change gives the
 * original back and accepting every change gives the current text.
 */
function markedBlocks(original: Agenda, current: Agenda, authorship?: ExportAuthorship): Block[] {
  const diff = diffAgenda(original, current);
  const units = new Map<string, AttributedUnit>(
    diff.units.map((unit) => [
      unit.id,
      authorship && unit.status !== 'unchanged'
        ? {
            ...unit,
            ops: attributeOps(
              unit.ops,
              authorship.from.get(unit.id) ?? null,
              authorship.to.get(unit.id) ?? null,
            ),
          }
        : unit,
    ]),
  );
  const toItems = new Map(agendaItems(current).map((item) => [item.id, item]));

  const relocated = new Set<string>();
  for (const item of toItems.values()) {
    const unit = units.get(item.id);
    if (!unit) continue;
    const carried = item.container !== null && relocated.has(item.container) && unit.status !== 'added';
    if (unit.status === 'moved' || carried) relocated.add(item.id);
  }

  const attached = new Map<string | null, Block[]>();
  let landmark: string | null = null;
  for (const item of agendaItems(original)) {
    const unit = units.get(item.id);
    if (!unit) continue;
    const ghost = relocated.has(item.id);
    if (unit.status !== 'removed' && !ghost) {
      landmark = item.id;
      continue;
    }
    const block: Block = {
      kind: item.kind,
      id: item.id,
      sectionId: item.sectionId,
      number: unit.fromNumber ?? item.number,
      ops: ghost ? minus(sideOf(unit.ops, 'from')) : unit.ops,
      change: ghost ? 'moved-away' : 'deleted',
      runIn: item.runIn,
    };
    const list = attached.get(landmark);
    if (list) list.push(block);
    else attached.set(landmark, [block]);
  }

  const blocks: Block[] = [...(attached.get(null) ?? [])];
  for (const { id } of diff.units) {
    const unit = units.get(id)!;
    if (unit.status === 'removed') continue;
    const item = toItems.get(unit.id);
    const block: Block = {
      kind: unit.kind,
      id: unit.id,
      sectionId: item?.sectionId ?? null,
      number: unit.toNumber ?? unit.number,
      ops: unit.ops,
      change: 'none',
      runIn: item?.runIn ?? false,
    };
    if (relocated.has(unit.id)) {
      block.change = 'moved-here';
      if (unit.status === 'moved') block.movedFrom = unit.fromNumber ?? '';
    } else if (unit.status === 'added') block.change = 'inserted';
    else if (unit.fromNumber !== undefined && unit.fromNumber !== unit.toNumber)
      block.oldNumber = unit.fromNumber;
    blocks.push(block, ...(attached.get(unit.id) ?? []));
  }
  return blocks;
}

function minus(text: string): Op[] {
  return text === '' ? [] : [[-1, text]];
}

/** True for a block on the old side only (shown struck through, or left out of reading formats). */
export function isOld(block: Block): boolean {
  return block.change === 'deleted' || block.change === 'moved-away';
}

/** Moves the first intro paragraph of each run-in section into its title block as `body`. */
function joinRunIns(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (
      block.kind === 'section-title' &&
      block.runIn &&
      next &&
      next.kind === 'section-intro' &&
      next.id === `${block.sectionId}/intro/0` &&
      (next.change === 'moved-away') === (block.change === 'moved-away')
    ) {
      out.push({ ...block, body: next });
      i++;
    } else out.push(block);
  }
  return out;
}

/** True when the block's measure is left out by `include` (by its status in `measureStatuses`). */
function excluded(block: Block, input: ExportInput): boolean {
  if (block.kind !== 'measure' || !input.include) return false;
  const status = input.measureStatuses?.[block.id];
  return (status === 'parked' && !input.include.parked) || (status === 'disputed' && !input.include.disputed);
}

/**
 * The blocks to export, in document order: the current text (`changes: 'clean'`) or the comparison with
 * the original (`'marked'`), without the measures `include` leaves out, with run-in section titles joined
 * to their first intro paragraph.
 */
export function exportBlocks(input: ExportInput): Block[] {
  const blocks =
    input.changes === 'clean'
      ? cleanBlocks(input.current)
      : markedBlocks(input.original, input.current, input.authorship);
  return joinRunIns(blocks.filter((block) => !excluded(block, input)));
}

/** Blocks as read (Markdown, HTML): without the old places of moved units, which show at their new place. */
export function readingBlocks(blocks: readonly Block[]): Block[] {
  return blocks.filter((block) => block.change !== 'moved-away');
}

/** The text of one side of a block: `'from'` (old) or `'to'` (new). */
export function blockText(block: Block, side: 'from' | 'to'): string {
  return sideOf(block.ops, side);
}
