import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextareaValue, textEdit } from '../../client/app/textBinding.js';

describe('binding a textarea to a shared text', () => {
  it('turns a new value into the smallest edit: a kept start and end, the middle replaced', () => {
    expect(textEdit('Meer bouwen.', 'Veel meer bouwen.')).toEqual({ index: 0, remove: 1, insert: 'Veel m' });
    expect(textEdit('Meer bouwen.', 'Meer bouwen, snel.')).toEqual({
      index: 11,
      remove: 0,
      insert: ', snel',
    });
    expect(textEdit('abc', 'abc')).toEqual({ index: 3, remove: 0, insert: '' });
  });

  it("keeps another person's concurrent typing elsewhere in the text", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'Meer bouwen.');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyTextareaValue(a.getText('t'), 'Snel: Meer bouwen.');
    applyTextareaValue(b.getText('t'), 'Meer bouwen, samen.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('Snel: Meer bouwen, samen.');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });
});
