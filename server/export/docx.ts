/**
 * The Word export. Marked: every change against the original is a real tracked change (`w:ins` /
 * `w:del`) with its author and date, so Word's "Accept all" gives the current text and "Reject all" the
 * original: changed text word by word, added and removed units as inserted and deleted paragraphs, moved
 * units deleted at their old place and inserted at their new one, and renumbered measures, sections and
 * chapters with their number changed. A removed measure keeps its number: its deleted paragraph carries a
 * comment saying it lapsed ("Maatregel 1.1.2 vervallen"; a comment, so that accepting or rejecting every
 * change still gives exactly the current text or the original). Clean: the current text, no revisions; with
 * final numbering, the old → new list at the end. Comment threads become Word comments (a reply per later
 * message) on the quoted words of their measure.
 *
 * Numbers are literal text ("1.1.1" and a tab before the measure), not Word list numbering, so they are
 * exactly the agenda's numbers. Footnotes come at the end under their own heading: the agenda records
 * their text, not where their marker stood.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InsertedTextRun,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type ICommentOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { normalizeText, type AttributedOp, type Author } from '../../shared/diff/index.js';
import { dutchDate, parseDate, wordDateTime } from './dates.js';
import { packDocx } from './docxPack.js';
import { LABELS, renumberedLine } from './labels.js';
import { exportBlocks, isOld, type Block } from './plan.js';
import type { CommentThread, ExportInput, Revision } from './types.js';

/** Twips of the measure number column (about 1.5 cm: room for "10.12.13"). */
const NUMBER_INDENT = 851;

interface Style {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/**
 * A stretch of a paragraph with one kind (0 kept, 1 inserted, -1 deleted), revision and style. `runs`
 * merges neighbouring pieces that match into one run, and splits pieces where a comment's quote begins
 * or ends.
 */
interface Piece {
  kind: -1 | 0 | 1;
  text: string;
  revision: Revision;
  style: Style;
  /** Counts for locating a comment's quote (the measure text, not its number). */
  quotable: boolean;
}

/** Hands out the `w:id` of tracked changes: unique in the document, above the comment ids. */
class Ids {
  constructor(private next: number) {}
  take(): number {
    return this.next++;
  }
}

/** Builds the paragraphs of one export: revision ids, authors, comments. */
class Writer {
  readonly ids: Ids;
  readonly comments: ICommentOptions[] = [];
  private readonly threads = new Map<string, CommentThread[]>();
  private readonly defaultRevision: Revision;

  constructor(
    private readonly input: ExportInput,
    /** Comments the export adds itself (one per removed measure), for the numbering of ids. */
    notes: number,
  ) {
    const commentCount = (input.comments ?? []).reduce((n, t) => n + t.messages.length, 0) + notes;
    this.ids = new Ids(commentCount + 1);
    this.defaultRevision = { author: input.defaultAuthor, date: wordDateTime(input.generatedAt) };
    for (const thread of input.comments ?? []) {
      if (thread.messages.length === 0) continue;
      const list = this.threads.get(thread.measureId);
      if (list) list.push(thread);
      else this.threads.set(thread.measureId, [thread]);
    }
  }

  get marked(): boolean {
    return this.input.changes === 'marked';
  }

  /** A run's author as a Word revision: the party short name (or the name), dated by that change. */
  authorRevision(author: Author): Revision {
    return {
      author: author.party ?? author.name ?? this.input.defaultAuthor,
      date: wordDateTime(parseDate(author.at, this.input.generatedAt)),
    };
  }

  /**
   * A block's revision: for a block inserted or deleted as a whole, its first run's author; else who last
   * changed the unit (`attribution`), for runs the export does not know the author of.
   */
  revisionOf(block: Block): Revision {
    const first = block.change === 'none' ? undefined : block.ops.find((op) => op.length === 3);
    if (first?.length === 3) return this.authorRevision(first[2]);
    const attribution = this.input.attribution?.[block.id];
    if (!attribution) return this.defaultRevision;
    return {
      author: attribution.author || this.input.defaultAuthor,
      date: wordDateTime(parseDate(attribution.date, this.input.generatedAt)),
    };
  }

