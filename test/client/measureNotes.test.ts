import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notedMeasures } from '../../client/notes/measureNotes.js';
import { measureNoteKey, measureOfNoteKey } from '../../shared/notes/measureNotes.js';

describe("a party's notes per measure", () => {
  it('names each note after its measure, and nothing else as a note', () => {
    expect(measureOfNoteKey(measureNoteKey('m-1-2-3'))).toBe('m-1-2-3');
    expect(measureOfNoteKey('notes')).toBeNull();
  });

  it('lists the measures with a non-empty note, also for notes that arrived from the server', () => {
    const typed = new Y.Doc();
    typed.getText(measureNoteKey('m-1-1-1')).insert(0, 'Vasthouden.');
    typed.getText(measureNoteKey('m-2-1-1')).insert(0, 'x');
    typed.getText(measureNoteKey('m-2-1-1')).delete(0, 1);
    typed.getText('notes').insert(0, 'Algemeen.');
    const received = new Y.Doc();
    Y.applyUpdate(received, Y.encodeStateAsUpdate(typed));
    expect([...notedMeasures(typed)]).toEqual(['m-1-1-1']);
    expect([...notedMeasures(received)]).toEqual(['m-1-1-1']);
  });
});
