import type { QuizdownQuestion } from './parse-quizdown.js';
import {
  choiceList,
  firstWords,
  orderedList,
  quizzesOf,
  type ImportedQuiz,
  type QuestionDraft,
  type Skipped,
} from './quiz-markdown.js';

/**
 * quizdown questions as one enablekit quiz, each graded as quizdown grades it: single choice
 * as `single`; multiple choice, which quizdown counts right only for exactly the ticked set, as
 * `multiple` with `scoring=all-or-nothing`; a sequence as `ordering`. Answer comments become
 * per-choice feedback; the hint, a free hint under the question's text. What a
 * question holds that enablekit cannot (a comment on a sequence item) is named in `skipped`
 * with why; the question is imported without it.
 */
export function quizzesFromQuizdown(questions: QuizdownQuestion[]): {
  quizzes: ImportedQuiz[];
  skipped: Skipped[];
} {
  const drafts = questions.map((q): QuestionDraft => {
    // A free hint (format.md, Hints): collapsed under the text, it opens on a click on GitHub,
    // as quizdown's hint button does.
    // What is inside a hint is never read as the question's answers, so a list in it is safe.
    const hint = q.hint ? `<details><summary>Hint</summary>\n\n${q.hint}\n\n</details>` : undefined;
    const text = [q.heading, q.body, hint].filter(Boolean).join('\n\n');
    const choices = () =>
      choiceList(
        q.answers.map((a) => ({
          text: a.text,
          correct: a.correct,
          ...(a.comment ? { feedback: a.comment } : {}),
        })),
      );
    const base = { line: q.line, idFrom: firstWords(q.heading || text), text };
    switch (q.kind) {
      case 'single':
        return { ...base, type: 'single', answer: choices() };
      case 'multiple':
        return { ...base, type: 'multiple', allOrNothing: true, answer: choices() };
      case 'sequence':
        return { ...base, type: 'ordering', answer: orderedList(q.answers.map((a) => a.text)) };
    }
  });
  const skipped = questions.flatMap((q) =>
    q.left.map((l) => ({
      line: l.line,
      name: (q.heading || q.body).slice(0, 60),
      reason: `${l.what}: ${l.why}`,
    })),
  );
  return { quizzes: quizzesOf(drafts), skipped };
}
