/**
 * A party's note on one measure: a root Y.Text of the party's own room named after the measure, so no other
 * party's connection ever receives it, and two negotiators typing in it at once merge like any shared text
 * (a root type needs no creating, so nobody's first keystroke can overwrite another's).
 */

/** The start of every measure note's root name: `measureNote:<measure id>`. */
export const MEASURE_NOTE_PREFIX = 'measureNote:';

/** The root name of a measure's note in a party room. */
export function measureNoteKey(measureId: string): string {
  return `${MEASURE_NOTE_PREFIX}${measureId}`;
}

/** The measure id of a root name, or null when the name is not a measure note's. */
export function measureOfNoteKey(key: string): string | null {
  return key.startsWith(MEASURE_NOTE_PREFIX) ? key.slice(MEASURE_NOTE_PREFIX.length) : null;
}
