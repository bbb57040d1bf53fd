import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAgenda } from '../../shared/agenda/parse.js';
import { importFile } from '../../server/import/index.js';
import { wordBalance } from '../helpers/words.js';

const read = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const original = parseAgenda(read('d66-cda-uitnodiging-2025.txt').toString('utf8'));

describe('the D66–CDA agenda as Word and PDF files (made by fixtures/agendas/make/make.ts)', () => {
  it.each(['agendas/d66-cda.docx', 'agendas/d66-cda.pdf'])(
    'imports %s as the same agenda JSON',
    async (name) => {
      const result = await importFile(name, read(name));
      expect(result.agenda).toEqual(original);
      expect(result.warnings).toEqual([]);
    },
  );

  it('keeps every word of the PDF but the kind label, page furniture and the footnote marker', async () => {
    const result = await importFile('d66-cda.pdf', read('agendas/d66-cda.pdf'));
    const { lost, made } = wordBalance(result.source.map((e) => e.text).join('\n'), result.agenda);
    expect(made).toEqual([]);
    const furniture = result.source.filter((e) => e.role === 'furniture' || e.role === 'label');
    const expected = wordBalance(furniture.map((e) => e.text).join('\n'), {
      ...original,
      chapters: [],
      intro: { paragraphs: [], signature: null },
      title: '',
      footnotes: [],
    }).lost;
    expect(lost.sort()).toEqual([...expected, '1'].sort());
  });

  it('says what each PDF line became: running headers and page numbers are furniture, headings are headings', async () => {
    const { source } = await importFile('d66-cda.pdf', read('agendas/d66-cda.pdf'));
    const pages = new Set(source.map((e) => e.page)).size;
    expect(source.filter((e) => e.role === 'furniture')).toHaveLength(2 * pages);
    expect(source.filter((e) => e.role === 'chapter').map((e) => e.text)).toEqual(
      original.chapters.map((c) => c.title),
    );
    expect(source.filter((e) => e.role === 'section')).toHaveLength(29);
    expect(source.find((e) => e.role === 'title')?.text).toBe(original.title);
  });

  it("takes the Word file's structure from its styles and lists: one source line per paragraph", async () => {
    const { source } = await importFile('d66-cda.docx', read('agendas/d66-cda.docx'));
    expect(source.filter((e) => e.role === 'measure')).toHaveLength(124);
    expect(source.filter((e) => e.role === 'chapter')).toHaveLength(6);
    expect(source[0]).toMatchObject({ line: 1, text: 'Uitnodiging', role: 'label' });
  });
});

describe('Markdown', () => {
  it('reads headings without their marks and list items as measures', async () => {
    const md =
      '# Onze agenda\n\nDit is ons voorstel.\n\n## WONEN\n\n### Vandaag\n\nWe doen het **nu**. Dit willen we doen:\n\n- Meer woningen.\n- Minder regels.\n';
    const { agenda } = await importFile('agenda.md', Buffer.from(md));
    expect(agenda.title).toBe('Onze agenda');
    expect(agenda.chapters.map((c) => c.title)).toEqual(['WONEN']);
    expect(agenda.chapters[0]!.sections[0]!.title).toBe('Vandaag');
    expect(agenda.chapters[0]!.sections[0]!.intro).toEqual(['We doen het nu. Dit willen we doen:']);
    expect(agenda.chapters[0]!.sections[0]!.measures.map((m) => m.text)).toEqual([
      'Meer woningen.',
      'Minder regels.',
    ]);
  });
});

describe('files that are no agenda', () => {
  it.each([
    ['fout/versleuteld.pdf', 'encrypted', /wachtwoord/u],
    ['fout/scan.pdf', 'no-text', /geen tekst/u],
    ['fout/beschadigd.docx', 'unreadable', /beschadigd/u],
    ['fout/zonder-structuur.txt', 'no-structure', /Geen hoofdstukken/u],
  ])('refuses %s with one Dutch sentence (%s)', async (name, kind, message) => {
    const error = await importFile(name, read(`agendas/${name}`)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ImportError', kind });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.split(/[.!?]\s/u)).toHaveLength(1);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const error = await importFile('groot.pdf', Buffer.alloc(20 * 1024 * 1024 + 1)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'too-large' });
    expect((error as Error).message).toMatch(/groter dan 20 MB/u);
  });
});
