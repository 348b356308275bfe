import type { Survey } from '../model.js';
import { occasionLabel, readSurveyAnswers } from '../grading/survey-sheet.js';
import type { AnswerSheet } from '../grading/read-answer-sheet.js';
import type { ProgressRecord } from '../progress/records.js';
import type { OpenOccasion } from '../progress/survey-occasions.js';
import { escapeMarkdown } from '../text/markdown-escape.js';

export type SurveyOutcome =
  { ok: true; record: ProgressRecord; markdown: string } | { ok: false; message: string };

/**
 * A learner's answers to one occasion of a survey: recorded as they are, never graded. An
 * occasion not yet come (or not the survey's) is refused, so "twelve weeks after" holds
 * what learners said twelve weeks after.
 */
export function surveyOutcome(
  s: Survey,
  sheet: AnswerSheet,
  open: readonly OpenOccasion[],
  pr: number,
  sha: string,
  at: string,
): SurveyOutcome {
  const ids = s.ask.filter((o) => !o.problem).map((o) => o.id);
  const occasion = s.ask.find((o) => o.id === sheet.occasion && !o.problem);
  if (!occasion)
    return {
      ok: false,
      message: `Expected occasion: to be one of survey "${s.id}"'s occasions (${ids.join(', ')}); found ${sheet.occasion ? `"${sheet.occasion}"` : 'none'}. Recreate the sheet with "enablekit take ${s.id} --occasion <occasion>" as your invitation says.`,
    };
  if (!open.some((o) => o.survey.id === s.id && o.occasion.id === occasion.id))
    return {
      ok: false,
      message: `Expected survey "${s.id}" to ask ${occasionLabel(occasion)} once that time has come for you; found it has not yet. Your progress issue gets an invitation when it does; keep this sheet until then.`,
    };
  const read = readSurveyAnswers(sheet.body, s);
  if (read.problems.length) return { ok: false, message: read.problems.join(' ') };
  return {
    ok: true,
    record: {
      learner: sheet.learner,
      checkpoint: s.id,
      kind: 'survey',
      pr,
      sha,
      at,
      passed: false,
      occasion: occasion.id,
      answers: read.answers,
    },
    markdown: `**Feedback: ${escapeMarkdown(s.title, 120)}** (${occasionLabel(occasion)}): recorded, thank you. It is not graded; the enablement team reads it to improve the training. You can close this pull request.`,
  };
}
