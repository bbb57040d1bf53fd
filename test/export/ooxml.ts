/** Reading the parts of a .docx in tests: a small zip reader and paragraph texts of document.xml. */
import { inflateRawSync } from 'node:zlib';

/** The files of a zip archive by path (stored and deflated entries). */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = data.length - 22;
  while (eocd >= 0 && data.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('Not a zip file: no end of central directory');
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('Broken central directory');
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + size);
    files.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** A text part of a .docx, such as `word/document.xml`. */
export function part(docx: Uint8Array, path: string): string {
  const file = unzip(docx).get(path);
  if (!file) throw new Error(`No ${path} in the document`);
  return file.toString('utf8');
}

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The paragraph texts of document.xml (tabs as `\t`, empty paragraphs left out) as Word shows them after
 * accepting every tracked change (`accept`), rejecting every one (`reject`), or with none applied (`as-is`,
 * deleted text left out: for documents without revisions).
 */
export function paragraphTexts(documentXml: string, mode: 'accept' | 'reject'): string[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'));
  const paragraphs = body.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  const texts: string[] = [];
  for (const p of paragraphs) {
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? '';
    const markInserted = /<w:rPr>[\s\S]*<w:ins /.test(pPr);
    const markDeleted = /<w:rPr>[\s\S]*<w:del /.test(pPr);
    if ((mode === 'accept' && markDeleted) || (mode === 'reject' && markInserted)) {
      // The whole paragraph goes (all its text is of the same revision; checked by the caller's comparison).
      continue;
    }
    const kept =
      mode === 'accept'
        ? p.replace(/<w:del\b[^>]*[^/]>[\s\S]*?<\/w:del>/g, '')
        : p.replace(/<w:ins\b[^>]*[^/]>[\s\S]*?<\/w:ins>/g, '');
    let text = '';
    for (const m of kept.matchAll(/<w:(t|delText)(?: [^>]*)?>([\s\S]*?)<\/w:\1>|<w:tab\/>/g))
      text += m[0] === '<w:tab/>' ? '\t' : decode(m[2]!);
    if (text !== '') texts.push(text);
  }
  return texts;
}

/** The tracked changes of one kind (`ins` or `del`) in document.xml, with author, date and text. */
export function revisions(
  documentXml: string,
  kind: 'ins' | 'del',
): { author: string; date: string; text: string }[] {
  const out: { author: string; date: string; text: string }[] = [];
  const pattern = new RegExp(
    `<w:${kind} w:id="\\d+" w:author="([^"]*)" w:date="([^"]*)">([\\s\\S]*?)</w:${kind}>`,
    'g',
  );
  for (const m of documentXml.matchAll(pattern)) {
    const text = [...m[3]!.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((t) => t[1]).join('');
    out.push({ author: m[1]!, date: m[2]!, text: decode(text) });
  }
  return out;
}
