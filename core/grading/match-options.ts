import type { Question } from '../model.js';

/**
 * The answers a matching question offers: as a sheet or sealed quiz lists them, or else every
 * answer and extra answer, each once, in alphabetical order, which says nothing of the pairing.
 */
export function matchOptions(q: Question): string[] {
  if (q.options) return q.options;
  const all = [
    ...(q.pairs ?? []).map((p) => p.answer),
    ...(q.distractors ?? []).map((d) => d.answer),
  ];
  const seen = new Set<string>();
  return all
    .filter((a) => {
      const k = a.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) =>
      a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
    );
}
