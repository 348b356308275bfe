import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LintSession } from '../core/lint/lint-session.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { renderPreview } from '../core/render/render-preview.js';
import { sheetProgress } from '../core/grading/sheet-progress.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { parseFile } from '../core/parse/parse-file.js';
import type { Quiz } from '../core/model.js';
import { frontMatterCompletions, type KnownIds } from '../core/schema/front-matter-completion.js';
import { ROOT } from './helpers/cli.js';

const CONFIG = 'version: 1\nfeatures:\n  - id: inbox\n';
const mod = (id: string, extra = '') =>
  `---\ntype: module\nid: ${id}\ntitle: ${id}\nowner: lead\n${extra}---\n# ${id}\n`;

describe('the editor engine (core, as the extension drives it)', () => {
  it('a lint session updated one file at a time gives what a whole lint gives, cross-file problems included', () => {
    const session = new LintSession();
    session.setConfig(CONFIG);
    session.setFile('a.md', mod('a'));
    session.setFile('b.md', mod('b', 'prerequisites: [a]\n'));
    const clean = session.lint('2026-11-22').diagnostics;
    assert.deepEqual([...clean.values()].flat(), []);
    session.setFile('a.md', mod('a-renamed'));
    const after = session.lint('2026-11-22').diagnostics;
    assert.deepEqual(
      after.get('b.md')!.map((d) => d.ruleId),
      ['unknown-reference'],
      'b.md learns of the change without being read again',
    );
    assert.deepEqual(
      after.get('b.md'),
      lintInMemory(
        {
          'enablekit.yml': CONFIG,
          'a.md': mod('a-renamed'),
          'b.md': mod('b', 'prerequisites: [a]\n'),
        },
        '2026-11-22',
      ).diagnostics.filter((d) => d.file === 'b.md'),
    );
    session.removeFile('a.md');
    assert.equal(session.lint('2026-11-22').diagnostics.has('a.md'), false);
  });

  it('renders a lesson sanitized, with source lines, and a quiz as a form that carries no key when sealed', () => {
    const lesson = renderPreview(
      'm.md',
      `${mod('m')}\nHello <script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3))\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`,
    );
    assert.doesNotMatch(lesson.html, /<script|onerror|javascript:/i);
    assert.match(lesson.html, /<h1 data-line="7">m<\/h1>/);
    assert.match(lesson.html, /<table data-line="11">/, 'GFM tables, as on github.com');
    const quizText = readFileSync(
      join(ROOT, 'curricula', 'support-onboarding', 'triage-quiz.md'),
      'utf8',
    );
    const open = renderPreview('q.md', quizText);
    assert.match(open.html, /data-correct="true"/);
    const sealed = renderPreview(
      'q.md',
      quizText.replace('review_every: 120d', 'review_every: 120d\nkey: triage-quiz.key.enc'),
    );
    assert.doesNotMatch(sealed.html, /data-correct|data-feedback|data-accepted|data-value/);
    assert.match(sealed.html, /sealed/);
  });

  it('never lets model text through as markup', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        const text = `---\ntype: quiz\nid: q\ntitle: ${JSON.stringify(title)}\nmodule: m\n---\n## ${title.replace(/\n/g, ' ')}?\n<!-- question id=a -->\n\n- [x] ${title.replace(/\n/g, ' ')}\n- [ ] b\n`;
        const html = renderPreview('q.md', text).html;
        return !/<(script|img|iframe)\b/i.test(html.replace(/&#60;/g, ''));
      }),
      { numRuns: 200 },
    );
  });

  it("counts a sheet's answered questions and names the rest", () => {
    const quiz = parseFile(
      'q.md',
      readFileSync(join(ROOT, 'curricula', 'support-onboarding', 'triage-quiz.md'), 'utf8'),
    ).model.item as Quiz;
    const blank = answerSheetText(quiz, 'ana');
    const p = sheetProgress(blank, { quizOf: () => quiz })!;
    assert.equal(p.total, quiz.questions.length);
    assert.equal(p.answered, 0, 'ordering items as listed are not an answer');
    const one = sheetProgress(blank.replace('- [ ] ', '- [x] '), { quizOf: () => quiz })!;
    assert.equal(one.answered, 1);
    assert.equal(sheetProgress('# not a sheet'), undefined);
  });
});

describe('front-matter completion from the schemas', () => {
  const ids: KnownIds = (kind) =>
    ({
      module: ['intro', 'triage'],
      track: ['onboarding'],
      checkpoint: ['triage-quiz'],
      role: ['support'],
      feature: ['inbox'],
    })[kind];
  const labels = (line: string, type: string | undefined, present: string[] = []) =>
    frontMatterCompletions({ type, line, present, ids }).map((c) => c.label);

  it("offers the keys of the file's type not written yet, with their descriptions", () => {
    const keys = frontMatterCompletions({
      type: 'scenario',
      line: 'le',
      present: ['type', 'id'],
      ids,
    });
    assert.ok(
      keys.some(
        (k) => k.label === 'level' && k.detail === 'required' && k.insertText === 'level: ',
      ),
    );
    assert.ok(!keys.some((k) => k.label === 'id'), 'id is written already');
    assert.match(
      keys.find((k) => k.label === 'covers')!.documentation!,
      /Feature ids/,
      'descriptions followed through $ref',
    );
    assert.deepEqual(labels('', undefined), ['type'], 'without a type, the type first');
  });

  it("offers the values a key allows, and the workspace's ids for fields that name one", () => {
    assert.deepEqual(labels('type: ', undefined), [
      'track',
      'module',
      'quiz',
      'scenario',
      'reflection',
      'survey',
    ]);
    assert.deepEqual(labels('level: ', 'scenario'), ['beginner', 'advanced']);
    assert.deepEqual(labels('phase: fo', 'track'), ['foundation', 'advanced']);
    assert.deepEqual(labels('module: tr', 'quiz'), ['intro', 'triage']);
    assert.deepEqual(labels('prerequisites: [intro, ', 'module'), ['intro', 'triage']);
    assert.deepEqual(labels('prerequisites: [', 'scenario'), ['triage-quiz']);
    assert.deepEqual(labels('covers: [', 'module'), ['inbox']);
    assert.deepEqual(labels('title: A', 'module'), []);
    assert.deepEqual(labels('  - intro', 'track'), [], 'nested lines are left to the author');
  });
});
