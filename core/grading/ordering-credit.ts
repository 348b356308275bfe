/**
 * The longest run of items already in the right order relative to each other, in a learner's
 * order given as each item's right place: the items that need not move. Patience sorting,
 * O(n log n) in the number of items.
 */
export function itemsInOrder(places: readonly number[]): number {
  const tails: number[] = [];
  for (const p of places) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = p;
  }
  return tails.length;
}

/**
 * Partial credit for an order (`scoring=partial`): the items that need not move, beyond the one
 * every order has, over the items beyond one: (in order − 1) ÷ (items − 1). One item put back
 * in its place costs one share, wherever it went, and the reverse order, in which no two items
 * keep their order, earns nothing; two items are right or wrong.
 */
export function orderingCredit(places: readonly number[]): { fraction: number; kept: number } {
  const n = places.length;
  const kept = itemsInOrder(places);
  return { fraction: n < 2 ? (kept === n ? 1 : 0) : (kept - 1) / (n - 1), kept };
}
