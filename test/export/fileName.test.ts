import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, exportFileName } from '../../server/export/index.js';

describe('export file names', () => {
  it('are made of the document id, version, changes and the Dutch day', () => {
    const date = new Date('2026-11-26T10:00:00Z');
    expect(exportFileName('d66-cda', 'docx', 'Live', 'marked', date)).toBe(
      'd66-cda_live_gemarkeerd_2026-11-26.docx',
    );
    expect(exportFileName('d66-cda', 'markdown', 'Na ronde 2', 'clean', date)).toBe(
      'd66-cda_na-ronde-2_schoon_2026-11-26.md',
    );
    expect(exportFileName('d66-cda', 'amendments-csv', 'Live', 'clean', date)).toBe(
      'd66-cda_live_amendementen_2026-11-26.csv',
    );
    expect(exportFileName('d66-cda', 'html', 'Live', 'marked', date, 'en')).toBe(
      'd66-cda_live_marked_2026-11-26.html',
    );
  });

  it('use the day in the Netherlands and only safe characters', () => {
    const lateUtc = new Date('2026-11-26T23:30:00Z');
    expect(exportFileName('D66/CDA', 'json', 'Één "ronde" ../', 'clean', lateUtc)).toBe(
      'd66-cda_een-ronde_schoon_2026-11-27.json',
    );
  });

  it('have a content type per format', () => {
    expect(CONTENT_TYPES.docx).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(CONTENT_TYPES['amendments-csv']).toBe('text/csv; charset=utf-8');
    expect(CONTENT_TYPES.markdown).toBe('text/markdown; charset=utf-8');
  });
});
