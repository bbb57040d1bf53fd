/**
 * The Markdown export. The form, chosen so that a clean export reads back exactly (`parseMarkdownExport`):
 *
 * - `# Title`, the intro paragraphs, the signature as `*Signature*`;
 * - `## 1 WONEN` per chapter, `### 1.1 Title` per section;
 * - a run-in section as a paragraph led by `__6.4 Title.__`, followed by its first intro paragraph;
 * - measures as paragraphs `1.1.1. Text` (a plain number: bold is for insertions);
 * - footnotes as `[^1]: Text` under `## Voetnoten`;
 * - marked exports: `~~deleted~~` and `**inserted**`, a whole added or removed unit wrapped with its number;
 *   a removed measure followed by `_(vervallen)_`;
 * - with final numbering, the old → new list under `## Definitieve nummering` at the end (skipped on reading).
 *
 * Markdown's special characters in the text are escaped with a backslash. Line breaks inside a text
 * become spaces: every agenda text is one paragraph.
 */
import { importedId } from '../../shared/agenda/ids.js';
import type { Agenda, Chapter, Section } from '../../shared/agenda/types.js';
import type { AttributedOp } from '../../shared/diff/index.js';
import { dutchDate } from './dates.js';
import { LABELS, renumberedLine } from './labels.js';
import { blockText, exportBlocks, readingBlocks, type Block } from './plan.js';
import type { ExportInput } from './types.js';

