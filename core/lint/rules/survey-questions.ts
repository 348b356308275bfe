import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

const head = dedent`
  ---
  type: survey
  id: s
  title: S
  owner: alice
  track: t
  ask:
    - when: after
      weeks: 1
  ---
  # S

`;

export const surveyQuestions: Rule = {
  meta: {
    id: 'survey-questions',
    description:
      'A survey asks at least one question ("## " headings), and each rating has a scale from a lower to a higher number.',
    severity: 'error',
    rationale:
      'A survey with nothing to answer invites learners for nothing, and a scale written backwards or too wide makes every answer to it unreadable in the results.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A survey with no questions',
      files: { 's.md': `${head}Tell us how it went.\n` },
      expect: [{ at: 's.md:3', message: 'Expected survey "s" to ask at least one question' }],
    },
    {
      title: 'A rating scale written backwards',
      files: { 's.md': `${head}## How useful was it?\n\nScale: 5 (very) to 1 (not at all)\n` },
      expect: [
        { at: 's.md:15', message: "Expected a rating's scale from a lower to a higher number" },
      ],
    },
    {
      title: 'A scale line that names no numbers',
      files: { 's.md': `${head}## How useful was it?\n\nScale: from bad to good\n` },
      expect: [{ at: 's.md:15', message: "Expected a rating's scale written as" }],
    },
    {
      title: 'A rating, a choice and free text',
      files: {
        's.md': `${head}## How useful was it?\n\nScale: 1 (not useful) to 5 (very useful)\n\n## Which part helped most?\n\n- Lessons\n- Quizzes\n\n## What would you change?\n`,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'survey') continue;
      if (!item.questions.length)
        ctx.report({
          file: item.file,
          span: item.idSpan,
          message: `Expected survey "${item.id}" to ask at least one question (a "## " heading each); found none. Add a question: a "Scale: 1 to 5" line under it for a rating, a list for a choice, nothing for free text.`,
        });
      for (const q of item.questions)
        if (q.problem)
          ctx.report({ file: item.file, span: q.problem.span, message: q.problem.message });
    }
  },
};
