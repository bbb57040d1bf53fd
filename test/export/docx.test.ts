import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../shared/diff/index.js';
import { exportDocx, type ExportInput } from '../../server/export/index.js';
import { EDITS, exportInput, originalAgenda } from './fixture.js';
import { paragraphTexts, part } from './ooxml.js';

async function documentXml(input: ExportInput): Promise<string> {
  return part(await exportDocx(input), 'word/document.xml');
}

/** Tracked changes of one kind (`ins` or `del`) with their author and text. */
function revisions(xml: string, kind: 'ins' | 'del'): { author: string; date: string; text: string }[] {
  const out: { author: string; date: string; text: string }[] = [];
  const pattern = new RegExp(
    `<w:${kind} w:id="\\d+" w:author="([^"]*)" w:date="([^"]*)">([\\s\\S]*?)</w:${kind}>`,
    'g',
  );
  for (const m of xml.matchAll(pattern)) {
    const text = [...m[3]!.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((t) => t[1]).join('');
    out.push({ author: m[1]!, date: m[2]!, text });
  }
  return out;
}

/** The paragraph's XML without its `<w:ins>` or `<w:del>` elements (the paragraph mark's included). */
function outside(paragraph: string, kind: 'ins' | 'del'): string {
  return paragraph.replace(new RegExp(`<w:${kind}\\b[^>]*[^/]>[\\s\\S]*?</w:${kind}>`, 'g'), '');
}

const normalized = (texts: string[]): string[] => texts.map((t) => normalizeText(t));

describe('the Word export', () => {
  it('marks changed words as tracked deletions and insertions by the measure’s author', async () => {
    const xml = await documentXml(exportInput());
    const deleted = revisions(xml, 'del');
    const inserted = revisions(xml, 'ins');
    expect(deleted).toContainEqual({ author: 'CDA', date: '2026-11-20T00:00:00Z', text: EDITS.changedOld });
    expect(inserted).toContainEqual({ author: 'CDA', date: '2026-11-20T00:00:00Z', text: EDITS.changedNew });
    expect(inserted.some((r) => r.author === 'CDA' && r.text.includes(EDITS.appended))).toBe(true);
  });

  it('gives changes without an attribution to the default author at the export date', async () => {
    const xml = await documentXml(exportInput());
    expect(revisions(xml, 'ins')).toContainEqual({
      author: 'Akkoord',
      date: '2026-11-26T10:00:00Z',
      text: 'zo snel mogelijk ',
    });
  });

  it('writes an added measure as an inserted paragraph and a removed one as a deleted paragraph', async () => {
    const xml = await documentXml(exportInput());
    const paragraphs = xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
    const added = paragraphs.find((p) => p.includes(EDITS.addedText))!;
    expect(added).toMatch(
      /<w:pPr>[\s\S]*<w:rPr><w:ins w:id="\d+" w:author="D66" w:date="2026-11-21T09:30:00Z"\/>/,
    );
    expect(outside(added, 'ins')).not.toMatch(/<w:t[ >]/);
    const removedText = originalAgenda().chapters[0]!.sections[1]!.measures[1]!.text;
    const removed = paragraphs.find((p) => p.includes(removedText.slice(0, 40)))!;
    expect(removed).toMatch(/<w:rPr><w:del w:id="\d+" w:author="D66"/);
    expect(removed).toContain('<w:delText');
    expect(outside(removed, 'del')).not.toMatch(/<w:t[ >]/);
  });

  it('gives every tracked change and comment its own numeric id', async () => {
    const xml = await documentXml(
      exportInput({
        comments: [
          {
            measureId: EDITS.changed,
            quote: 'eenvoudigere regels',
            messages: [{ author: 'Jan', date: '2026-11-22', text: 'Waarom?' }],
          },
        ],
      }),
    );
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('1'); // the comment's id
  });

  it('writes chapters as Heading 1 and sections as Heading 2 with their numbers', async () => {
    const xml = await documentXml(exportInput({ changes: 'clean' }));
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]{0,200}<w:t xml:space="preserve">1 WONEN<\/w:t>/);
    expect(xml).toMatch(
      /<w:pStyle w:val="Heading2"\/>[\s\S]{0,200}<w:t xml:space="preserve">1\.1 Vandaag: beter benutten, veel minder regels<\/w:t>/,
    );
    expect(xml).toContain('<w:t xml:space="preserve">1.1.1\tWe willen schrappen');
  });

  it('gives the current text with no revisions when clean', async () => {
    const xml = await documentXml(exportInput({ changes: 'clean' }));
    expect(xml).not.toMatch(/<w:(ins|del)\b/);
    expect(xml).toContain(EDITS.changedNew);
    expect(xml).not.toContain(EDITS.changedOld);
    expect(xml).toContain(EDITS.addedText);
  });

  it('gives the current text when every change is accepted and the original when every one is rejected', async () => {
    const marked = await documentXml(exportInput());
    const current = await documentXml(exportInput({ changes: 'clean' }));
    const original = await documentXml(exportInput({ changes: 'clean', current: originalAgenda() }));
    expect(paragraphTexts(marked, 'accept')).not.toEqual(paragraphTexts(marked, 'reject'));
    expect(normalized(paragraphTexts(marked, 'accept'))).toEqual(
      normalized(paragraphTexts(current, 'accept')),
    );
    expect(normalized(paragraphTexts(marked, 'reject'))).toEqual(
      normalized(paragraphTexts(original, 'accept')),
    );
  });

  it('shows a moved measure deleted at its old place and inserted at its new one', async () => {
    const xml = await documentXml(exportInput());
    const movedText = originalAgenda().chapters[0]!.sections[2]!.measures[0]!.text;
    expect(revisions(xml, 'del').some((r) => r.text.includes(movedText))).toBe(true);
    expect(revisions(xml, 'ins').some((r) => r.text.includes(movedText))).toBe(true);
  });

  it('marks a changed section title and a changed run-in lead', async () => {
    const xml = await documentXml(exportInput());
    expect(revisions(xml, 'del').map((r) => r.text)).toContain('vooral');
    expect(revisions(xml, 'ins').map((r) => r.text)).toContain('veel');
    expect(xml).toMatch(
      /<w:ins [^>]*><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">eerlijker maken/,
    );
  });

  it('puts comment threads on the quoted words, with later messages as replies', async () => {
    const bytes = await exportDocx(
      exportInput({
        comments: [
          {
            measureId: EDITS.changed,
            quote: 'eenvoudigere regels',
            messages: [
              { author: 'Jan de Vries', date: '2026-11-22T08:00:00Z', text: 'Waarom dit woord?' },
              { author: 'Eva', date: '2026-11-23', text: 'Het is duidelijker.' },
            ],
          },
        ],
      }),
    );
    const xml = part(bytes, 'word/document.xml');
    expect(xml).toMatch(
      /<w:commentRangeStart w:id="1"\/><w:commentRangeStart w:id="2"\/><w:ins [^>]*><w:r><w:t xml:space="preserve">eenvoudigere<\/w:t><\/w:r><\/w:ins><w:r><w:t xml:space="preserve"> regels<\/w:t><\/w:r><w:commentRangeEnd w:id="1"\/>/,
    );
    const comments = part(bytes, 'word/comments.xml');
    expect(comments).toMatch(
      /w:id="1" w:initials="JDV" w:author="Jan de Vries" w:date="2026-11-22T08:00:00(\.000)?Z"/,
    );
    expect(comments).toContain('Waarom dit woord?');
    expect(comments).toContain('Het is duidelijker.');
    expect(part(bytes, 'word/commentsExtended.xml')).toContain('w15:paraIdParent');
  });

  it('dates the document properties with the export date, not the clock', async () => {
    const core = part(await exportDocx(exportInput()), 'docProps/core.xml');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-26T10:00:00Z</dcterms:created>',
    );
  });

  it('leaves out parked measures when asked', async () => {
    const parked = originalAgenda().chapters[1]!.sections[0]!.measures[2]!;
    const input = exportInput({
      changes: 'clean',
      measureStatuses: { [parked.id]: 'parked' },
      include: { parked: false, disputed: true },
    });
    expect(await documentXml(input)).not.toContain(parked.text.slice(0, 50));
    expect(await documentXml({ ...input, include: undefined })).toContain(parked.text.slice(0, 50));
  });
});
