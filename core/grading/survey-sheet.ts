import type { Survey } from '../model.js';
import type { SurveyOccasion, SurveyQuestion } from '../survey-parts.js';
import type { SheetBody } from './read-answer-sheet.js';
import { textOf } from '../markdown/mdast-util.js';

/** Free text kept of one answer: the rest stays in the pull request, not in the progress issue. */
export const MAX_SURVEY_TEXT = 2000;
/** Free text kept of a whole response, so its record fits in one issue comment (65,536 characters) with room to spare. */
export const MAX_SURVEY_TOTAL = 20_000;

/** An occasion as people say it: "after module Triage", "a week after the track". */
export function occasionLabel(o: Pick<SurveyOccasion, 'when' | 'afterModule' | 'weeks'>): string {
  if (o.when === 'during') return `during the track, after module ${o.afterModule ?? ''}`;
  if (!o.weeks) return 'when the track is finished';
  return `${o.weeks === 1 ? 'a week' : `${o.weeks} weeks`} after the track`;
}

function hint(q: SurveyQuestion): string {
  if (q.kind === 'rating' && q.scale) {
    const end = (n: number, label?: string) => (label ? `${n} (${label})` : `${n}`);
    return `<!-- Write one number from ${end(q.scale.min, q.scale.minLabel)} to ${end(q.scale.max, q.scale.maxLabel)} below. -->\n\n`;
  }
  if (q.kind === 'choice')
    return `<!-- Tick one with [x]. -->\n\n${q.options.map((o) => `- [ ] ${o}`).join('\n')}\n\n`;
  return '<!-- Write your answer below. -->\n\n';
}

/** The blank sheet for one occasion of a survey: every question, none required. */
export function surveySheetText(s: Survey, learner: string, occasion: SurveyOccasion): string {
  const intro = s.intro ? `${s.intro}\n\n` : '';
  const questions = s.questions.map((q, i) => `## ${i + 1}. ${q.prompt}\n\n${hint(q)}`).join('');
  return (
    `---\ntype: answer-sheet\ncheckpoint: ${s.id}\nlearner: ${learner}\noccasion: ${occasion.id}\n---\n\n` +
    `# ${s.title}: ${occasionLabel(occasion)}\n\n${intro}` +
    'Not graded: answer what you like and leave the rest blank. Commit this file on a branch and open a pull request; your answers are recorded and the pull request closed.\n\n' +
    questions
  );
}

export type SurveyAnswer = number | string | null;

/**
 * A survey sheet's answers, one per question in the survey's order, or what is unclear in
 * it (a rating off its scale, two choices ticked), each saying what to do.
 */
export function readSurveyAnswers(
  body: SheetBody,
  s: Survey,
): { answers: SurveyAnswer[]; problems: string[] } {
  const sections: { line: number; nodes: (typeof body.tree.children)[number][] }[] = [];
  for (const node of body.tree.children) {
    if (node.type === 'heading' && node.depth === 2)
      sections.push({ line: node.position?.start.line ?? 1, nodes: [] });
    else if (node.type !== 'html' && node.type !== 'heading') sections.at(-1)?.nodes.push(node);
  }
  const problems: string[] = [];
  let budget = MAX_SURVEY_TOTAL;
  const answers = s.questions.map((q, i): SurveyAnswer => {
    const section = sections[i];
    if (!section) return null;
    const at = `line ${section.line}, question ${i + 1}`;
    if (q.kind === 'choice') {
      const ticked = section.nodes.flatMap((n) =>
        n.type === 'list' ? n.children.filter((c) => c.checked === true) : [],
      );
      if (ticked.length > 1) {
        problems.push(`${at}: expected one choice ticked; found ${ticked.length}. Keep one [x].`);
        return null;
      }
      if (!ticked.length) return null;
      const text = textOf(ticked[0]!);
      if (!q.options.includes(text)) {
        problems.push(
          `${at}: expected one of the choices as written (${q.options.join(', ')}); found "${text.slice(0, 80)}". Tick one of them without changing its text.`,
        );
        return null;
      }
      return text;
    }
    const text = section.nodes
      .map((n) => textOf(n))
      .join('\n\n')
      .trim();
    if (!text) return null;
    if (q.kind === 'rating' && q.scale) {
      const n = /^-?\d+$/.test(text) ? Number(text) : NaN;
      if (!(n >= q.scale.min && n <= q.scale.max)) {
        problems.push(
          `${at}: expected one number from ${q.scale.min} to ${q.scale.max}; found "${text.slice(0, 40)}". Write the number alone, or leave it blank.`,
        );
        return null;
      }
      return n;
    }
    const kept = text.slice(0, Math.min(MAX_SURVEY_TEXT, budget));
    budget -= kept.length;
    return kept || null;
  });
  if (!problems.length && answers.every((a) => a === null))
    problems.push(
      'Expected at least one question answered; found every one blank. Answer what you like, then push again.',
    );
  return { answers, problems };
}
