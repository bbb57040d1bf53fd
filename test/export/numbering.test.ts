import { describe, expect, it } from 'vitest';
import {
  exportDocx,
  exportHtml,
  exportMarkdown,
  parseMarkdownExport,
  type ExportInput,
} from '../../server/export/index.js';
import { finalNumbers } from '../../server/export/finalNumbers.js';
import { ExportRequestError, parseExportRequest } from '../../server/export/request.js';
import type { Agenda } from '../../shared/agenda/types.js';
import { EDITS, originalAgenda } from './fixture.js';
import { paragraphTexts, part } from './ooxml.js';

/**
 * The original with stable numbers as the server keeps them: a measure inserted after 1.1.1 is 1.1.1a,
 * measure 1.2.2 removed (1.2.3 stays 1.2.3).
 */
function stableEdit(): Agenda {
  const agenda = originalAgenda();
  const s11 = agenda.chapters[0]!.sections[0]!;
  s11.measures.splice(1, 0, { id: 'm-inserted01', number: '1.1.1a', text: 'Een ingevoegde maatregel.' });
  const s12 = agenda.chapters[0]!.sections[1]!;
  s12.measures = s12.measures.filter((m) => m.id !== EDITS.removed);
  return agenda;
}

function input(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    original: originalAgenda(),
    current: stableEdit(),
    versionLabel: 'Live',
    changes: 'marked',
    language: 'nl',
    generatedAt: new Date('2026-11-26T10:00:00Z'),
    defaultAuthor: 'Akkoord',
    ...overrides,
  };
}

/** Paragraph texts of a .docx after accepting or rejecting every tracked change. */
const docxTexts = (docx: Uint8Array, mode: 'accept' | 'reject') =>
  paragraphTexts(part(docx, 'word/document.xml'), mode);

const removedText = originalAgenda().chapters[0]!.sections[1]!.measures[1]!.text;

describe('stable numbers in the exports', () => {
  it('shows a removed measure struck through with its number and “vervallen” in marked Markdown and HTML', () => {
    const markdown = exportMarkdown(input());
    expect(markdown).toContain(`~~1.2.2. ${removedText.slice(0, 30)}`);
    expect(markdown).toMatch(/~~ _\(vervallen\)_\n/);
    expect(markdown).toContain('**1.1.1a. Een ingevoegde maatregel.**');
    expect(markdown).toMatch(/^1\.2\.3\. /m);
    const html = exportHtml(input());
    expect(html).toMatch(/<span class="num"><del[^>]*>1\.2\.2<\/del><\/span>[\s\S]*?\(vervallen\)/);
    expect(exportHtml(input({ language: 'en' }))).toContain('(lapsed)');
  });

  it('leaves a removed measure out of clean exports, with no “vervallen”', () => {
    const markdown = exportMarkdown(input({ changes: 'clean' }));
    expect(markdown).not.toContain(removedText.slice(0, 30));
    expect(markdown).not.toContain('(vervallen)');
    expect(markdown).toMatch(/^1\.1\.1a\. Een ingevoegde maatregel\.$/m);
    expect(exportHtml(input({ changes: 'clean' }))).not.toContain('(vervallen)');
    expect(parseMarkdownExport(markdown).chapters[0]!.sections[0]!.measures[1]!.number).toBe('1.1.1a');
  });

  it('puts a comment “Maatregel 1.2.2 vervallen” on the deleted paragraph in Word, keeping accept-all and reject-all exact', async () => {
    const marked = await exportDocx(input());
    const comments = part(marked, 'word/comments.xml');
    expect(comments).toContain('Maatregel 1.2.2 vervallen');
    const xml = part(marked, 'word/document.xml');
    const paragraph = (xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).find((p) =>
      p.includes(removedText.slice(0, 30)),
    )!;
    expect(paragraph).toMatch(/<w:commentRangeStart w:id="\d+"\/>/);
    const accepted = docxTexts(marked, 'accept');
    expect(accepted.some((t) => t.includes(removedText.slice(0, 30)))).toBe(false);
    expect(accepted.join('\n')).not.toContain('1.2.2 vervallen');
    expect(docxTexts(marked, 'reject').join('\n')).not.toContain('1.2.2 vervallen');
    expect(docxTexts(marked, 'reject')).toEqual(
      docxTexts(await exportDocx(input({ current: originalAgenda(), changes: 'clean' })), 'accept'),
    );
  });

  it('numbers consecutively for a final text and lists every number that changed, old → new', () => {
    const { agenda, renumbered } = finalNumbers(stableEdit());
    const s11 = agenda.chapters[0]!.sections[0]!.measures.map((m) => m.number);
    expect(s11.slice(0, 3)).toEqual(['1.1.1', '1.1.2', '1.1.3']);
    expect(agenda.chapters[0]!.sections[1]!.measures[1]!.number).toBe('1.2.2');
    expect(renumbered.slice(0, 2)).toEqual([
      { id: 'm-inserted01', kind: 'measure', from: '1.1.1a', to: '1.1.2' },
      { id: 'm-1-1-2', kind: 'measure', from: '1.1.2', to: '1.1.3' },
    ]);
    expect(renumbered.find((r) => r.id === 'm-1-2-3')).toEqual({
      id: 'm-1-2-3',
      kind: 'measure',
      from: '1.2.3',
      to: '1.2.2',
    });
    // The original is consecutive already: nothing to list.
    expect(finalNumbers(originalAgenda()).renumbered).toEqual([]);
  });

  it('lists old → new at the end of a clean export with final numbering, which still reads back', async () => {
    const { agenda, renumbered } = finalNumbers(stableEdit());
    const final = input({ changes: 'clean', current: agenda, renumbered });
    const markdown = exportMarkdown(final);
    expect(markdown).toMatch(/^1\.1\.2\. Een ingevoegde maatregel\.$/m);
    expect(markdown).toMatch(
      /## Definitieve nummering\n\n[^\n]+\n\n- Maatregel 1\.1\.1a → 1\.1\.2\n- Maatregel 1\.1\.2 → 1\.1\.3\n/,
    );
    expect(parseMarkdownExport(markdown).chapters).toEqual(
      parseMarkdownExport(exportMarkdown(input({ changes: 'clean', current: agenda }))).chapters,
    );
    expect(exportHtml(final)).toContain('<li>Maatregel 1.2.3 → 1.2.2</li>');
    const texts = docxTexts(await exportDocx(final), 'accept');
    expect(texts).toContain('Definitieve nummering');
    expect(texts).toContain('Maatregel 1.1.1a → 1.1.2');
  });

  it('asks for final numbering only with a clean text to read, in a sentence', () => {
    expect(parseExportRequest({ format: 'docx', changes: 'clean', numbering: 'final' }).numbering).toBe(
      'final',
    );
    expect(parseExportRequest({ format: 'md' }).numbering).toBe('stable');
    expect(() => parseExportRequest({ format: 'docx', numbering: 'final' })).toThrow(ExportRequestError);
    expect(() => parseExportRequest({ format: 'json', changes: 'clean', numbering: 'final' })).toThrow(
      /Definitieve nummering kan alleen/,
    );
    expect(() => parseExportRequest({ format: 'md', numbering: 'doorlopend' })).toThrow(/stable of final/);
  });
});
