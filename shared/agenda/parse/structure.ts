/**
 * Chapters: from a chapter's blocks to its intro, sections and measures.
 *
 * - Text before the first section (title, run-in lead or bullet) is the chapter intro.
 * - A title line starts a section; so does a paragraph that opens with a run-in lead (`runIn: true`, the
 *   lead sentence as printed is the title, the rest of the paragraph the first intro paragraph). A lead
 *   takes the place of a title, so it only counts after a gap and after a paragraph or a measure: never as
 *   the chapter's opening paragraph, nor as the first paragraph under a title.
 * - Paragraphs after a section's title and before its first bullet are the section intro.
 * - Bullets are measures. Bullets before any section start an untitled section (title "").
 * - A paragraph after a section's measures starts an untitled continuation section (title "") holding it as
 *   intro, so the order of the text is kept and nothing is dropped.
 */
import { importedId } from '../ids.js';
import type { Chapter, Section } from '../types.js';
import type { Block } from './blocks.js';
import { joinLines, type Vocabulary } from './dehyphenate.js';
import { stripBullet } from './lines.js';
import { runInLead } from './runin.js';

export function buildChapter(
  number: number,
  title: string,
  blocks: readonly Block[],
  vocabulary: Vocabulary,
): Chapter {
  const chapter: Chapter = {
    id: importedId('c', number),
    number: String(number),
    title,
    intro: [],
    sections: [],
  };
  let current: Section | undefined;
  let previous: Block['kind'] | undefined;
  const open = (sectionTitle: string, runIn: boolean): Section => {
    const sectionNumber = `${number}.${chapter.sections.length + 1}`;
    const section: Section = {
      id: importedId('s', sectionNumber),
      number: sectionNumber,
      title: sectionTitle,
      runIn,
      intro: [],
      measures: [],
    };
    chapter.sections.push(section);
    return section;
  };

  for (const block of blocks) {
    const text = joinLines(block.kind === 'bullet' ? block.lines.map(stripBullet) : block.lines, vocabulary);
    if (!text) continue;
    const before = previous;
    previous = block.kind;
    if (block.kind === 'title') {
      current = open(text, false);
    } else if (block.kind === 'bullet') {
      current ??= open('', false);
      const measureNumber = `${current.number}.${current.measures.length + 1}`;
      current.measures.push({ id: importedId('m', measureNumber), number: measureNumber, text });
    } else {
      const lead = block.afterGap && (before === 'paragraph' || before === 'bullet') ? runInLead(text) : null;
      if (lead) {
        current = open(lead.lead, true);
        current.intro.push(lead.rest);
      } else if (!current) {
        chapter.intro.push(text);
      } else {
        if (current.measures.length > 0) current = open('', false);
        current.intro.push(text);
      }
    }
  }
  return chapter;
}
