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
 * per-choice feedback. What a question shows that enablekit cannot (a hint) is named in
 * `skipped` with why; the question is imported without it.
 */
export function quizzesFromQuizdown(questions: QuizdownQuestion[]): {
  quizzes: ImportedQuiz[];
  skipped: Skipped[];
} {
  const drafts = questions.map((q): QuestionDraft => {
    const text = [q.heading, q.body].filter(Boolean).join('\n\n');
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
