import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../server/export/index.js';
import { EDITS, editedAgenda, exportInput } from './fixture.js';

describe('the HTML export', () => {
  it('shows changes as <del> and <ins> with their author', () => {
    const html = exportHtml(exportInput());
    expect(html).toContain(
      `<del title="CDA, 20-11-2026">${EDITS.changedOld}</del><ins title="CDA, 20-11-2026">${EDITS.changedNew}</ins>`,
    );
    expect(html).toMatch(
      /<p class="measure" id="m-new-starters"><span class="num"><ins [^>]*>1\.1\.4<\/ins><\/span>/,
    );
    expect(html).toContain('(verplaatst van 1.3.1)');
  });

  it('is a standalone page with print styles: page margins, page numbers, chapters on new pages', () => {
    const html = exportHtml(exportInput({ changes: 'clean' }));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/@page \{[^}]*margin:/);
    expect(html).toContain('@bottom-center { content: counter(page);');
    expect(html).toContain('h2.chapter { break-before: page;');
    expect(html).toContain('@media print');
    expect(html).toContain('<footer class="print-footer">');
    expect(html).not.toMatch(/<(link|script|img)\b/);
    expect(html).toContain('<h2 class="chapter first" id="c-1_title"><span class="num">1</span> WONEN</h2>');
  });

  it('has no <ins> or <del> when clean', () => {
    const html = exportHtml(exportInput({ changes: 'clean' }));
    expect(html).not.toMatch(/<(ins|del)\b/);
    expect(html).toContain(EDITS.changedNew);
  });

  it('escapes a <script> in a measure text', () => {
    const current = editedAgenda();
    current.chapters[0]!.sections[0]!.measures[0]!.text = 'Zie <script>alert("x")</script> & meer.';
    for (const changes of ['marked', 'clean'] as const) {
      const html = exportHtml(exportInput({ current, changes, versionLabel: '<b>Ronde</b>' }));
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<b>Ronde');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer');
    }
  });
});
