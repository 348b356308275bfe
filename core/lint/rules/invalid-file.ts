import type { Rule } from '../rule.js';

export const invalidFile: Rule = {
  meta: {
    id: 'invalid-file',
    description: 'Every content file is readable UTF-8 Markdown with YAML front matter and a known type.',
    severity: 'error',
    rationale: 'A file enablekit cannot read is a lesson nobody sees and a checkpoint nobody can take; it is reported instead of skipped.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A file without front matter',
      files: { 'notes.md': '# Notes\n\nSome text.\n' },
      expect: [{ at: 'notes.md:1', message: 'Expected YAML front matter' }],
    },
    {
      title: 'An unknown type',
      files: { 'lesson.md': '---\ntype: lesson\nid: intro\n---\n# Intro\n' },
      expect: [{ at: 'lesson.md:2', message: 'Expected type: to be one of track, module, quiz, scenario, reflection; found "lesson"' }],
    },
    {
      title: 'Broken YAML',
      files: { 'm.md': '---\ntype: module\nid: [intro\n---\n# Intro\n' },
      expect: [{ at: 'm.md:3', message: 'Expected valid YAML front matter' }],
    },
    {
      title: 'A module with front matter',
      files: { 'intro.md': '---\ntype: module\nid: intro\ntitle: Intro\nowner: alice\n---\n# Intro\n' },
      expect: [],
    },
  ],
  check(ctx) {
    for (const model of ctx.index.files.values()) {
      for (const p of model.problems) if (p.code !== 'schema' && p.code !== 'answer-sheet') ctx.report({ file: model.file, span: p.span, message: p.message });
    }
    if (ctx.config.file) for (const p of ctx.config.problems) if (p.code !== 'schema') ctx.report({ file: ctx.config.file, span: p.span, message: p.message });
  },
};
