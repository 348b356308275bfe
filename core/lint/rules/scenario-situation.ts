import type { Rule } from '../rule.js';

const SITUATION = /^situation\b/i;

export const scenarioSituation: Rule = {
  meta: {
    id: 'scenario-situation',
    description: 'A scenario has a "## Situation" section: what the learner walks into.',
    severity: 'error',
    rationale: 'The situation is the part of a mock a learner is given to act on; without it, learners are graded against a rubric for a scene nobody described.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A scenario with no situation',
      files: { 's.md': '---\ntype: scenario\nid: s\ntitle: S\nmodule: m\nlevel: beginner\nowner: alice\n---\n# S\n\n## Your task\n\nCalm the customer.\n\n## Rubric\n\n- [ ] Confirms the account (required)\n' },
      expect: [{ at: 's.md:3', message: 'Expected scenario "s" to have a "## Situation" section; found none (sections: Your task, Rubric)' }],
    },
    {
      title: 'A scenario with its situation',
      files: { 's.md': '---\ntype: scenario\nid: s\ntitle: S\nmodule: m\nlevel: beginner\nowner: alice\n---\n# S\n\n## Situation\n\nA customer cannot log in.\n\n## Rubric\n\n- [ ] Confirms the account (required)\n' },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'scenario' || item.sections.some((s) => SITUATION.test(s))) continue;
      const found = item.sections.length ? `none (sections: ${item.sections.join(', ')})` : 'no sections';
      ctx.report({ file: item.file, span: item.idSpan, message: `Expected scenario "${item.id}" to have a "## Situation" section; found ${found}. Add "## Situation" with what the learner walks into.` });
    }
  },
};
