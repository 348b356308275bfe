import type { Question } from '../../model.js';
import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';
import { creditOf, hasChoiceCredits } from '../../grading/choice-credit.js';

const quiz = (comment: string, body: string) => dedent`
  ---
  type: quiz
  id: q
  title: Q
  module: m
  owner: alice
  ---
  # Q

  ## Which are prime?
  <!-- question id=primes ${comment} -->

  ${body}`;

const percent = (f: number) => `${Math.round(f * 1000) / 10}%`;

/** What is wrong with the credits written on a question's choices, each with the choice to point at. */
function creditProblems(q: Question): { at: Question['span']; message: string }[] {
  if (!hasChoiceCredits(q)) return [];
  const name = q.id ?? q.prompt;
  if (q.type !== 'single' && q.type !== 'multiple') return [];
  if (!q.partial)
    return [
      {
        at: q.metaSpan ?? q.span,
        message: `Expected no credits on the choices of question "${name}", which says scoring=all-or-nothing; found some, and they would not count. Remove scoring=all-or-nothing to grade by the credits, or remove the credits.`,
      },
    ];
  const out: { at: Question['span']; message: string }[] = [];
  for (const c of q.choices) {
    if (c.credit === undefined) continue;
    const at = c.span;
    const credit = percent(c.credit);
    if (q.type === 'single') {
      if (c.checked && c.credit !== 1)
        out.push({
          at,
          message: `Expected the ticked choice ${c.letter} of single-choice question "${name}" to be its right answer, worth the whole question; found (credit ${credit}). Untick it and tick the right one, or remove its credit.`,
        });
      else if (!c.checked && (c.credit < 0 || c.credit === 1))
        out.push({
          at,
          message:
            c.credit < 0
              ? `Expected choice ${c.letter} of single-choice question "${name}" to earn 0% or more; found (credit ${credit}). One tick earns its credit and a question earns at least 0%, so a negative credit counts as 0%: write (credit 0%) or remove it.`
              : `Expected choice ${c.letter} of single-choice question "${name}" to be ticked if it is worth the whole question; found it unticked with (credit 100%). Tick it, or make the question multiple choice.`,
        });
    } else if (c.checked && c.credit <= 0)
      out.push({
        at,
        message: `Expected ticked choice ${c.letter} of question "${name}" to earn credit; found (credit ${credit}). Untick it, or give it a positive credit.`,
      });
    else if (!c.checked && c.credit > 0)
      out.push({
        at,
        message: `Expected a choice that earns credit to be ticked; found choice ${c.letter} of question "${name}" unticked with (credit ${credit}). Tick it, or give it 0% or less.`,
      });
  }
  if (q.type === 'multiple') {
    const right = q.choices.reduce((sum, c) => sum + Math.max(0, creditOf(c)), 0);
    if (Math.abs(right - 1) > 0.001)
      out.push({
        at: q.span,
        message: `Expected the credits of the right choices of question "${name}" to add up to 100%; found ${percent(right)}, so ${right < 1 ? 'no answer earns the whole question' : 'a learner earns the whole question without ticking every right choice'}. Change the credits (a ticked choice with no credit written counts 100%).`,
      });
    // Ticks add up: unless wrong choices cost something, ticking every choice is a full answer.
    const all = q.choices.reduce((sum, c) => sum + creditOf(c), 0);
    if (all >= 1 - 0.001 && q.choices.some((c) => !c.checked))
      out.push({
        at: q.span,
        message: `Expected ticking every choice of question "${name}" to earn less than the whole question; found it earns 100%, since no wrong choice costs anything. Give the wrong choices a negative credit, such as (credit -50%), so that a learner who ticks everything without knowing earns nothing.`,
      });
  }
  return out;
}

export const quizChoiceCredit: Rule = {
  meta: {
    id: 'quiz-choice-credit',
    description:
      "The credits written on a question's choices grade it as the author means: right choices ticked, adding up to the whole question.",
    severity: 'error',
    rationale:
      'A choice credit that contradicts its tick, credits that add up to more or less than the whole question, or credits scoring=all-or-nothing ignores would grade learners otherwise than the author thinks, without a word.',
    reach: 'file',
  },
  examples: [
    {
      title: 'Wrong choices that cost nothing: ticking every choice earns the whole question',
      files: {
        'q.md': quiz(
          'type=multiple',
          dedent`
            - [x] 2 (credit 50%)
            - [x] 3 (credit 50%)
            - [ ] 4
            - [ ] 6
          `,
        ),
      },
      expect: [
        {
          at: 'q.md:10',
          message:
            'Expected ticking every choice of question "primes" to earn less than the whole question; found it earns 100%',
        },
      ],
    },
    {
      title: 'Credits that add up to less than the whole question, and one on an unticked choice',
      files: {
        'q.md': quiz(
          'type=multiple',
          dedent`
            - [x] 2 (credit 50%)
            - [ ] 3 (credit 25%)
            - [ ] 4 (credit -50%)
          `,
        ),
      },
      expect: [
        { at: 'q.md:10', message: 'to add up to 100%; found 75%' },
        {
          at: 'q.md:14',
          message: 'found choice b of question "primes" unticked with (credit 25%)',
        },
      ],
    },
    {
      title: 'Credits under scoring=all-or-nothing',
      files: {
        'q.md': quiz(
          'type=multiple scoring=all-or-nothing',
          dedent`
            - [x] 2 (credit 50%)
            - [x] 3 (credit 50%)
            - [ ] 4
          `,
        ),
      },
      expect: [{ at: 'q.md:11', message: 'which says scoring=all-or-nothing' }],
    },
    {
      title:
        'Right choices worth half each, wrong ones costing half, and a near miss on a single choice',
      files: {
        'q.md': dedent`
          ${quiz(
            'type=multiple',
            dedent`
              - [x] 2 (credit 50%)
              - [x] 3 (credit 50%)
              - [ ] 4 (credit -50%)
              - [ ] 6 (credit -50%)
            `,
          )}

          ## Which priority when everyone is blocked?
          <!-- question id=priority type=single -->

          - [x] P1
          - [ ] P2 (credit 50%)
            > Close: P2 is for many users, not all.
          - [ ] P3
        `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz' || (item.key && !item.keyApplied)) continue;
      for (const q of item.questions)
        for (const p of creditProblems(q))
          ctx.report({ file: item.file, span: p.at, message: p.message });
    }
  },
};
