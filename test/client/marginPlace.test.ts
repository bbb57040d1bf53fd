import { describe, expect, it } from 'vitest';
import { CARD_GAP, placeCards } from '../../client/margin/place.js';

const cards = [
  { id: 'a', top: 100, height: 80 },
  { id: 'b', top: 120, height: 50 },
  { id: 'c', top: 400, height: 60 },
  { id: 'd', top: 130, height: 40 },
];

/** Whether any two placed cards overlap. */
function overlaps(tops: Map<string, number>): boolean {
  const boxes = cards
    .map((c) => [tops.get(c.id)!, tops.get(c.id)! + c.height] as const)
    .sort((x, y) => x[0] - y[0]);
  return boxes.some((box, i) => i > 0 && box[0] < boxes[i - 1]![1] + CARD_GAP);
}

describe('placing comment cards in the margin', () => {
  it('puts each card beside its words unless the one above still reaches there, then just below it', () => {
    const tops = placeCards(cards);
    expect(Object.fromEntries(tops)).toEqual({ a: 100, b: 188, d: 246, c: 400 });
    expect(overlaps(tops)).toBe(false);
  });

  it('puts the active card exactly beside its words and moves the ones above it up', () => {
    const tops = placeCards(cards, 'd');
    expect(tops.get('d')).toBe(130);
    expect(tops.get('b')).toBe(130 - CARD_GAP - 50);
    expect(tops.get('a')).toBe(130 - CARD_GAP - 50 - CARD_GAP - 80);
    expect(tops.get('c')).toBe(400);
    expect(overlaps(tops)).toBe(false);
  });

  it('keeps cards that do not collide where their words are', () => {
    expect(
      Object.fromEntries(
        placeCards([
          { id: 'x', top: 10, height: 20 },
          { id: 'y', top: 200, height: 20 },
        ]),
      ),
    ).toEqual({ x: 10, y: 200 });
  });
});
