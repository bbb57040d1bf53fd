/**
 * List items of every kind: a bullet glyph ("•", "▪"), a dash or star ("-", "–", "*"), a letter or number
 * with a bracket ("a)", "1)") or a number with a full stop ("1."). A glyph is always a list item; the
 * others also start wrapped sentences or dates ("- van zzp'ers", "2030."), so a kind counts only where the
 * document uses it as a list: twice or more at the start of a line after the end of a sentence, a colon, a
 * semicolon, a gap or another item of that kind. Items found here get the one glyph ("• ") that the rest
 * of the importer knows.
 */
import { BULLET, chapterHeadingTitle, endsSentence, type Line } from './lines.js';

interface Marker {
  kind: string;
  pattern: RegExp;
}

/** The list markers that are not always list items, each with the part of the line it takes off. */
const MARKERS: readonly Marker[] = [
  { kind: 'dash', pattern: /^[-–—]\s+(?=\S)/u },
  { kind: 'star', pattern: /^\*\s+(?=\S)/u },
  { kind: 'letter', pattern: /^\(?[a-z]\)\s+(?=\S)/u },
  { kind: 'number-bracket', pattern: /^\(?\d{1,2}\)\s+(?=\S)/u },
  { kind: 'number-dot', pattern: /^\d{1,2}\.\s+(?=["'‘“(]?\p{L})/u },
];

/** Where an item may start: after a gap, the end of a sentence, a colon or semicolon. */
function itemMayStart(previous: Line | undefined, gap: boolean): boolean {
  return !previous || gap || endsSentence(previous.text) || /[;]$/u.test(previous.text);
}

/**
 * Gives every list item in `lines` the glyph "• " (in place of its own marker). A Word list paragraph
 * (`listItem` hint) is an item whatever its text. Lines are changed in place; headings are left alone.
 */
export function markListItems(lines: Line[]): void {
  const candidates = new Map<string, Line[]>();
  let previous: Line | undefined;
  let previousKind: string | null = null;
  let gap = false;
  for (const line of lines) {
    if (line.blank) {
      gap = true;
      continue;
    }
    let kind: string | null = null;
    if (line.hints.listItem) {
      if (!BULLET.test(line.text)) line.text = `• ${line.text}`;
    } else if (!BULLET.test(line.text) && line.hints.heading === undefined) {
      const marker = MARKERS.find((m) => m.pattern.test(line.text));
      const heading = marker?.kind === 'number-dot' && chapterHeadingTitle(line.text) !== null;
      if (
        marker &&
        !heading &&
        (itemMayStart(previous, gap || line.gapBefore) || previousKind === marker.kind)
      ) {
        kind = marker.kind;
        candidates.set(kind, [...(candidates.get(kind) ?? []), line]);
      }
    }
    previous = line;
    previousKind = kind;
    gap = false;
  }
  for (const [kind, items] of candidates) {
    if (items.length < 2) continue;
    const pattern = MARKERS.find((m) => m.kind === kind)!.pattern;
    for (const line of items) line.text = line.text.replace(pattern, '• ');
  }
}
