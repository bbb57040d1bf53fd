/**
 * Chapters: from a chapter's blocks to its intro, sections and measures.
 *
 * - Text before the first section (title, run-in lead or bullet) is the chapter intro.
 * - A title line starts a section; so does a paragraph that opens with a run-in lead (`runIn: true`, the
 *   lead sentence as printed is the title, the rest of the paragraph the first intro paragraph). A lead
 *   takes the place of a title, so it only counts after a gap and after a paragraph or a measure: never as
 *   the chapter's opening paragraph, nor as the first paragraph under a title.
 * - Paragraphs after a section's title and before its first bullet are the section intro.
 * - A section title's own number ("1.2 Vandaag") is not part of the title.
 * - Where the format knows bold, a run-in lead is the paragraph's bold opening sentence instead.
 * - Bullets are measures. Bullets before any section start an untitled section (title "").
 * - A paragraph after a section's measures starts an untitled continuation section (title "") holding it as
 *   intro, so the order of the text is kept and nothing is dropped.
 */
import { importedId } from '../ids.js';
import type { Chapter, Section } from '../types.js';
import { SECTION_NUMBER, type Block } from './blocks.js';
import { joinLines, type Vocabulary } from './dehyphenate.js';
import { stripBullet } from './lines.js';
import type { Marks } from './marks.js';
import { runInLead, type RunIn } from './runin.js';

/** How a chapter is read: where run-in leads come from, and where to say what each line became. */
export interface ChapterContext {
  vocabulary: Vocabulary;
  marks: Marks;
  /** The format knows bold: a run-in lead is a bold opening sentence (`boldLead`), not a guess. */
  boldLeads: ReadonlyMap<number, string> | null;
}

/** The bold lead of a paragraph block, when its first line has one and text follows it. */
function boldLead(block: Block, text: string, leads: ReadonlyMap<number, string>): RunIn | null {
  const lead = leads.get(block.indices[0]!)?.trim();
  if (!lead || !text.startsWith(lead)) return null;
  const rest = text.slice(lead.length).trim();
  return rest ? { lead, rest } : null;
}

/** Builds a chapter from its blocks; `number` is its position (1-based). */
export function buildChapter(
  number: number,
  title: string,
  blocks: readonly Block[],
  context: ChapterContext,
): Chapter {
  const { vocabulary, marks } = context;
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
      current = open(text.replace(SECTION_NUMBER, ''), false);
      marks.set(block.indices, 'section', current.id);
    } else if (block.kind === 'bullet') {
      current ??= open('', false);
      const measureNumber = `${current.number}.${current.measures.length + 1}`;
      const id = importedId('m', measureNumber);
      current.measures.push({ id, number: measureNumber, text });
      marks.set(block.indices, 'measure', id);
    } else {
      const lead = context.boldLeads
        ? before !== 'title'
          ? boldLead(block, text, context.boldLeads)
          : null
        : (block.afterGap && before === 'paragraph') || before === 'bullet'
          ? runInLead(text)
          : null;
      if (lead) {
        current = open(lead.lead, true);
        current.intro.push(lead.rest);
        marks.set(block.indices, 'section-intro', current.id);
        marks.set(block.indices.slice(0, 1), 'section', current.id);
      } else if (!current) {
        chapter.intro.push(text);
        marks.set(block.indices, 'chapter-intro', chapter.id);
      } else {
        if (current.measures.length > 0) current = open('', false);
        current.intro.push(text);
        marks.set(block.indices, 'section-intro', current.id);
      }
    }
  }
  return chapter;
}
