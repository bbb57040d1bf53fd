/**
 * Reads a PDF with pdfjs-dist (Mozilla's PDF.js, legacy build for Node: no worker thread, no network, no
 * eval): the text items of every page with their position, size and font, bold taken from the font (its
 * name or flag). Lines, page furniture and headings are then found by `pdfLines` (pure, in shared/).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { AgendaSource } from '../../../shared/agenda/source.js';
import { pdfLines, type PdfItem, type PdfPage } from '../../../shared/agenda/layout/pdf.js';
import { ImportError } from '../errors.js';

/** A font name that says bold ("ABCDEF+LiberationSerif-Bold", "Arial,Bold", "…-Semibold", "…Black"). */
const BOLD_NAME = /bold|black|heavy|semibold|demi/iu;

interface Font {
  name?: string;
  bold?: boolean;
  black?: boolean;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** Reads a .pdf file. Throws an `ImportError` for an encrypted, damaged or image-only PDF. */
export async function readPdf(bytes: Uint8Array): Promise<AgendaSource> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (err) {
    // Without an onPassword handler, PDF.js rejects an encrypted file with a PasswordException.
    if ((err as { name?: string }).name === 'PasswordException') {
      throw new ImportError(
        'encrypted',
        'De PDF is met een wachtwoord beveiligd: sla hem op zonder wachtwoord en probeer het opnieuw.',
      );
    }
    throw new ImportError(
      'unreadable',
      'De PDF is beschadigd of geen PDF: maak hem opnieuw (afdrukken als PDF) of lever de agenda als Word-bestand aan.',
    );
  }
  try {
    const pages: PdfPage[] = [];
    const bolds = new Map<string, boolean>();
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      // Fonts (their real names and bold flags) reach the document's common objects when a page's operator
      // list is loaded; fonts are shared between pages, so only a page with a font not seen yet needs it.
      const names = new Set(content.items.flatMap((i) => ('fontName' in i ? [i.fontName] : [])));
      if ([...names].some((name) => !bolds.has(name))) await page.getOperatorList();
      const bold = (fontName: string): boolean => {
        if (!bolds.has(fontName)) {
          let font: Font | undefined;
          try {
            font = page.commonObjs.get(fontName) as Font;
          } catch {
            font = undefined;
          }
          bolds.set(
            fontName,
            font?.bold === true || font?.black === true || BOLD_NAME.test(font?.name ?? ''),
          );
        }
        return bolds.get(fontName)!;
      };
      const items: PdfItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItem;
        const [a = 0, b = 0, , d = 0, e = 0, f = 0] = item.transform;
        if (Math.abs(b) > Math.abs(a) / 10) continue; // rotated text: not part of the running text
        if (item.str === '') continue;
        items.push({
          text: item.str,
          x: e,
          y: f,
          width: item.width,
          size: Math.abs(d) || Math.abs(a),
          bold: bold(item.fontName),
        });
      }
      pages.push({ width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    if (pages.every((p) => p.items.every((i) => i.text.trim() === ''))) {
      throw new ImportError(
        'no-text',
        'De PDF bevat geen tekst, alleen afbeeldingen (een scan?): lever een PDF met tekst aan of de agenda als Word-bestand.',
      );
    }
    const knowsBold = pages.some((p) => p.items.some((i) => i.bold));
    return { format: 'pdf', lines: pdfLines(pages), knowsBold };
  } finally {
    await pdf.destroy();
  }
}
