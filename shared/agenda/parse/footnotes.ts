/**
 * Footnotes: a marker glued to a word in the running text ("Nationaal Belang1") and the note itself on a
 * line of its own at the end of the chapter ("1 Rotterdam-Moerdijk, …").
 */
import { endsSentence, isBullet, type Line } from './lines.js';

export interface RawFootnote {
  marker: string;
  lines: string[];
  /** The source line index of each of `lines`. */
  indices: number[];
}

const NOTE_START = /^(\d{1,3}|[*†‡]{1,3})\s+(\S.*)$/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * A marker glued to the end of a word: after a word of two or more letters ending in a lower-case letter,
 * maybe followed by closing punctuation ("Belang1", "zijn.1"), and not followed by a letter or digit. An
 * upper-case letter before it is not enough: "CO2" is a formula, not a footnote.
 */
export function gluedMarker(marker: string): RegExp {
  return new RegExp(`(?<=\\p{L}\\p{Ll}[)’”"'.,;:]?)${escape(marker)}(?![\\p{L}\\p{N}])`, 'u');
}

/**
 * Splits the footnotes off the end of a chapter's lines. A footnote block starts at the first line that
 * looks like "1 text", whose marker is glued to a word earlier in the chapter, that follows the end of a
 * sentence, and after which no bullet comes. From there on, every such line starts a new footnote and other
 * lines continue the previous one. The glued markers are removed from the running text.
 */
export function splitFootnotes(lines: readonly Line[]): { body: Line[]; notes: RawFootnote[] } {
  const content = lines.filter((l) => !l.blank);
  const hasGlued = (marker: string, before: number): boolean =>
    lines.some((l) => l.index < before && gluedMarker(marker).test(l.text));

  let start = -1;
  for (let i = 0; i < content.length; i++) {
    const line = content[i]!;
    const match = NOTE_START.exec(line.text);
    if (!match?.[1]) continue;
    const previous = content[i - 1];
    if (previous && !endsSentence(previous.text)) continue;
    if (!hasGlued(match[1], line.index)) continue;
    if (content.slice(i + 1).some((l) => isBullet(l.text))) continue;
    start = line.index;
    break;
  }
  if (start < 0) return { body: [...lines], notes: [] };

  const notes: RawFootnote[] = [];
  for (const line of content.filter((l) => l.index >= start)) {
    const match = NOTE_START.exec(line.text);
    if (match?.[1] && match[2] && hasGlued(match[1], start))
      notes.push({ marker: match[1], lines: [match[2]], indices: [line.index] });
    else {
      notes.at(-1)?.lines.push(line.text);
      notes.at(-1)?.indices.push(line.index);
    }
  }

  const body = lines.filter((l) => l.index < start).map((l) => ({ ...l }));
  for (const note of notes) {
    const re = gluedMarker(note.marker);
    const hit = body.find((l) => re.test(l.text));
    if (hit) {
      hit.text = hit.text.replace(re, '');
      hit.raw = hit.raw.replace(re, '');
    }
  }
  return { body, notes };
}
