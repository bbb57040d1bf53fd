/**
 * The agenda importer: from text extracted from a party agenda PDF to the agenda JSON. Pure and
 * deterministic: the same text always gives the same agenda, with the same ids.
 *
 * The steps, each in its own file under `parse/`:
 * - `lines`: lines, the wrap width, and what a single line is (blank, bullet, chapter heading);
 * - `intro`: before the first chapter heading, the title, introduction paragraphs and signature;
 * - `footnotes`: notes at a chapter's end, and their markers glued to words in its text;
 * - `blocks`: a chapter's lines into section titles, paragraphs and bullets;
 * - `runin`: section titles run into their paragraph ("De belastingen hervormen. Door …");
 * - `dehyphenate`: joining a block's lines, undoing hyphenation at line ends;
 * - `structure`: blocks into the chapter's intro, sections and measures.
 */
import type { Agenda, Footnote } from './types.js';
import { toBlocks } from './parse/blocks.js';
import { joinLines, Vocabulary } from './parse/dehyphenate.js';
import { AgendaParseError } from './parse/errors.js';
import { splitFootnotes } from './parse/footnotes.js';
import { parseIntro } from './parse/intro.js';
import {
  chapterHeadingTitle,
  endsSentence,
  estimateWidth,
  startsUpper,
  toLines,
  type Line,
} from './parse/lines.js';
import { buildChapter } from './parse/structure.js';

export { AgendaParseError } from './parse/errors.js';

interface Heading {
  line: Line;
  title: string;
}

/**
 * Chapter headings: lines in capitals (see `chapterHeadingTitle`) that stand apart: at the start, after the
 * end of a sentence, or after a gap (blank lines or a leading space), and not followed by a line in lower
 * case (which would make the capitals part of a sentence).
 */
function findHeadings(lines: readonly Line[]): Heading[] {
  const content = lines.filter((l) => !l.blank);
  const headings: Heading[] = [];
  content.forEach((line, i) => {
    const title = chapterHeadingTitle(line.text);
    if (!title) return;
    const previous = content[i - 1];
    const next = content[i + 1];
    const gap = line.indented || (previous !== undefined && lines[line.index - 1]?.blank === true);
    if (previous && !endsSentence(previous.text) && !gap) return;
    if (next && !startsUpper(next.text) && /^\p{Ll}/u.test(next.text)) return;
    headings.push({ line, title });
  });
  return headings;
}

/**
 * Parses the text of an agenda. Throws `AgendaParseError` when the text is empty or has no chapter
 * heading in capitals.
 */
export function parseAgenda(text: string): Agenda {
  const lines = toLines(text);
  if (lines.every((l) => l.blank)) {
    throw new AgendaParseError('De tekst is leeg: er is geen agenda om in te lezen.');
  }
  const headings = findHeadings(lines);
  if (headings.length === 0) {
    throw new AgendaParseError('Geen hoofdstukken gevonden: de tekst heeft geen kopjes in hoofdletters.');
  }

  const width = estimateWidth(lines);
  const vocabulary = new Vocabulary(lines.map((l) => l.text));
  const intro = parseIntro(lines.slice(0, headings[0]!.line.index), width, vocabulary);

  const footnotes: Footnote[] = [];
  const chapters = headings.map((heading, i) => {
    const end = headings[i + 1]?.line.index ?? lines.length;
    const { body, notes } = splitFootnotes(lines.slice(heading.line.index + 1, end));
    for (const note of notes)
      footnotes.push({ marker: note.marker, text: joinLines(note.lines, vocabulary) });
    const blocks = toBlocks(body, { width, titles: true });
    return buildChapter(i + 1, heading.title, blocks, vocabulary);
  });

  return {
    title: intro.title,
    intro: { paragraphs: intro.paragraphs, signature: intro.signature },
    chapters,
    footnotes,
  };
}
