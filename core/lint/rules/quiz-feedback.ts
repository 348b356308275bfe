import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const quizFeedback: Rule = {
  meta: {
    id: 'quiz-feedback',
    description:
      'Question markup is well formed: feedback sits under a real choice, choice lists have checkboxes, accepted numbers are numbers, question comments are valid.',
    severity: 'error',
    rationale:
      'Feedback that is not attached to a choice is never shown, and a list item without a checkbox cannot be ticked by a learner.',
    reach: 'file',
  },
  examples: [
    {
      title: 'Feedback under a list item that is not a choice',
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

          ## Which queue takes P1 tickets?
          <!-- question id=p1 type=single weight=two -->

          - [x] Incident
          - Tier 1
            > Tier 1 handles routine tickets.
        `,
      },
      expect: [
        { at: 'q.md:11', message: 'Expected weight= to be a positive number; found "two"' },
        { at: 'q.md:14', message: 'Expected feedback to sit under a choice' },
      ],
    },
    {
      title: 'A misspelt attribute and a misspelt value in the question comment',
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

          ## Which numbers do customers judge us by?
          <!-- question id=numbers type=multiple wieght=2 scoring=all-or-nothin -->

          - [x] Time to first reply
          - [x] Time to resolution
          - [ ] Page load time
        `,
      },
      expect: [
        { at: 'q.md:11', message: 'found "wieght". Did you mean weight? Write weight=2.' },
        {
          at: 'q.md:11',
          message:
            'Expected scoring= to be partial or all-or-nothing; found "all-or-nothin". Did you mean all-or-nothing?',
        },
      ],
      suggested: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          ---
          # Q

          ## Which numbers do customers judge us by?
          <!-- question id=numbers type=multiple weight=2 scoring=all-or-nothing -->

          - [x] Time to first reply
          - [x] Time to resolution
          - [ ] Page load time
        `,
      },
    },
    {
      title: 'A length hint on a question that is not open, and one that is not a number',
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

          ## Which queue takes P1 tickets?
          <!-- question id=p1 words=50 -->

          - [x] Incident
          - [ ] Tier 1

          ## How would you tell a customer their P1 is not fixed yet?
          <!-- question id=p1-update type=open words=many -->
        `,
      },
      expect: [
        {
          at: 'q.md:11',
          message: 'Expected words= only on an open question (type=open)',
        },
        {
          at: 'q.md:17',
          message: 'Expected words= to be a whole number of words, such as words=150; found "many"',
        },
      ],
    },
    {
      title: 'Ticks written another way',
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

          ## Which queue takes P1 tickets?
          <!-- question id=p1 -->

          - [✓] Incident
          - [] Tier 1
        `,
      },
      expect: [
        { at: 'q.md:13', message: 'Expected [x] to tick a choice; found [✓]. Write [x].' },
        { at: 'q.md:14', message: 'Expected [ ] for a choice left empty; found []' },
      ],
      fixed: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          ---
          # Q

          ## Which queue takes P1 tickets?
          <!-- question id=p1 -->

          - [x] Incident
          - [ ] Tier 1
        `,
      },
    },
    {
      title:
        'Accepted numbers that are not numbers, a credit below 0, and "Any other answer" with nothing to say',
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

          ## Within how many hours does a P2 need a first reply?
          <!-- question id=p2 type=numeric -->

          Accepted numbers:

          - 4
          - four or five
          - 8..5
          - 24 (-50%)
          - Any other answer
        `,
      },
      expect: [
        { at: 'q.md:16', message: 'Expected an accepted number such as 4, 4 ± 0.5 or 1..5' },
        { at: 'q.md:17', message: 'Expected a range written smaller number first; found 8..5' },
        { at: 'q.md:18', message: 'Expected a credit from 0% to 100% on an accepted number' },
        { at: 'q.md:19', message: 'Expected feedback quoted under "Any other answer"' },
      ],
    },
    {
      title: 'Credits outside what a tick or an answer can earn',
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

          ## Which are prime?
          <!-- question id=primes type=multiple -->

          - [x] 2 (credit 150%)
          - [x] 3
          - [ ] 4

          ## Which header carries the request id?
          <!-- question id=header type=text -->

          Accepted answers:

          - \`X-Request-Id\`
          - \`Request-Id\` (credit -50%)
          - Any other answer
        `,
      },
      expect: [
        { at: 'q.md:13', message: "Expected a choice's credit from -100% to 100%; found 150%" },
        {
          at: 'q.md:23',
          message: "Expected an accepted answer's credit from 0% to 100%; found -50%",
        },
        { at: 'q.md:24', message: 'Expected feedback quoted under "Any other answer"' },
      ],
    },
    {
      title: 'A credit on "Any other answer", which would read as a literal answer',
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

          - \`X-Request-Id\`
          - Any other answer (credit 50%)
            > Close: look at the response headers.
        `,
      },
      expect: [
        {
          at: 'q.md:16',
          message: 'Expected "Any other answer" alone, with its feedback quoted under it',
        },
      ],
    },
    {
      title: 'A matching item without its arrow',
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

          ## Match each tool to its job
          <!-- question id=tools type=matching -->

          - Grafana → dashboards
          - PagerDuty paging
          - Stripe → billing
        `,
      },
      expect: [
        {
          at: 'q.md:14',
          message: 'Expected each item of a matching question to pair a prompt with its answer',
        },
      ],
    },
    {
      title: 'Feedback under a blank of a cloze question, which a blank does not show',
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

          ## A P1 goes to the {1} queue.
          <!-- question id=p1-queue type=cloze -->

          - {1}
            - [x] Incident
            - [ ] Tier 1
              > Tier 1 takes P3s.
        `,
      },
      expect: [
        {
          at: 'q.md:14',
          message:
            'Expected blank {1} to list only its choices or accepted answers; found feedback quoted under an answer',
        },
      ],
    },
    {
      title: 'Feedback under each choice',
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

          ## Which queue takes P1 tickets?
          <!-- question id=p1 -->

          - [x] Incident
            > Right: P1s page the on-call engineer.
          - [ ] Tier 1
            > Tier 1 handles routine tickets.
        `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz') continue;
      for (const q of item.questions)
        for (const p of q.markupProblems)
          ctx.report({
            file: item.file,
            span: p.span,
            message: p.message,
            ...(p.fix ? { fix: p.fix } : {}),
          });
    }
  },
};
