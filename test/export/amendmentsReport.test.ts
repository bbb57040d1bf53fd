import { describe, expect, it } from 'vitest';
import { exportAmendmentsCsv, exportAmendmentsDocx } from '../../server/export/index.js';
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
        '\uFEFFNummer;Maatregel;Partij;Soort;Status;Ingediend;D66;CDA;Toelichting;Voorgestelde tekst\r\n',
      ),
    ).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      'A-10;1.1.2;D66;wijziging;aangenomen;20-11-2026;geen standpunt;geen standpunt;Korter.;We willen schrappen in bezwaarprocedures.',
    );
    expect(lines[2]).toBe(
      'A-2;2.1.1;D66;wijziging;ingediend;20-11-2026;steunt;voorbehoud (Eerst doorrekenen);"Eén; twee ""drie""\nvier";"\'=HYPERLINK(""http://x"")"',
    );
    expect(lines[3]).toBe('');
  });

  it('writes English labels when asked, with dates still as dd-mm-jjjj', () => {
    const csv = exportAmendmentsCsv(exportInput({ language: 'en', parties, amendments: [amendment()] }));
    expect(csv).toContain('Number;Measure;Party;Kind;Status;Submitted;D66;CDA;Rationale;Proposed text\r\n');
    expect(csv).toContain(
      'A-1;1.1.1;D66;replacement;submitted;20-11-2026;supports;reservation (Eerst doorrekenen);',
    );
  });

  it('writes a Word table with a column per party', async () => {
    const docx = await exportAmendmentsDocx(exportInput({ parties, amendments: [amendment()] }));
    const xml = part(docx, 'word/document.xml');
    expect(xml).toContain('<w:tbl>');
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(cells).toEqual([
      'Nummer',
      'Maatregel',
      'Partij',
      'Soort',
      'Status',
      'Ingediend',
      'D66',
      'CDA',
      'Toelichting',
      'A-1',
      '1.1.1',
      'D66',
      'wijziging',
      'ingediend',
      '20-11-2026',
      'steunt',
      'voorbehoud (Eerst doorrekenen)',
      'Korter.',
    ]);
  });

  it('says there are none when there are no amendments', async () => {
    const xml = part(await exportAmendmentsDocx(exportInput()), 'word/document.xml');
    expect(xml).toContain('Er zijn geen amendementen.');
    expect(exportAmendmentsCsv(exportInput())).toBe(
      '\uFEFFNummer;Maatregel;Partij;Soort;Status;Ingediend;Toelichting;Voorgestelde tekst\r\n',
    );
  });
});
