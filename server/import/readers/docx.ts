/**
 * Reads a Word file (.docx) into source lines, one per paragraph, with what its styles and lists say:
 * the Title style, Heading 1 and 2 (also Dutch "Kop 1"), list paragraphs (Word numbering, bullets or
 * numbers), bold, and footnotes kept apart. Mammoth reads the OOXML: it resolves styles, numbering (also from
 * a paragraph's style), tracked changes and footnotes, which reading the XML directly would have to redo.
 */
import mammoth from 'mammoth';
import type { AgendaSource, LineHints, SourceLine, SourceNote } from '../../../shared/agenda/source.js';
import { ImportError } from '../errors.js';

/** The parts of mammoth's document model this reader uses (mammoth's `transformDocument` API). */
interface Element {
  type: string;
  children?: Element[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  numbering?: unknown;
  isBold?: boolean;
  noteId?: string;
  noteType?: string;
  body?: Element[];
}

/** Heading level by style name or id: Title, Heading 1, Heading 2 … in English and Dutch. */
function headingOf(paragraph: Element): LineHints['heading'] {
  const names = [paragraph.styleName, paragraph.styleId].filter(Boolean).map((n) => n!.toLowerCase());
  if (names.some((n) => /^(?:title|titel)$/u.test(n))) return 0;
  for (const name of names) {
    const level = /^(?:heading|kop)\s*(\d)$/u.exec(name)?.[1];
    if (level) return level === '1' ? 1 : 2;
  }
  return undefined;
}

interface Piece {
  text: string;
  bold: boolean;
}

/** The text pieces of an element in order (runs with their boldness), skipping footnote references. */
function pieces(element: Element, bold: boolean, notes: string[], out: Piece[]): void {
  switch (element.type) {
    case 'text':
      out.push({ text: element.value ?? '', bold });
      return;
    case 'tab':
    case 'break':
      out.push({ text: ' ', bold });
      return;
    case 'noteReference':
      if (element.noteType === 'footnote' && element.noteId) notes.push(element.noteId);
      return;
    case 'run':
      for (const child of element.children ?? []) pieces(child, element.isBold === true, notes, out);
      return;
    default:
      for (const child of element.children ?? []) pieces(child, bold, notes, out);
  }
}

/** The paragraphs of the body in order, also those inside tables. */
function paragraphs(element: Element, out: Element[]): Element[] {
  if (element.type === 'paragraph') out.push(element);
  else for (const child of element.children ?? []) paragraphs(child, out);
  return out;
}

/** A paragraph as a source line with its hints. */
function lineOf(paragraph: Element, noteOrder: string[]): SourceLine | null {
  const parts: Piece[] = [];
  pieces(paragraph, false, noteOrder, parts);
  const text = parts
    .map((p) => p.text)
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  if (!text) return null;
  const hints: LineHints = { gapBefore: true };
  const heading = headingOf(paragraph);
  if (heading !== undefined) hints.heading = heading;
  if (paragraph.numbering) hints.listItem = true;
  const visible = parts.filter((p) => p.text.trim());
  if (visible.every((p) => p.bold)) hints.bold = true;
  else if (visible[0]?.bold) {
    const lead = parts
      .slice(
        0,
        parts.findIndex((p) => !p.bold && p.text.trim()),
      )
      .map((p) => p.text)
      .join('')
      .replace(/\s+/gu, ' ')
      .trim();
    if (lead) hints.boldLead = lead;
  }
  return { text, hints };
}

/** Reads a .docx file. Throws an `ImportError` when the file is not a readable Word document. */
export async function readDocx(bytes: Uint8Array): Promise<AgendaSource> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    throw new ImportError(
      'unsupported',
      'Dit is een oud Word-bestand (.doc) of een beveiligd document: open het in Word en sla het op als .docx zonder wachtwoord.',
    );
  }
  let document: Element | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: (element: Element) => {
          document = element;
          return element;
        },
      },
    );
  } catch {
    throw new ImportError(
      'unreadable',
      'Het Word-bestand is beschadigd of geen .docx: open het in Word, sla het opnieuw op als .docx en probeer het nog eens.',
    );
  }
  if (!document)
    throw new ImportError('unreadable', 'Het Word-bestand heeft geen inhoud die gelezen kan worden.');

  const noteOrder: string[] = [];
  const lines = paragraphs(document, [])
    .map((p) => lineOf(p, noteOrder))
    .filter((l): l is SourceLine => l !== null);
  // Mammoth's notes resolve a reference to the note itself.
  const resolver = (document as unknown as { notes?: { resolve(ref: object): Element | null } }).notes;
  const bodyOf = (id: string): Element[] =>
    resolver?.resolve({ noteType: 'footnote', noteId: id })?.body ?? [];
  const notes: SourceNote[] = [...new Set(noteOrder)].map((id, i) => {
    const parts: Piece[] = [];
    for (const element of bodyOf(id)) pieces(element, false, [], parts);
    return {
      marker: String(i + 1),
      text: parts
        .map((p) => p.text)
        .join('')
        .replace(/\s+/gu, ' ')
        .trim(),
    };
  });
  return { format: 'docx', lines, notes, knowsBold: true };
}
