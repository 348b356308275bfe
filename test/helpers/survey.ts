import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../../core/parse/parse-file.js';
import type { Survey } from '../../core/model.js';
import { surveySheetText } from '../../core/grading/survey-sheet.js';
import { ROOT } from './cli.js';

export const SURVEY_FILE = join(ROOT, 'test', 'fixtures', 'survey', 'support-feedback.md');
export const survey = () =>
  parseFile('support-feedback.md', readFileSync(SURVEY_FILE, 'utf8')).model.item as Survey;

/** ana's sheet for an occasion, answered: a rating, a choice and free text. */
export function answered(learner: string, occasion: string, rating = '4', text = 'More mocks.') {
  const s = survey();
  return surveySheetText(
    s,
    learner,
    s.ask.find((o) => o.id === occasion)!,
  )
    .replace(/(## 1\.[^\n]*\n\n<!--[^\n]*-->\n\n)/, `$1${rating}\n\n`)
    .replace('- [ ] Quizzes', '- [x] Quizzes')
    .replace(/(## 3\.[^\n]*\n\n<!--[^\n]*-->\n\n)/, `$1${text}\n`);
}