  /** The paragraph mark's revision: inserted or deleted paragraphs, as a whole. */
  paragraphRun(blocks: readonly Block[]): IParagraphOptions['run'] {
    if (!this.marked) return undefined;
    const inserted = blocks.every((b) => b.change === 'inserted' || b.change === 'moved-here');
    if (!inserted && !blocks.every(isOld)) return undefined;
    const change = { id: this.ids.take(), ...this.revisionOf(blocks[0]!) };
    return inserted ? { insertion: change } : { deletion: change };
  }

  /** The pieces of a block's number and text. */
  pieces(block: Block, prefix: string, style: Style): Piece[] {
    const revision = this.revisionOf(block);
    const opRevision = (op: AttributedOp): Revision =>
      op.length === 3 ? this.authorRevision(op[2]) : revision;
    const out: Piece[] = [];
    /** A block inserted or deleted as a whole: its number, then its text run by run, each by its author. */
    const whole = (kind: -1 | 1): void => {
      if (prefix) out.push({ kind, text: prefix, revision, style, quotable: false });
      for (const op of block.ops) {
        if (op[0] === -kind || !op[1]) continue;
        out.push({
          kind,
          text: op[1],
          revision: op[0] === kind ? opRevision(op) : revision,
          style,
          quotable: true,
        });
      }
    };
    switch (block.change) {
      case 'inserted':
      case 'moved-here':
        whole(1);
        return out;
      case 'deleted':
      case 'moved-away':
        whole(-1);
        return out;
      case 'none':
        break;
    }
    if (prefix) {
      if (block.oldNumber !== undefined && this.marked) {
        const suffix = prefix.slice(block.number.length);
        out.push({
          kind: -1,
          text: block.oldNumber + suffix,
          revision: this.defaultRevision,
          style,
          quotable: false,
        });
        out.push({ kind: 1, text: prefix, revision: this.defaultRevision, style, quotable: false });
      } else out.push({ kind: 0, text: prefix, revision, style, quotable: false });
    }
    for (const op of block.ops)
      out.push({ kind: op[0], text: op[1], revision: opRevision(op), style, quotable: true });
    return out;
  }

  run(piece: Piece): ParagraphChild {
    const { text, style } = piece;
    if (piece.kind === 0 || !this.marked) return new TextRun({ text, ...style });
    const change = { id: this.ids.take(), ...piece.revision };
    return piece.kind === 1
      ? new InsertedTextRun({ text, ...style, ...change })
      : new DeletedTextRun({ text, ...style, ...change });
  }

  /** The runs of the pieces, with the comment threads of `measureId` around their quoted words. */
  runs(pieces: Piece[], threads: readonly CommentThread[] = []): ParagraphChild[] {
    let current = pieces;
    const starts = new Map<number, number[]>();
    const ends = new Map<number, number[]>();
    for (const thread of threads) {
      const located = locate(current, thread.quote);
      current = located.pieces;
      const ids = this.addThread(thread, located.found);
      starts.set(located.start, [...(starts.get(located.start) ?? []), ...ids]);
      ends.set(located.end, [...(ends.get(located.end) ?? []), ...ids]);
    }
    const children: ParagraphChild[] = [];
    let pending: Piece | null = null;
    current.forEach((piece, i) => {
      if (starts.has(i) || ends.has(i)) {
        if (pending) children.push(this.run(pending));
        pending = null;
      }
      for (const id of starts.get(i) ?? []) children.push(new CommentRangeStart(id));
      pending = pending && sameRun(pending, piece) ? { ...pending, text: pending.text + piece.text } : piece;
      if (ends.has(i + 1) || i === current.length - 1 || !sameRun(pending, current[i + 1]!)) {
        children.push(this.run(pending));
        pending = null;
      }
      for (const id of ends.get(i + 1) ?? []) children.push(...closeComment(id));
    });
    if (current.length === 0)
      for (const id of starts.get(0) ?? []) children.push(new CommentRangeStart(id), ...closeComment(id));
    return children;
  }

  /** Adds a thread's messages as a comment and its replies; returns their ids. */
  private addThread(thread: CommentThread, quoteFound: boolean): number[] {
    const ids: number[] = [];
    thread.messages.forEach((message, i) => {
      const id = this.comments.length + 1;
      const children: Paragraph[] = [];
      if (i === 0 && !quoteFound && thread.quote.trim() !== '')
        children.push(
          new Paragraph({ children: [new TextRun({ text: `“${thread.quote}”`, italics: true })] }),
        );
      for (const line of message.text.split(/\r?\n/))
        children.push(new Paragraph({ children: [new TextRun(line)] }));
      this.comments.push({
        id,
        author: message.author,
        initials: initials(message.author),
        date: parseDate(message.date, this.input.generatedAt),
        children,
        ...(i > 0 ? { parentId: ids[0]! } : {}),
      });
      ids.push(id);
    });
    return ids;
  }

