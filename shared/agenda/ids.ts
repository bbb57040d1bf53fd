/**
 * Ids of chapters, sections and measures. Imported ones are derived from the position at import
 * (`m-1-2-3`), so re-importing the same text gives the same ids; ones made later are random, so two people
 * adding a measure at the same moment never collide.
 */
export function importedId(kind: 'c' | 's' | 'm', number: string | number): string {
  return `${kind}-${String(number).replaceAll('.', '-')}`;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A fresh id such as `m-k3x9q2v7a1`: 10 random base-36 characters (about 52 bits). */
export function freshId(kind: 'c' | 's' | 'm'): string {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${kind}-${out}`;
}
