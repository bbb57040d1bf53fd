import { describe, expect, it } from 'vitest';
import { exportMarkdown, parseMarkdownExport } from '../../server/export/index.js';
import { agenda } from '../helpers/agenda.js';
import { EDITS, exportInput, originalAgenda } from './fixture.js';

describe('the Markdown export', () => {
  it('reads back to exactly the parsed agenda when the untouched original is exported clean', () => {
    const original = originalAgenda();
    const markdown = exportMarkdown(exportInput({ changes: 'clean', current: original }));
    expect(parseMarkdownExport(markdown)).toEqual(original);
  });

  it('writes chapters, sections, run-in leads, measures and footnotes in the documented form', () => {
    const markdown = exportMarkdown(exportInput({ changes: 'clean', current: originalAgenda() }));
    expect(markdown).toMatch(/^# Samen aan de slag voor een sterker Nederland$/m);
    expect(markdown).toMatch(/^## 1 WONEN$/m);
    expect(markdown).toMatch(/^### 1\.1 Vandaag: beter benutten, veel minder regels$/m);
    expect(markdown).toMatch(/^1\.1\.1\. We willen schrappen in bezwaarprocedures\./m);
    expect(markdown).toMatch(/^__6\.4 De belastingen hervormen\.__ Door de veel aanpassingen/m);
    expect(markdown).toMatch(/^\[\^1\]: Rotterdam-Moerdijk, /m);
    expect(markdown).toMatch(/^\*Rob Jetten & Henri Bontenbal\*$/m);
  });

  it('escapes Markdown characters in the text so that they read back as written', () => {
    const tricky = agenda({
      '<ZORG> & *WELZIJN*': {
        'Titel met _underscores_ en [haken]': [
          '1. Geen lijst, **geen vet**, ~~geen doorhaling~~ en `geen code`.',
          '# Geen kop\\ maar een backslash, &amp; een entiteit en <script>alert(1)</script>.',
          '2.1.3. Lijkt op een maatregelnummer.',
        ],
      },
    });
    tricky.chapters[0]!.intro = ['- geen opsomming', '> geen citaat', '*Geen ondertekening*'];
    tricky.chapters[0]!.sections[0]!.intro = ['3.4 lijkt op een sectienummer'];
    tricky.chapters[0]!.sections.push({
      id: 's-1-2',
      number: '1.2',
      title: 'Een lead met __ erin.',
      runIn: true,
      intro: ['1.2.1. Tekst na de lead.', 'Tweede alinea.'],
      measures: [{ id: 'm-1-2-1', number: '1.2.1', text: 'Maatregel.' }],
    });
    tricky.footnotes = [{ marker: '1', text: 'Een [^2] voetnoot.' }];
    const markdown = exportMarkdown(exportInput({ changes: 'clean', current: tricky }));
    expect(parseMarkdownExport(markdown)).toEqual(tricky);
    expect(markdown).not.toContain('<script>');
  });

  it('marks a changed measure with ~~deleted~~ and **inserted** words', () => {
    const markdown = exportMarkdown(exportInput());
    const line = markdown.split('\n').find((l) => l.startsWith('1.1.2. '))!;
    expect(line).toContain(`~~${EDITS.changedOld}~~**${EDITS.changedNew}**`);
    expect(line).toContain(`**${EDITS.appended}**`);
    expect(markdown).toContain(`**1.1.4. ${EDITS.addedText}**`);
    // A removed measure keeps its number and says it lapsed.
    expect(markdown).toMatch(/^~~1\.2\.2\. Gemeenten krijgen meer mogelijkheden[^\n]*~~ _\(vervallen\)_$/m);
    expect(markdown).toMatch(/^### 1\.2 Morgen: simpeler, sneller en ~~vooral~~\*\*veel\*\* meer bouwen$/m);
    expect(markdown).toMatch(/^1\.2\.5\. We bouwen minstens 21 [^\n]* _\(verplaatst van 1\.3\.1\)_$/m);
  });

  it('names the version and date in a leading comment, in the chosen language', () => {
    const markdown = exportMarkdown(exportInput({ language: 'en', changes: 'clean' }));
    expect(markdown.split('\n')[0]).toBe(
      '<!-- Samen aan de slag voor een sterker Nederland · Version: Na ronde 2 · 26-11-2026 · clean -->',
    );
    expect(markdown).toMatch(/^## Footnotes$/m);
  });
});
