import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const invalidFile: Rule = {
  meta: {
    id: 'invalid-file',
    description:
      'Every content file is readable UTF-8 Markdown with YAML front matter and a known type.',
    severity: 'error',
    rationale:
      'A file enablekit cannot read is a lesson nobody sees and a checkpoint nobody can take; it is reported instead of skipped.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A file without front matter',
      files: {
        'notes.md': dedent`
        # Notes

        Some text.
      `,
      },
      expect: [{ at: 'notes.md:1', message: 'Expected YAML front matter' }],
    },
    {
      title: 'An unknown type',
      files: {
        'lesson.md': dedent`
        ---
        type: lesson
        id: intro
        ---
        # Intro
      `,
      },
      expect: [
        {
          at: 'lesson.md:2',
          message:
            'Expected type: to be one of track, module, quiz, scenario, reflection, survey; found "lesson"',
        },
      ],
    },
    {
      title: 'A misspelt type',
      files: {
        'intro.md': dedent`
        ---
        type: modul
        id: intro
        title: Intro
        owner: alice
        ---
        # Intro
      `,
      },
      expect: [
        {
          at: 'intro.md:2',
          message:
            'Expected type: to be one of track, module, quiz, scenario, reflection, survey; found "modul". Did you mean "module"?',
        },
      ],
      suggested: {
        'intro.md': dedent`
        ---
        type: module
        id: intro
        title: Intro
        owner: alice
        ---
        # Intro
      `,
      },
    },
    {
      title: 'Broken YAML',
      files: {
        'm.md': dedent`
        ---
        type: module
        id: [intro
        ---
        # Intro
      `,
      },
      expect: [{ at: 'm.md:3', message: 'Expected valid YAML front matter' }],
    },
    {
      title: 'A module with front matter',
      files: {
        'intro.md': dedent`
        ---
        type: module
        id: intro
        title: Intro
        owner: alice
        ---
        # Intro
      `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const model of ctx.index.files.values()) {
      for (const p of model.problems)
        if (p.code !== 'schema' && p.code !== 'answer-sheet')
          ctx.report({
            file: model.file,
            span: p.span,
            message: p.message,
            ...(p.fix ? { fix: p.fix } : {}),
          });
    }
    if (ctx.config.file)
      for (const p of ctx.config.problems)
        if (p.code !== 'schema')
          ctx.report({ file: ctx.config.file, span: p.span, message: p.message });
  },
};
