/**
 * The HTML export for printing: one standalone page, its CSS inline, no scripts and nothing loaded from
 * elsewhere. A4 pages with margins, the page number at the bottom (CSS page-margin boxes, which Chromium
 * and print processors support) and a running footer naming the version (a fixed element, repeated on
 * every printed page where margin boxes are not supported), every chapter on a new page, changes as
 * `<del>` / `<ins>`. Every text is escaped.
 */
import type { AttributedOp } from '../../shared/diff/index.js';
import { dutchDate, parseDate } from './dates.js';
import { LABELS, renumberedLine } from './labels.js';
import { blockText, exportBlocks, readingBlocks, type Block } from './plan.js';
import type { ExportInput } from './types.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
@page {
  size: A4;
  margin: 22mm 20mm 24mm 20mm;
  @bottom-center { content: counter(page); font: 9pt Georgia, serif; color: #555; }
}
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #111; max-width: 46em; margin: 2em auto; padding: 0 1em 4em; }
h1 { font-size: 22pt; line-height: 1.2; margin: 0 0 0.8em; }
h2 { font-size: 16pt; margin: 1.6em 0 0.6em; letter-spacing: 0.02em; }
h3 { font-size: 12.5pt; margin: 1.3em 0 0.4em; }
p { margin: 0 0 0.6em; }
.meta { color: #555; font-size: 9.5pt; margin-bottom: 2em; }
.signature { font-style: italic; }
.lead { font-weight: bold; }
.measure { display: grid; grid-template-columns: 4.2em 1fr; column-gap: 0.4em; }
.measure .num { font-variant-numeric: tabular-nums; font-weight: bold; }
.moved-note { color: #6a4c93; font-style: italic; font-size: 9.5pt; }
.removed-note { color: #9b1c1c; font-style: italic; font-size: 9.5pt; }
.footnotes { border-top: 1px solid #aaa; margin-top: 2em; padding-top: 0.6em; font-size: 9.5pt; }
ins { color: #0a5c2b; background: #e3f6e8; text-decoration: underline; text-decoration-thickness: 1px; }
del { color: #9b1c1c; background: #fbe5e5; text-decoration: line-through; }
.legend { font-size: 9.5pt; color: #555; }
.print-footer { display: none; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  h2.chapter { break-before: page; page-break-before: always; }
  h2.chapter.first { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  p { orphans: 3; widows: 3; }
  .measure { break-inside: avoid; }
  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .print-footer { display: block; position: fixed; bottom: 0; left: 0; right: 0; font-size: 8pt; color: #777; text-align: right; }
}
`;

function changeTitle(input: ExportInput, block: Block): string {
  const attribution = input.attribution?.[block.id];
  const author = attribution?.author ?? input.defaultAuthor;
  const date = dutchDate(parseDate(attribution?.date, input.generatedAt));
  return escapeHtml(`${author}, ${date}`);
}

function inline(ops: readonly AttributedOp[], title: string): string {
  let out = '';
  for (const [kind, text] of ops) {
    const escaped = escapeHtml(text);
    if (kind === 0) out += escaped;
    else if (kind === 1) out += `<ins title="${title}">${escaped}</ins>`;
    else out += `<del title="${title}">${escaped}</del>`;
  }
  return out;
}

/** The number (when given) and text of a block, a whole added or removed unit in one `<ins>` / `<del>`. */
function content(block: Block, input: ExportInput, number?: string): string {
  const title = changeTitle(input, block);
  const num = number === undefined ? '' : `<span class="num">${escapeHtml(number)}</span>`;
  const sep = number === undefined ? '' : ' ';
  if (block.change === 'inserted')
    return `<ins title="${title}">${num}${sep}${escapeHtml(blockText(block, 'to'))}</ins>`;
  if (block.change === 'deleted')
    return `<del title="${title}">${num}${sep}${escapeHtml(blockText(block, 'from'))}</del>`;
  return `${num}${sep}${inline(block.ops, title)}`;
}

function movedNote(block: Block, input: ExportInput): string {
  if (!block.movedFrom) return '';
  return ` <span class="moved-note">(${escapeHtml(LABELS[input.language].movedFrom)} ${escapeHtml(block.movedFrom)})</span>`;
}

function renderBlock(block: Block, input: ExportInput, firstChapter: boolean): string {
  const note = movedNote(block, input);
  const id = ` id="${escapeHtml(block.id.replace(/[^A-Za-z0-9_-]/g, '_'))}"`;
  switch (block.kind) {
    case 'title':
      return `<h1>${content(block, input)}</h1>`;
    case 'signature':
      return `<p class="signature">${content(block, input)}</p>`;
    case 'chapter-title':
      return `<h2 class="chapter${firstChapter ? ' first' : ''}"${id}>${content(block, input, block.number)}${note}</h2>`;
    case 'section-title': {
      if (!block.runIn) return `<h3${id}>${content(block, input, block.number)}${note}</h3>`;
      const body = block.body ? ` ${content(block.body, input)}` : '';
      return `<p${id}><span class="lead">${content(block, input, block.number)}</span>${note}${body}</p>`;
    }
    case 'measure': {
      const title = changeTitle(input, block);
      const num = escapeHtml(block.number);
      const [open, close] =
        block.change === 'inserted'
          ? [`<ins title="${title}">`, '</ins>']
          : block.change === 'deleted'
            ? [`<del title="${title}">`, '</del>']
            : ['', ''];
      const text =
        block.change === 'inserted' || block.change === 'deleted'
          ? `${open}${escapeHtml(blockText(block, block.change === 'inserted' ? 'to' : 'from'))}${close}`
          : inline(block.ops, title);
      const removed =
        block.change === 'deleted'
          ? ` <span class="removed-note">(${escapeHtml(LABELS[input.language].removed)})</span>`
          : '';
      return `<p class="measure"${id}><span class="num">${open}${num}${close}</span><span class="text">${text}${removed}${note}</span></p>`;
    }
    case 'footnote':
      return `<p class="footnote"><sup>${escapeHtml(block.number)}</sup> ${content(block, input)}</p>`;
    default:
      return `<p>${content(block, input)}${note}</p>`;
  }
}

/**
 * The agenda as a standalone HTML page for printing (see the module comment). Clean: the current
 * text; marked: the changes against the original as `<del>` / `<ins>` (with author and date as their
 * title), moved units at their new place with their old number.
 */
export function exportHtml(input: ExportInput): string {
  const labels = LABELS[input.language];
  const blocks = readingBlocks(exportBlocks(input));
  const meta = `${labels.version}: ${input.versionLabel} · ${labels.generated} ${dutchDate(input.generatedAt)} · ${
    input.changes === 'marked' ? labels.marked : labels.clean
  }`;
  const body: string[] = [];
  let firstChapter = true;
  let inFootnotes = false;
  for (const block of blocks) {
    if (block.kind === 'footnote' && !inFootnotes) {
      body.push(`<section class="footnotes"><h3>${escapeHtml(labels.footnotes)}</h3>`);
      inFootnotes = true;
    }
    body.push(renderBlock(block, input, firstChapter && block.kind === 'chapter-title'));
    if (block.kind === 'title') {
      body.push(`<p class="meta">${escapeHtml(meta)}</p>`);
      if (input.changes === 'marked')
        body.push(
          `<p class="legend"><ins>${escapeHtml(labels.legendInserted)}</ins> · <del>${escapeHtml(labels.legendDeleted)}</del></p>`,
        );
    }
    if (block.kind === 'chapter-title') firstChapter = false;
  }
  if (inFootnotes) body.push('</section>');
  if (input.renumbered && input.renumbered.length > 0)
    body.push(
      `<section class="renumbered"><h3>${escapeHtml(labels.renumberedTitle)}</h3><p>${escapeHtml(labels.renumberedIntro)}</p><ul>`,
      ...input.renumbered.map((r) => `<li>${escapeHtml(renumberedLine(labels, r))}</li>`),
      '</ul></section>',
    );
  return `<!DOCTYPE html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Akkoord">
<title>${escapeHtml(`${input.current.title} — ${input.versionLabel}`)}</title>
<style>${CSS}</style>
</head>
<body>
<footer class="print-footer">${escapeHtml(`${input.current.title} · ${meta}`)}</footer>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