  /** The comment threads on a measure. */
  threadsOf(measureId: string): CommentThread[] {
    return this.threads.get(measureId) ?? [];
  }
}

/** True when two pieces can be one run: same kind, revision and style. */
function sameRun(a: Piece, b: Piece): boolean {
  return (
    a.kind === b.kind &&
    a.revision.author === b.revision.author &&
    a.revision.date === b.revision.date &&
    a.style.bold === b.style.bold &&
    a.style.italics === b.style.italics &&
    a.style.size === b.style.size
  );
}

function closeComment(id: number): ParagraphChild[] {
  return [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase());
  return letters.slice(0, 3).join('') || '?';
}

/**
 * Splits pieces so the quote starts and ends at piece boundaries. The quote is searched in the visible
 * text of the quotable pieces: kept and inserted ones, or the deleted ones of a deleted paragraph (as is,
 * then normalised). `start` and `end` are piece indexes; without a match, the whole quotable text.
 */
function locate(
  pieces: Piece[],
  quote: string,
): { pieces: Piece[]; start: number; end: number; found: boolean } {
  const old = pieces.every((p) => p.kind === -1);
  const visible = (p: Piece): boolean => p.quotable && (old ? p.kind === -1 : p.kind !== -1);
  const text = pieces
    .filter(visible)
    .map((p) => p.text)
    .join('');
  let from = -1;
  let length = 0;
  for (const candidate of [quote, normalizeText(quote)]) {
    const at = candidate ? text.indexOf(candidate) : -1;
    if (at >= 0) {
      from = at;
      length = candidate.length;
      break;
    }
  }
  if (from < 0) {
    const first = pieces.findIndex((p) => p.quotable);
    const last = pieces.findLastIndex((p) => p.quotable);
    return first < 0
      ? { pieces, start: pieces.length, end: pieces.length, found: false }
      : { pieces, start: first, end: last + 1, found: false };
  }
  const to = from + length;
  const out: Piece[] = [];
  /** Visible offset where each piece of `out` starts; -1 for pieces not visible. */
  const offsets: number[] = [];
  let offset = 0;
  for (const piece of pieces) {
    if (!visible(piece)) {
      out.push(piece);
      offsets.push(-1);
      continue;
    }
    let rest = piece.text;
    let at = offset;
    for (const cut of [from, to]) {
      if (cut > at && cut < at + rest.length) {
        out.push({ ...piece, text: rest.slice(0, cut - at) });
        offsets.push(at);
        rest = rest.slice(cut - at);
        at = cut;
      }
    }
    out.push({ ...piece, text: rest });
    offsets.push(at);
    offset += piece.text.length;
  }
  const start = offsets.findIndex((o) => o >= from);
  const end = offsets.findLastIndex((o) => o >= 0 && o < to) + 1;
  return { pieces: out, start, end: Math.max(end, start + 1), found: true };
}

/** The paragraphs of one block (a run-in section: lead and body in one paragraph). */
function blockParagraphs(
  block: Block,
  w: Writer,
  firstChapter: boolean,
  threads: readonly CommentThread[],
): Paragraph[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          run: w.paragraphRun([block]),
          children: w.runs(w.pieces(block, '', {})),
        }),
      ];
    case 'signature':
      return [
        new Paragraph({
          run: w.paragraphRun([block]),
          spacing: { before: 240 },
          children: w.runs(w.pieces(block, '', { italics: true })),
        }),
      ];
    case 'chapter-title':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          pageBreakBefore: !firstChapter,
          run: w.paragraphRun([block]),
          children: w.runs(w.pieces(block, `${block.number} `, {})),
        }),
      ];
    case 'section-title': {
      if (!block.runIn)
        return [
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            run: w.paragraphRun([block]),
            children: w.runs(w.pieces(block, `${block.number} `, {})),
          }),
        ];
      const parts = block.body ? [block, block.body] : [block];
      const pieces = w.pieces(block, `${block.number} `, { bold: true });
      if (block.body) {
        const gap: Piece = {
          kind: pieceKindOfGap(block, block.body),
          text: ' ',
          revision: w.revisionOf(block),
          style: {},
          quotable: false,
        };
        pieces.push(gap, ...w.pieces(block.body, '', {}));
      }
      return [
        new Paragraph({ run: w.paragraphRun(parts), spacing: { before: 240 }, children: w.runs(pieces) }),
      ];
    }
    case 'measure':
      return [
        new Paragraph({
          run: w.paragraphRun([block]),
          indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT },
          tabStops: [{ type: TabStopType.LEFT, position: NUMBER_INDENT }],
          spacing: { after: 120 },
          children: w.runs(w.pieces(block, `${block.number}\t`, {}), threads),
        }),
      ];
    case 'footnote':
      return [
        new Paragraph({
          run: w.paragraphRun([block]),
          children: w.runs(w.pieces(block, `${block.number}\t`, { size: 18 })),
        }),
      ];
    default:
      return [
        new Paragraph({
          run: w.paragraphRun([block]),
          spacing: { after: 120 },
          children: w.runs(w.pieces(block, '', {})),
        }),
      ];
  }
}

