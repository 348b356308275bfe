import type { SurveyQuestion } from '../survey-parts.js';
import { occasionLabel } from '../grading/survey-sheet.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import { dedupeRecords, type ProgressRecord } from './records.js';
import { escapeMarkdown } from '../text/markdown-escape.js';

export interface QuestionResult {
  prompt: string;
  kind: SurveyQuestion['kind'];
  /** How many answered it (a blank is no answer). */
  n: number;
  /** Rating: the mean of the answers, to two decimals. */
  mean?: number;
  /** Rating: how many gave each point of the scale; choice: how many picked each option. */
  distribution?: Record<string, number>;
  /** Text: each answer with who wrote it (learners are told their answers carry their login). */
  answers?: { learner: string; text: string }[];
}

export interface OccasionResult {
  id: string;
  label: string;
  /** Learners who answered this occasion (their latest answers count). */
  responses: number;
  questions: QuestionResult[];
}

export interface SurveyResult {
  survey: string;
  title: string;
  track: string;
  occasions: OccasionResult[];
}

/**
 * Each survey's answers, per occasion and question: a learner's latest response to an
 * occasion counts, once. Answers are kept by the question's place, so a question reworded
 * keeps its answers; one moved takes the answers of the place it moved to.
 */
export function surveyResults(
  index: WorkspaceIndex,
  records: readonly ProgressRecord[],
): SurveyResult[] {
  const latest = new Map<string, ProgressRecord>();
  for (const r of dedupeRecords(records))
    if (r.kind === 'survey' && r.occasion && Array.isArray(r.answers))
      latest.set(`${r.checkpoint}/${r.occasion}/${r.learner.toLowerCase()}`, r);
  const out: SurveyResult[] = [];
  for (const s of index.items()) {
    if (s.type !== 'survey') continue;
    out.push({
      survey: s.id,
      title: s.title,
      track: s.track,
      occasions: s.ask
        .filter((o) => !o.problem)
        .map((o) => {
          const rs = [...latest.values()].filter(
            (r) => r.checkpoint === s.id && r.occasion === o.id,
          );
          return {
            id: o.id,
            label: occasionLabel(o),
            responses: rs.length,
            questions: s.questions.map((q, i) => questionResult(q, rs, i)),
          };
        }),
    });
  }
  return out.sort((a, b) => a.survey.localeCompare(b.survey));
}

function questionResult(q: SurveyQuestion, rs: ProgressRecord[], i: number): QuestionResult {
  const given = rs.flatMap((r) => {
    const a = r.answers?.[i];
    return a === null || a === undefined ? [] : [{ learner: r.learner, a }];
  });
  const base = { prompt: q.prompt, kind: q.kind, n: given.length };
  if (q.kind === 'text')
    return {
      ...base,
      answers: given
        .map((g) => ({ learner: g.learner, text: String(g.a) }))
        .sort((a, b) => a.learner.localeCompare(b.learner)),
    };
  const distribution: Record<string, number> = {};
  if (q.kind === 'rating' && q.scale)
    for (let v = q.scale.min; v <= q.scale.max; v++) distribution[v] = 0;
  for (const o of q.options) distribution[o] = 0;
  for (const g of given) distribution[String(g.a)] = (distribution[String(g.a)] ?? 0) + 1;
  const numbers = given.map((g) => g.a).filter((a): a is number => typeof a === 'number');
  return {
    ...base,
    distribution,
    ...(q.kind === 'rating' && numbers.length
      ? { mean: Math.round((numbers.reduce((x, y) => x + y, 0) / numbers.length) * 100) / 100 }
      : {}),
  };
}

const counts = (d: Record<string, number> = {}) =>
  Object.entries(d)
    .map(([k, n]) => `${escapeMarkdown(k, 60)}: ${n}`)
    .join(', ');

/**
 * The results as Markdown. `full`: every free-text answer with its learner (the CLI, for
 * authors); otherwise how many wrote one, so the dashboard stays bounded and quotes no one.
 */
export function surveyResultsMarkdown(results: readonly SurveyResult[], full: boolean): string {
  if (!results.length) return 'No surveys in the curricula.';
  return results
    .map((s) => {
      const head = `### ${escapeMarkdown(s.title, 120)} (\`${s.survey}\`, track ${escapeMarkdown(s.track, 80)})`;
      const occasions = s.occasions.map((o) => {
        const lines = o.questions.map((q, i) => {
          const what =
            q.kind === 'rating'
              ? `${q.mean === undefined ? 'no answers' : `mean ${q.mean}`} (n=${q.n}; ${counts(q.distribution)})`
              : q.kind === 'choice'
                ? `n=${q.n}; ${counts(q.distribution)}`
                : `${q.n} written`;
          const texts =
            full && q.answers?.length
              ? `\n${q.answers.map((a) => `  - @${escapeMarkdown(a.learner, 40)}: ${escapeMarkdown(a.text.replace(/\s+/g, ' '), 2000)}`).join('\n')}`
              : '';
          return `- ${i + 1}. ${escapeMarkdown(q.prompt, 200)}: ${what}${texts}`;
        });
        return `**${escapeMarkdown(o.label, 80)}** (${o.id}): ${o.responses} response${o.responses === 1 ? '' : 's'}\n\n${lines.join('\n')}`;
      });
      return `${head}\n\n${occasions.join('\n\n')}`;
    })
    .join('\n\n');
}

/** The most the dashboard gives its survey section: the rest of the body is the cohort's. */
export const SURVEY_SECTION_LIMIT = 8000;

/**
 * The cohort dashboard's section on feedback: counts and means only (no one's words quoted
 * on an issue the whole repository reads), as many surveys as fit in SURVEY_SECTION_LIMIT,
 * then how many more there are and where to read them all. Empty without surveys.
 */
export function surveyDashboardSection(results: readonly SurveyResult[]): string {
  if (!results.length) return '';
  const head =
    '### Feedback on the training\n\nFrom the surveys, not graded. Free-text answers, with who wrote them: `enablekit progress --surveys`.';
  const parts = [head];
  let used = head.length;
  let shown = 0;
  for (const s of results) {
    const md = surveyResultsMarkdown([s], false);
    const more = `\n\n…and ${results.length - shown} more survey(s): \`enablekit progress --surveys\`.`;
    if (used + md.length + 2 + more.length > SURVEY_SECTION_LIMIT) {
      parts.push(more.trim());
      break;
    }
    parts.push(md);
    used += md.length + 2;
    shown++;
  }
  return parts.join('\n\n');
}
