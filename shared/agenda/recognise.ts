/**
 * The structure recognition: from the lines of an agenda, in any format, to the agenda JSON, with warnings
 * for a person to check and what each line became. Pure and deterministic: the same source always gives
 * the same agenda, with the same ids.
 *
 * The steps, each in its own file under `parse/`:
 * - `lines`: lines, the wrap width, and what a single line is (blank, bullet, chapter heading);
 * - `furniture`: page numbers and running headers or footers, left out;
 * - `bullets`: list items of every kind ("•", "-", "a)", "1)"), given one glyph;
 * - `headings`: chapter headings, by the format's hints or by their form;
 * - `intro`: before the first chapter heading, the title, introduction paragraphs and signature;
 * - `footnotes`: notes at a chapter's end, and their markers glued to words in its text;
 * - `blocks`: a chapter's lines into section titles, paragraphs and bullets;
 * - `runin`: section titles run into their paragraph ("De belastingen hervormen. Door …");
 * - `dehyphenate`: joining a block's lines, undoing hyphenation at line ends;
 * - `structure`: blocks into the chapter's intro, sections and measures;
 * - `warnings`: what a person should check.
 */
import type { Footnote } from './types.js';
import type { AgendaSource, ImportResult } from './source.js';
import { toBlocks } from './parse/blocks.js';
import { markListItems } from './parse/bullets.js';
import { joinLines, Vocabulary } from './parse/dehyphenate.js';
import { AgendaParseError } from './parse/errors.js';
import { splitFootnotes } from './parse/footnotes.js';
import { dropFurniture } from './parse/furniture.js';
import { headingsByWords, hintedHeadings } from './parse/headings.js';
import { parseIntro } from './parse/intro.js';
import { blankLinesSeparate, estimateWidth, fromSource } from './parse/lines.js';
import { Marks } from './parse/marks.js';
import { buildChapter } from './parse/structure.js';
import { findWarnings } from './parse/warnings.js';

/**
 * Recognises the agenda in a source. Throws `AgendaParseError` (a Dutch sentence saying what is wrong and
 * what to try) when the source is empty or has no chapter headings.
 */
export function recogniseAgenda(source: AgendaSource): ImportResult {
  const lines = fromSource(source.lines);
  const marks = new Marks();
  const dropped = dropFurniture(lines);
  marks.set(dropped, 'furniture');
  if (lines.every((l) => l.blank)) {
    throw new AgendaParseError(
      source.format === 'pdf'
        ? 'De PDF bevat geen tekst: is het een scan? Gebruik een PDF met tekst of exporteer de agenda als Word-bestand.'
        : 'De tekst is leeg: er is geen agenda om in te lezen.',
    );
  }
  markListItems(lines);
  const width = estimateWidth(lines);
  if (blankLinesSeparate(lines, dropped))
    for (const line of lines) if (line.blank && !dropped.includes(line.index)) line.spaceOnly = true;
  const headings = hintedHeadings(lines) ?? headingsByWords(lines, width);
  if (headings.length === 0) {
    throw new AgendaParseError(
      'Geen hoofdstukken gevonden: de tekst heeft geen kopjes in hoofdletters; geef de hoofdstukken een kopstijl (Kop 1) of zet hun titels in hoofdletters op een eigen regel.',
    );
  }

  const vocabulary = new Vocabulary(lines.map((l) => l.text));
  const intro = parseIntro(lines.slice(0, headings[0]!.line.index), width, vocabulary, marks);
  const sectionsHinted = lines.some((l) => l.hints.heading === 2);
  const boldLeads = source.knowsBold
    ? new Map(lines.flatMap((l) => (l.hints.boldLead ? [[l.index, l.hints.boldLead] as const] : [])))
    : null;

  const footnotes: Footnote[] = [];
  const chapters = headings.map((heading, i) => {
    const end = headings[i + 1]?.line.index ?? lines.length;
    const { body, notes } = splitFootnotes(lines.slice(heading.indices.at(-1)! + 1, end));
    for (const note of notes) {
      footnotes.push({ marker: note.marker, text: joinLines(note.lines, vocabulary) });
      marks.set(note.indices, 'footnote');
    }
    const blocks = toBlocks(body, { width, titles: sectionsHinted ? 'hints' : 'words', vocabulary });
    const chapter = buildChapter(i + 1, heading.title, blocks, { vocabulary, marks, boldLeads });
    marks.set(heading.indices, 'chapter', chapter.id);
    return chapter;
  });

  const agenda = {
    title: intro.title,
    intro: { paragraphs: intro.paragraphs, signature: intro.signature },
    chapters,
    // Notes the format kept apart (Word) have no marker in the text: they follow any found in it.
    footnotes: [...footnotes, ...(source.notes ?? []).map((n) => ({ marker: n.marker, text: n.text }))],
  };
  return {
    agenda,
    warnings: findWarnings(agenda, lines, marks, width),
    source: marks.entries(source.lines),
  };
}
