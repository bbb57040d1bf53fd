import { describe, expect, it } from 'vitest';
import { exportAmendmentsCsv, exportAmendmentsDocx } from '../../server/export/index.js';
import { REPORT_COLUMNS, reportHeaders } from '../../server/export/amendmentsDocx.js';
import { LABELS } from '../../server/export/labels.js';
import { amendment } from './amendments.js';
import { exportInput } from './fixture.js';
import { part } from './ooxml.js';

const parties = [
  { short: 'D66', name: 'Democraten 66' },
  { short: 'CDA', name: 'Christen-Democratisch Appèl' },
];

describe('the amendments report', () => {
  it('writes CSV with a byte order mark, ; separators, CRLF and RFC 4180 quoting', () => {
    const csv = exportAmendmentsCsv(
      exportInput({
        parties,
        amendments: [
          amendment({
            number: 'A-2',
            measureId: 'm-2-1-1',
            rationale: 'Eén; twee "drie"\nvier',
            text: '=HYPERLINK("http://x")',
          }),
          amendment({ number: 'A-10', measureId: 'm-1-1-2', status: 'accepted', positions: {} }),
        ],
      }),
    );
    expect(
      csv.startsWith(
        '\uFEFFNummer;Maatregel;Partij;Soort;Status;Ingediend;D66;CDA;Toelichting;Voorgestelde tekst;Besluit;Toelichting besluit;Aangenomen tekst\r\n',
      ),
    ).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      'A-10;1.1.2;D66;wijziging;aangenomen;20-11-2026;indiener;geen standpunt;Korter.;We willen schrappen in bezwaarprocedures.;;;',
    );
    expect(lines[2]).toBe(
      'A-2;2.1.1;D66;wijziging;ingediend;20-11-2026;indiener;voorbehoud (Eerst doorrekenen);"Eén; twee ""drie""\nvier";"\'=HYPERLINK(""http://x"")";;;',
    );
    expect(lines[3]).toBe('');
  });

  it('writes English labels when asked, with dates still as dd-mm-jjjj', () => {
    const csv = exportAmendmentsCsv(exportInput({ language: 'en', parties, amendments: [amendment()] }));
    expect(csv).toContain(
      'Number;Measure;Party;Kind;Status;Submitted;D66;CDA;Rationale;Proposed text;Decision;Decision note;Accepted text\r\n',
    );
    expect(csv).toContain(
      'A-1;1.1.1;D66;replacement;submitted;20-11-2026;proposer;reservation (Eerst doorrekenen);',
    );
  });

  it('writes a Word table with the text as a word diff, positions with notes and the decision with its note', async () => {
    const decided = amendment({
      baseText: 'We bouwen 100.000 woningen.',
      text: 'We bouwen 120.000 woningen.',
      status: 'accepted',
      decidedAt: '2026-11-22T10:00:00Z',
      decision: {
        verdict: 'accepted-with-changes',
        note: 'Midden gekozen.',
        compromise: 'We bouwen 110.000 woningen.',
        changes: [],
        steps: [],
        proposal: { text: 'We bouwen 120.000 woningen.', baseText: 'We bouwen 100.000 woningen.' },
      },
    });
    const docx = await exportAmendmentsDocx(exportInput({ parties, amendments: [decided] }));
    const xml = part(docx, 'word/document.xml');
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) =>
      [...m[0].matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)]
        .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
        .join('\n'),
    );
    expect(cells).toEqual([
      'Nummer',
      'Maatregel',
      'Partij',
      'Voorgestelde tekst',
      'Standpunten',
      'Besluit',
      'A-1',
      '1.1.1',
      'D66\nwijziging',
      'We bouwen 100.000120.000 woningen.\nToelichting: Korter.',
      'D66: indiener\nCDA: voorbehoud (Eerst doorrekenen)',
      'aangenomen met wijzigingen (22-11-2026)\nToelichting besluit: Midden gekozen.\nAangenomen tekst: We bouwen 110.000 woningen.',
    ]);
    // The deleted number struck through, the new one underlined.
    expect(xml).toMatch(/<w:strike\/>[\s\S]*?<w:t[^>]*>100\.000<\/w:t>/);
    expect(xml).toMatch(/<w:u w:val="single"\/>[\s\S]*?<w:t[^>]*>120\.000<\/w:t>/);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('gives every column room for its longest header word, so no header breaks inside a word', () => {
    // 9-pt bold Calibri: at most ~110 twips a letter (a wide "M"); a cell has 2 × 108 twips of margin.
    for (const language of ['nl', 'en'] as const) {
      const headers = reportHeaders(LABELS[language]);
      headers.forEach((header, i) => {
        const longest = Math.max(...header.split(/\s+/).map((w) => w.length));
        expect({ header, fits: longest * 110 + 216 <= REPORT_COLUMNS[i]!.width }).toEqual({
          header,
          fits: true,
        });
      });
    }
    expect(REPORT_COLUMNS.reduce((n, c) => n + c.width, 0)).toBeLessThanOrEqual(16_838 - 2 * 1_440);
  });

  it('says there are none when there are no amendments', async () => {
    const xml = part(await exportAmendmentsDocx(exportInput()), 'word/document.xml');
    expect(xml).toContain('Er zijn geen amendementen.');
    expect(exportAmendmentsCsv(exportInput())).toBe(
      '\uFEFFNummer;Maatregel;Partij;Soort;Status;Ingediend;Toelichting;Voorgestelde tekst;Besluit;Toelichting besluit;Aangenomen tekst\r\n',
    );
  });
});
