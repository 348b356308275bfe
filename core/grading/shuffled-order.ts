import type { Question } from '../model.js';

/** A small stable hash (FNV-1a), so a learner's shuffled order is the same every time. */
export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The places 0..n-1 in an order decided by the seed alone: a Fisher–Yates shuffle driven by
 * a xorshift-multiply step from the seed's hash. No Math.random: the CLI, the Action and the
 * extension list the same order, and the grader can work it out again.
 */
export function seededOrder(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = hash(seed);
  for (let i = order.length - 1; i > 0; i--) {
    state = Math.imul(state ^ (state >>> 15), 2246822507) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * The places of an ordering question's items in a shuffled order that is never the right
 * one (for two or more items): `take` lists a sheet's items so, and the preview shows them
 * so. The same seed gives the same order: a sealed quiz's old key files replay it.
 */
export function shuffledOrder(q: Question, seed: string): number[] {
  const order = seededOrder(q.items.length, `${seed}:${q.id ?? q.prompt}`);
  // Compared by text: two items written alike read as the right order whichever comes first.
  if (order.length > 1 && order.every((n, i) => q.items[n]!.text === q.items[i]!.text))
    order.push(order.shift()!);
  return order;
}

/** The items' texts in the shuffled order. */
export function shuffledItems(q: Question, seed: string): string[] {
  return shuffledOrder(q, seed).map((n) => q.items[n]!.text);
}
