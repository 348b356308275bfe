import type { Question } from '../model.js';

/** A small stable hash, so a learner's shuffled order is the same every time. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The places of an ordering question's items in a shuffled order that is never the right
 * one (for two or more items): `take` lists a sheet's items so, and the preview shows them
 * so. The same seed gives the same order: a sealed quiz's old key files replay it.
 */
export function shuffledOrder(q: Question, seed: string): number[] {
  const order = q.items.map((_, i) => i);
  let state = hash(`${seed}:${q.id ?? q.prompt}`);
  for (let i = order.length - 1; i > 0; i--) {
    state = Math.imul(state ^ (state >>> 15), 2246822507) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // Compared by text: two items written alike read as the right order whichever comes first.
  if (order.length > 1 && order.every((n, i) => q.items[n]!.text === q.items[i]!.text))
    order.push(order.shift()!);
  return order;
}

/** The items' texts in the shuffled order. */
export function shuffledItems(q: Question, seed: string): string[] {
  return shuffledOrder(q, seed).map((n) => q.items[n]!.text);
}
