/** A card to place: where its words are (px from the margin's top) and how tall it is. */
export interface CardAnchor {
  id: string;
  top: number;
  height: number;
}

/** Space kept between two cards in the margin. */
export const CARD_GAP = 8;

/**
 * Where each card goes in the margin, as in Word and Google Docs: beside its words, unless the card above
 * still reaches there — then just below it. Cards keep the order of their words and never overlap. With
 * `active`, that card sits exactly beside its words and the cards above it move up to make room. Pure.
 */
export function placeCards(
  anchors: readonly CardAnchor[],
  active: string | null = null,
): Map<string, number> {
  const sorted = [...anchors].sort((a, b) => a.top - b.top);
  const tops = new Map<string, number>();
  const at = active === null ? -1 : sorted.findIndex((a) => a.id === active);
  if (at < 0) {
    let bottom = Number.NEGATIVE_INFINITY;
    for (const card of sorted) {
      const top = Math.max(card.top, bottom + CARD_GAP);
      tops.set(card.id, top);
      bottom = top + card.height;
    }
    return tops;
  }
  // Downwards from the active card.
  let bottom = Number.NEGATIVE_INFINITY;
  for (const card of sorted.slice(at)) {
    const top = Math.max(card.top, bottom + CARD_GAP);
    tops.set(card.id, top);
    bottom = top + card.height;
  }
  // Upwards from it: each card ends above the one below it.
  let limit = tops.get(sorted[at]!.id)!;
  for (const card of sorted.slice(0, at).reverse()) {
    const top = Math.min(card.top, limit - CARD_GAP - card.height);
    tops.set(card.id, top);
    limit = top;
  }
  return tops;
}
