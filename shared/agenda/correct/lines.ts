/**
 * Where a printed line begins in the text it became. The importer joins a block's lines into one text
 * (list marker dropped, spaces collapsed, a hyphen at a line end sometimes dropped), so a line is found by
 * its opening words, searched from where the line before it was found.
 */

/** A list marker in front of a line as printed: a glyph, a dash or star, "a)", "1)", "1.". */
const MARKER = /^(?:[•●▪◦‣∙■►➢·\uF0B7\uF0A7\uF0D8]|[-–—*]|\(?[a-z]\)|\(?\d{1,2}[.)])\s+/u;

/** At most this many characters of a line are looked for: enough to be unique in a paragraph. */
const PROBE_LENGTH = 24;

/**
 * The opening words of a printed line as they appear in the joined text: without a list marker, spaces
 * collapsed, and without the line's last word when more follow it (it may have been joined to the next
 * line's first), cut at a word end within `PROBE_LENGTH` characters. Empty for a line without words.
 */
export function probeOf(printed: string): string {
  const words = printed
    .replace(MARKER, '')
    .replace(/\u00AD/gu, '')
    .split(/\s+/u)
    .filter(Boolean);
  if (words.length === 0) return '';
  const usable = words.length > 1 ? words.slice(0, -1) : [words[0]!.replace(/[-‐‑]$/u, '')];
  let probe = usable[0]!;
  for (const word of usable.slice(1)) {
    if (probe.length + 1 + word.length > PROBE_LENGTH) break;
    probe += ` ${word}`;
  }
  return probe;
}

/**
 * The offset in `text` where each printed line begins, found in order from `from`: null for a line that
 * cannot be found (its words were changed on the way). A line found stays found at or after the one before.
 */
export function startsOf(text: string, printed: readonly string[], from = 0): (number | null)[] {
  let cursor = from;
  return printed.map((line) => {
    const probe = probeOf(line);
    if (!probe) return null;
    const at = text.indexOf(probe, cursor);
    if (at < 0) return null;
    cursor = at + 1;
    return at;
  });
}
