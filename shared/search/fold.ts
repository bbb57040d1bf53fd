/**
 * Folding text for search: lower case and without diacritics ("Één" and "een" match), one code unit for
 * one code unit, so a position found in the folded text is the same position in the original.
 */

const folded = new Map<string, string>();

/** One non-ASCII code unit, folded: its base letter in lower case when that is one code unit, else itself. */
function foldChar(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    const base = c.normalize('NFD')[0]!.toLowerCase();
    f = base.length === 1 ? base : c;
    folded.set(c, f);
  }
  return f;
}

/** The text in lower case without diacritics, exactly as long as the text. */
export function fold(text: string): string {
  // ASCII is lowered natively; only other code units take the (cached) slow path.
  const out = text.toLowerCase().replace(/[\u0080-\uffff]/g, foldChar);
  if (out.length === text.length) return out;
  // A character whose lower case is longer (such as "İ"): fold one code unit at a time.
  let slow = '';
  for (const c of text.split('')) {
    const lower = c.toLowerCase();
    slow += lower.length === 1 ? (lower.charCodeAt(0) < 0x80 ? lower : foldChar(lower)) : foldChar(c);
  }
  return slow;
}

/** The words of a query, folded; empty when there is nothing to look for. */
export function queryTerms(query: string): string[] {
  return [
    ...new Set(
      fold(query)
        .split(/\s+/)
        .filter((term) => term.length > 0),
    ),
  ];
}