/** Escapes Markdown's inline special characters, and the starts of paragraphs that would make a block. */
function escapeInline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_~[\]<>]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** Escapes what would turn a paragraph into a heading, list, quote, rule or measure. */
function escapeStart(text: string): string {
  return text.replace(/^([#+\-=]|\d+(?=[.)]))/, (start) => (/\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/** `**text**` / `~~text~~` with the whitespace at either end outside the markers (or none when empty). */
function wrap(marker: string, text: string, keepBlank: boolean): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  const [, lead = '', core = '', trail = ''] = match;
  if (core === '') return keepBlank ? lead + trail : '';
  return `${lead}${marker}${core}${marker}${trail}`;
}

function inline(ops: readonly AttributedOp[]): string {
  let out = '';
  for (const [kind, text] of ops) {
    const escaped = escapeInline(text);
    if (kind === 0) out += escaped;
    else if (kind === 1) out += wrap('**', escaped, true);
    else out += wrap('~~', escaped, false);
  }
  return out;
}

/** The number and text of a block, with whole-unit insertions and deletions wrapped as one. */
function content(block: Block, prefix: string): string {
  if (block.change === 'inserted') return wrap('**', prefix + escapeInline(blockText(block, 'to')), false);
  if (block.change === 'deleted') return wrap('~~', prefix + escapeInline(blockText(block, 'from')), false);
  return prefix + inline(block.ops);
}

function movedNote(block: Block, input: ExportInput): string {
  if (block.movedFrom === undefined || block.movedFrom === '') return '';
  return ` _(${LABELS[input.language].movedFrom} ${escapeInline(block.movedFrom)})_`;
}

function htmlComment(text: string): string {
  return `<!-- ${text.replace(/--/g, '- -').replace(/\s+/g, ' ')} -->`;
}

function renderBlock(block: Block, input: ExportInput): string {
  const note = movedNote(block, input);
  switch (block.kind) {
    case 'title':
      return `# ${content(block, '')}`;
    case 'signature':
      return `*${content(block, '')}*`;
    case 'chapter-title':
      return `## ${content(block, `${block.number} `)}${note}`;
    case 'section-title': {
      if (!block.runIn) return `### ${content(block, `${block.number} `)}${note}`;
      const lead = `__${content(block, `${block.number} `)}__`;
      const body = block.body ? ` ${escapeStart(content(block.body, ''))}` : '';
      return `${lead}${note}${body}`;
    }
    case 'measure': {
      const removed = block.change === 'deleted' ? ` _(${LABELS[input.language].removed})_` : '';
      return `${content(block, `${block.number}. `)}${removed}${note}`;
    }
    case 'footnote':
      return `[^${block.number}]: ${content(block, '')}`;
    default:
      return escapeStart(content(block, '')) + note;
  }
}

/**
 * The agenda as Markdown (see the module comment for the form). Clean: the current text; marked: the
 * changes against the original as `~~deleted~~` / `**inserted**`, moved units at their new place with
 * their old number. Starts with an HTML comment naming the version and date.
 */
export function exportMarkdown(input: ExportInput): string {
  const labels = LABELS[input.language];
  const blocks = readingBlocks(exportBlocks(input));
  const header = htmlComment(
    `${input.current.title} · ${labels.version}: ${input.versionLabel} · ${dutchDate(input.generatedAt)} · ${
      input.changes === 'marked' ? labels.marked : labels.clean
    }`,
  );
  const paragraphs = [header];
  let footnotesHeading = false;
  for (const block of blocks) {
    if (block.kind === 'footnote' && !footnotesHeading) {
      paragraphs.push(`## ${labels.footnotes}`);
      footnotesHeading = true;
    }
    paragraphs.push(renderBlock(block, input));
  }
  if (input.renumbered && input.renumbered.length > 0) {
    paragraphs.push(`## ${labels.renumberedTitle}`, escapeStart(escapeInline(labels.renumberedIntro)));
    paragraphs.push(input.renumbered.map((r) => `- ${escapeInline(renumberedLine(labels, r))}`).join('\n'));
  }
  return `${paragraphs.join('\n\n')}\n`;
}

function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Index of `token` in `text` from `start`, outside backslash escapes; -1 when absent. */
function findUnescaped(text: string, token: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(token, i)) return i;
  }
  return -1;
}

/** Thrown by `parseMarkdownExport` for text that is not in the export's form. */
export class MarkdownExportError extends Error {
  override name = 'MarkdownExportError';
}

/**
 * Reads a clean Markdown export back into an agenda. Ids are derived from the numbers, as the importer
 * derives them (`c-1`, `s-1-2`, `m-1-2-3`), so the ids of a never-edited agenda come back too. Marked
 * exports are not read: their `**` and `~~` would stay in the text.
 */
export function parseMarkdownExport(markdown: string): Agenda {
  const agenda: Agenda = {
    title: '',
    intro: { paragraphs: [], signature: null },
    chapters: [],
    footnotes: [],
  };
  let chapter: Chapter | null = null;
  let section: Section | null = null;
  let inFootnotes = false;
  let inRenumbered = false;
  const renumberedHeadings = new Set(Object.values(LABELS).map((l) => `## ${l.renumberedTitle}`));
  const paragraphs = markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !/^<!--[\s\S]*-->$/.test(p));
  for (const text of paragraphs) {
    let match: RegExpExecArray | null;
    // The old → new list of a final numbering is for people, and comes last.
    if (renumberedHeadings.has(text)) inRenumbered = true;
    if (inRenumbered) continue;
    if ((match = /^# (.*)$/.exec(text))) {
      agenda.title = unescape(match[1]!);
    } else if ((match = /^## (\d+[a-z]*)(?: (.*))?$/.exec(text))) {
      const number = match[1]!;
      chapter = {
        id: importedId('c', number),
        number,
        title: unescape(match[2] ?? ''),
        intro: [],
        sections: [],
      };
      agenda.chapters.push(chapter);
      section = null;
      inFootnotes = false;
    } else if (text.startsWith('## ')) {
      inFootnotes = true;
      chapter = null;
      section = null;
    } else if ((match = /^\[\^([^\]]+)\]: ?(.*)$/.exec(text))) {
      agenda.footnotes.push({ marker: match[1]!, text: unescape(match[2]!) });
    } else if ((match = /^### (\d+[a-z]*(?:\.\d+[a-z]*)*)(?: (.*))?$/.exec(text))) {
      section = newSection(chapter, match[1]!, unescape(match[2] ?? ''), false);
    } else if ((match = /^__(\d+[a-z]*(?:\.\d+[a-z]*)*) /.exec(text))) {
      const end = findUnescaped(text, '__', match[0].length);
      if (end < 0)
        throw new MarkdownExportError(`A run-in section lead has no closing __: ${text.slice(0, 60)}`);
      section = newSection(chapter, match[1]!, unescape(text.slice(match[0].length, end)), true);
      const body = text.slice(end + 2).trim();
      if (body !== '') section.intro.push(unescape(body));
    } else if ((match = /^(\d+[a-z]*(?:\.\d+[a-z]*)+)\. (.*)$/.exec(text))) {
      if (!section) throw new MarkdownExportError(`Measure ${match[1]} stands outside a section.`);
      section.measures.push({ id: importedId('m', match[1]!), number: match[1]!, text: unescape(match[2]!) });
    } else if (!chapter && !inFootnotes && /^\*(?!\*)[\s\S]*[^\\]\*$/.test(text)) {
      agenda.intro.signature = unescape(text.slice(1, -1));
    } else if (section) section.intro.push(unescape(text));
    else if (chapter) chapter.intro.push(unescape(text));
    else agenda.intro.paragraphs.push(unescape(text));
  }
  return agenda;
}

function newSection(chapter: Chapter | null, number: string, title: string, runIn: boolean): Section {
  if (!chapter) throw new MarkdownExportError(`Section ${number} stands outside a chapter.`);
  const section: Section = { id: importedId('s', number), number, title, runIn, intro: [], measures: [] };
  chapter.sections.push(section);
  return section;
}
