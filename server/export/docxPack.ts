/** Packing a `docx` Document into bytes, with the export's own date in its properties. */
import { Packer, type Document } from 'docx';
import { wordDateTime } from './dates.js';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The core properties part (`docProps/core.xml`), dated `generatedAt` rather than the packing clock. */
function coreProperties(title: string, creator: string, generatedAt: Date): string {
  const when = escapeXml(wordDateTime(generatedAt));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * The document's bytes. Its text parts depend only on the document; the zip container still carries
 * the packing time and `docx`'s random relationship ids, so two packs of one document differ in bytes.
 */
export async function packDocx(
  doc: Document,
  meta: { title: string; creator: string; generatedAt: Date },
): Promise<Uint8Array> {
  return Packer.pack(doc, 'uint8array', false, [
    { path: 'docProps/core.xml', data: coreProperties(meta.title, meta.creator, meta.generatedAt) },
  ]);
}