/** The space between a run-in lead and its body: inserted or deleted with them when both are. */
function pieceKindOfGap(lead: Block, body: Block): -1 | 0 | 1 {
  const inserted = (b: Block): boolean => b.change === 'inserted' || b.change === 'moved-here';
  if (inserted(lead) && inserted(body)) return 1;
  if (isOld(lead) && isOld(body)) return -1;
  return 0;
}

/**
 * The agenda as a Word document (see the module comment): title, intro, chapters as Heading 1 ("1
 * WONEN", each on a new page), sections as Heading 2 ("1.1 …") or a bold lead, numbered measures,
 * footnotes; a header naming the version and date, page numbers in the footer.
 */
export async function exportDocx(input: ExportInput): Promise<Uint8Array> {
  const labels = LABELS[input.language];
  const blocks = exportBlocks(input);
  const removed = (block: Block) =>
    input.changes === 'marked' && block.kind === 'measure' && block.change === 'deleted';
  const w = new Writer(input, blocks.filter(removed).length);
  const children: Paragraph[] = [];
  let firstChapter = true;
  let footnotesHeading = false;
  /** The note on a removed measure, as a comment by the export's own author. */
  const removedNote = (block: Block): CommentThread => ({
    measureId: block.id,
    quote: '',
    messages: [
      {
        author: input.defaultAuthor,
        date: input.generatedAt.toISOString(),
        text: `${labels.measure} ${block.number} ${labels.removed}`,
      },
    ],
  });
  // Each measure's comment threads go on one block: the one with its new text, else its old one.
  const anchors = new Map<string, Block>();
  for (const block of blocks) {
    if (block.kind !== 'measure' || w.threadsOf(block.id).length === 0) continue;
    const anchor = anchors.get(block.id);
    if (!anchor || (isOld(anchor) && !isOld(block))) anchors.set(block.id, block);
  }
  for (const block of blocks) {
    if (block.kind === 'footnote' && !footnotesHeading) {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          pageBreakBefore: false,
          children: [new TextRun(labels.footnotes)],
        }),
      );
      footnotesHeading = true;
    }
    const threads = anchors.get(block.id) === block ? w.threadsOf(block.id) : [];
    children.push(
      ...blockParagraphs(block, w, firstChapter, removed(block) ? [removedNote(block), ...threads] : threads),
    );
    if (block.kind === 'chapter-title') firstChapter = false;
  }
  if (input.renumbered && input.renumbered.length > 0) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(labels.renumberedTitle)] }),
      new Paragraph({ children: [new TextRun(labels.renumberedIntro)] }),
      ...input.renumbered.map((r) => new Paragraph({ children: [new TextRun(renumberedLine(labels, r))] })),
    );
  }
  const meta = `${input.current.title} · ${labels.version}: ${input.versionLabel} · ${dutchDate(input.generatedAt)} · ${
    input.changes === 'marked' ? labels.marked : labels.clean
  }`;
  const doc = new Document({
    title: input.current.title,
    creator: input.defaultAuthor,
    description: meta,
    features: { trackRevisions: input.changes === 'marked' },
    comments: { children: w.comments },
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: meta, size: 16, color: '666666' })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${labels.page} `, PageNumber.CURRENT], size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return packDocx(doc, {
    title: input.current.title,
    creator: input.defaultAuthor,
    generatedAt: input.generatedAt,
  });
}
