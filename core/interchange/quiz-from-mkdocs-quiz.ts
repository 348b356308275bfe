import type { MkdocsQuizQuestion } from './parse-mkdocs-quiz.js';
import {
  choiceList,
  firstWords,
  listLine,
  quizzesOf,
  type ImportedQuiz,
  type QuestionDraft,
  type Skipped,
} from './quiz-markdown.js';

/** Thrown with what enablekit does not carry over yet, so the question is named, not bent. */
class NotYet extends Error {}

function answerPart(
  q: MkdocsQuizQuestion,
): Pick<QuestionDraft, 'type' | 'answer' | 'allOrNothing'> {
  const list = listLine(q.question);
  if (list !== undefined)
    throw new NotYet(
      `the list in its text ("${q.question.split('\n')[list]!.trim().slice(0, 40)}") would be read as its answers in enablekit, where a question's first list is its choices; write the list as sentences, then import again`,
    );
  const b = q.body;
  if (b.kind === 'blank') {
    const [only, ...more] = b.blanks;
    if (!only || more.length > 0)
      throw new NotYet(
        `a question with ${b.blanks.length} blanks is not supported yet (an enablekit text question takes one answer); split it into one question per blank`,
      );
    if (/^\/.*\/[a-z]*$/.test(only))
      throw new NotYet(
        `the answer "${only}" would read as a pattern /…/ in enablekit; write it as a text question by hand`,
      );
    // A backtick would end the inline code the answer is written in.
    if (only.includes('`'))
      throw new NotYet(
        `the answer "${only}" has a backtick, which an enablekit accepted answer (written as inline code) cannot hold yet`,
      );
    return { type: 'text', answer: `Accepted answers:\n\n- \`${only}\`` };
  }
  const right = b.answers.filter((a) => a.correct).length;
  const answer = choiceList(
    b.answers.map((a) => ({
      text: a.text,
      correct: a.correct,
      ...(a.feedback ? { feedback: a.feedback } : {}),
    })),
  );
  // Checkboxes count as right only when exactly the ticked answers are ticked: all or nothing.
  return right === 1
    ? { type: 'single', answer }
    : { type: 'multiple', allOrNothing: true, answer };
}

/**
 * A page's mkdocs-quiz questions as one enablekit quiz, each graded as the plugin grades it:
 * radio buttons as `single`, checkboxes as `multiple` with `scoring=all-or-nothing`, a single
 * blank as `text` (the plugin compares trimmed and case-insensitive, as enablekit does, which
 * also folds curly quotes and dashes). The content shown after submitting is the explanation.
 */
export function quizzesFromMkdocsQuiz(questions: MkdocsQuizQuestion[]): {
  quizzes: ImportedQuiz[];
  skipped: Skipped[];
} {
  const drafts: QuestionDraft[] = [];
  const skipped: Skipped[] = [];
  for (const q of questions) {
    try {
      drafts.push({
        line: q.line,
        idFrom: firstWords(q.question),
        text: q.question,
        ...answerPart(q),
        ...(q.content ? { explanation: q.content } : {}),
      });
    } catch (e) {
      if (!(e instanceof NotYet)) throw e;
      skipped.push({ line: q.line, name: firstWords(q.question), reason: e.message });
    }
  }
  return { quizzes: quizzesOf(drafts), skipped };
}
