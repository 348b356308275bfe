import type { Root } from 'mdast';
import type { SurveyQuestion } from '../survey-parts.js';
import type { LineIndex } from '../text/line-index.js';
import type { Span } from '../types.js';
import { spanOf, textOf } from '../markdown/mdast-util.js';

/** The most points a rating scale may have: more is a guess no learner answers alike. */
export const MAX_SCALE_POINTS = 11;

const SCALE =
  /^scale:\s*(-?\d+)\s*(?:\(([^)]*)\))?\s*(?:to|-|–|\.\.)\s*(-?\d+)\s*(?:\(([^)]*)\))?\s*$/i;

/** A `Scale: 1 (not useful) to 5 (very useful)` line, read; or what is wrong with it. */
function readScale(text: string, span: Span): Pick<SurveyQuestion, 'scale' | 'problem'> {
  const m = SCALE.exec(text);
  if (!m)
    return {
      problem: {
        span,
        message: `Expected a rating's scale written as "Scale: 1 (not useful) to 5 (very useful)"; found "${text.slice(0, 80)}". Write the lowest and highest number with "to" between them.`,
      },
    };
  const [min, max] = [Number(m[1]), Number(m[3])];
  const scale = {
    min,
    max,
    span,
    ...(m[2]?.trim() ? { minLabel: m[2].trim() } : {}),
    ...(m[4]?.trim() ? { maxLabel: m[4].trim() } : {}),
  };
  if (max <= min || max - min + 1 > MAX_SCALE_POINTS)
    return {
      scale,
      problem: {
        span,
        message: `Expected a rating's scale from a lower to a higher number, at most ${MAX_SCALE_POINTS} points; found ${min} to ${max}. Write it as "Scale: 1 to 5", lowest first.`,
      },
    };
  return { scale };
}

/**
 * A survey's body: the paragraphs under its title are what learners are told; each level-2
 * heading is a question. A `Scale:` line under it makes a rating, a list a single choice,
 * and neither free text.
 */
export function parseSurveyBody(
  tree: Root,
  lines: LineIndex,
): { intro: string; questions: SurveyQuestion[] } {
  const questions: SurveyQuestion[] = [];
  const intro: string[] = [];
  let q: SurveyQuestion | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      q = undefined;
      if (node.depth === 2) {
        q = { prompt: textOf(node), kind: 'text', options: [], span: spanOf(node, lines) };
        questions.push(q);
      }
      continue;
    }
    if (!q) {
      if (node.type === 'paragraph' && !questions.length) intro.push(textOf(node));
      continue;
    }
    if (node.type === 'paragraph' && /^scale:/i.test(textOf(node)) && q.kind === 'text') {
      Object.assign(q, { kind: 'rating' }, readScale(textOf(node), spanOf(node, lines)));
    } else if (node.type === 'list' && q.kind === 'text') {
      q.kind = 'choice';
      q.options = node.children.map((i) => textOf(i)).filter(Boolean);
    }
  }
  return { intro: intro.join('\n\n'), questions };
}
