import type { Rule } from '../rule.js';
import type { Question, Quiz } from '../../model.js';
import type { Config } from '../../config/config.js';
import { answerProblem } from './quiz-answer.js';
import { learnerSheetText } from '../../grading/learner-sheet.js';
import { readAnswerSheet } from '../../grading/read-answer-sheet.js';
import { gradeQuiz, policyFor } from '../../grading/grade-quiz.js';
import { answerPattern } from '../../grading/answer-pattern.js';
import type { Outcome } from '../../grading/types.js';
import { dedent } from '../../text/dedent.js';

/** The learner the key sheet is written for: a login no person has (it ends in a dash). */
const KEY_LEARNER = 'key-sheet-';

const OUTCOME: Record<Exclude<Outcome, 'right'>, string> = {
  partial: 'part of its credit',
  wrong: 'no credit: graded wrong',
  unanswered: 'no credit: read as not answered',
  changed: 'no credit: its choices read as changed',
  'not-a-number': 'no credit: its answer read as not a number',
  pending: 'no credit yet: it waits for a reviewer',
};

const onlyPatterns = (accepted: Question['accepted']) =>
  accepted.length > 0 && accepted.every((a) => answerPattern(a.value));
/** A text question (or a cloze blank) whose only accepted answers are patterns: no one answer can be written for it. */
const patternOnly = (q: Question) =>
  (q.type === 'text' && onlyPatterns(q.accepted)) ||
  (q.type === 'cloze' && (q.blanks ?? []).some((b) => onlyPatterns(b.accepted)));

/**
 * The quiz's key sheet (`take --answered`), graded as the Action grades a learner's: every
 * question whose key does not earn its full credit, with what the grader made of it.
 */
function keyShortfalls(quiz: Quiz, config: Config): { q: Question; found: string }[] {
  // Questions without an id, or sharing one, are quiz-question-id's to report: no sheet names them apart.
  const ids = quiz.questions.map((q) => q.id);
  if (ids.some((id, i) => !id || ids.indexOf(id) !== i)) return [];
  // An open question has no key: its key sheet leaves it empty, and a reviewer's mark is not the author's to check.
  const checked = quiz.questions.filter(
    (q) => q.type !== 'open' && !answerProblem(q) && !patternOnly(q),
  );
  if (checked.length === 0) return [];
  // A pool's key is checked whole: every question, whichever draw asks it (choices still shuffled).
  const whole: Quiz = { ...quiz };
  delete whole.draw;
  const text = learnerSheetText(whole, KEY_LEARNER, 1, {
    decimalMark: config.policies.decimalMark,
  });
  const read = readAnswerSheet(text, Number.MAX_SAFE_INTEGER);
  if (!read.ok)
    return [
      { q: checked[0]!, found: `the key sheet refused at its line ${read.line}: ${read.message}` },
    ];
  const graded = gradeQuiz({
    sheet: read.sheet,
    quiz: whole,
    policy: { ...policyFor(quiz, config), attempts: Number.MAX_SAFE_INTEGER },
    prior: [],
    now: '2000-01-01T00:00:00Z',
    // The key writes a plain accepted answer, which matches without running any pattern.
    match: () => false,
    keyApplied: true,
    attemptFromSheet: true,
  });
  if (!graded.ok)
    return [{ q: checked[0]!, found: `the key sheet refused: ${graded.refusal.message}` }];
  const byId = new Map(graded.grade.questions.map((r) => [r.id, r]));
  return checked.flatMap((q) => {
    const r = byId.get(q.id ?? '');
    if (!r || r.outcome === 'right') return [];
    const why = r.feedback.length ? ` (${r.feedback.join(' ')})` : '';
    return [{ q, found: `${OUTCOME[r.outcome]}${why}` }];
  });
}

export const quizKeyPasses: Rule = {
  meta: {
    id: 'quiz-key-passes',
    description:
      "A quiz's own key sheet (every right answer, as `take --answered` writes it) grades 100%.",
    severity: 'error',
    rationale:
      'A key the grader does not accept fails every learner who gives the right answer, and nobody finds out until a learner does. Grading the key as the Action would catches it while the author is writing.',
    reach: 'file',
  },
  examples: [
    {
      title: 'An accepted answer that is empty can never be given',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          ---
          # Q

          ## Which header carries the request id?
          <!-- question id=header type=text -->

          Accepted answers:

          - \` \`
        `,
      },
      expect: [
        {
          at: 'q.md:10',
          message: `Expected the quiz's key sheet to earn full credit on "Which header carries the request id?"; found no credit: read as not answered`,
        },
      ],
    },
    {
      // The key sheet's own draw of one is `routing`: the whole pool is graded, so `header` is checked too.
      title: 'A pool is checked whole: every question, whichever draw asks it',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          draw: 1
          shuffle_choices: true
          ---
          # Q

          ## Which queue takes P1 tickets?
          <!-- question id=routing -->

          - [x] Incident
          - [ ] Tier 1

          ## Which header carries the request id?
          <!-- question id=header type=text -->

          Accepted answers:

          - \` \`
        `,
      },
      expect: [
        {
          at: 'q.md:18',
          message: `Expected the quiz's key sheet to earn full credit on "Which header carries the request id?"; found no credit: read as not answered`,
        },
      ],
    },
    {
      title: 'A key that passes: nothing to report',
      files: {
        'enablekit.yml': 'version: 1\npolicies:\n  decimal_mark: ","\n',
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          ---
          # Q

          ## How many hours?
          <!-- question id=hours type=numeric -->

          Answer: 4.5 ± 0.5 h

          ## Put them in order
          <!-- question id=steps type=ordering -->

          1. Read
          2. Triage
          3. Reply

          ## A P1 goes to the {1} queue and is answered within {2} minutes.
          <!-- question id=p1-rule type=cloze -->

          - {1}
            - [ ] Tier 1
            - [x] Incident
          - {2}
            - \`15\`
            - \`fifteen\`

          ## The {1} header carries the request id.
          <!-- question id=header type=cloze -->

          - {1}
            - \`/^x-req(uest)?-id$/i\`

          ## Why does a P2 get a reply within four hours?
          <!-- question id=p2-why type=open -->

          Rubric:

          - Names what the customer is waiting for
        `,
      },
      // The key sheet leaves an open answer empty: a reviewer grades it, so it is not the key's to earn.
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz' || (item.key && !item.keyApplied)) continue;
      for (const { q, found } of keyShortfalls(item, ctx.config))
        ctx.report({
          file: item.file,
          span: q.span,
          message: `Expected the quiz's key sheet to earn full credit on "${q.prompt}"; found ${found}. Check the question's answer: a learner who gives it would lose the credit too.`,
        });
    }
  },
};
