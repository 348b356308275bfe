import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { parseFile, type ParsedFile } from '../core/parse/parse-file.js';
import { isCalendarDate } from '../core/text/calendar-date.js';
import { newItemText } from '../core/templates/new-item.js';
import { cli, MODULE, tempWorkspace } from './helpers/cli.js';

const TODAY = '2026-11-22';
const lint = (files: Record<string, string>) =>
  lintInMemory(files, TODAY).diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId} ${d.message}`);

describe('trust: an open block never hides content silently', () => {
  const question = (i: number) =>
    `## Question ${i}\n<!-- question id=q${i} -->\n\n- [x] Right\n- [ ] Wrong\n\n`;
  const quiz = (body: string) =>
    `---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n${body}`;
  const five = Array.from({ length: 5 }, (_, i) => question(i + 1)).join('');

  it('reports a fence left open in the second of five questions, with the questions it hides', () => {
    const text = quiz(five.replace('## Question 3', '```\n\n## Question 3'));
    const found = lint({ 'q.md': text }).filter((d) => d.includes('unclosed-block'));
    const line = text.split('\n').indexOf('```') + 1;
    assert.deepEqual(found, [
      `q.md:${line} unclosed-block Expected the code fence opened here to be closed with \`\`\`; found it open to the end of the file, hiding 3 questions. Close it with a line holding \`\`\`.`,
    ]);
  });

  it("gives an editor's incremental parse the same answer as a fresh one as a fence is opened and closed", () => {
    // Small pieces, so the document is parsed in many chunks and an edit re-parses a few.
    const chunkTarget = 256;
    let text = quiz(Array.from({ length: 40 }, (_, i) => question(i + 1)).join(''));
    let parsed: ParsedFile = parseFile('q.md', text, { chunkTarget });
    const step = (next: string) => {
      parsed = parseFile('q.md', next, { chunkTarget, previous: parsed.edit! });
      text = next;
      const fresh = parseFile('q.md', next, { chunkTarget }).model.item!;
      assert.deepEqual(parsed.model.item!.unclosed, fresh.unclosed);
      assert.equal(
        parsed.model.item!.type === 'quiz' && parsed.model.item!.questions.length,
        fresh.type === 'quiz' && fresh.questions.length,
      );
      return parsed.model.item!.unclosed;
    };
    assert.equal(parsed.model.item!.unclosed, undefined);
    const opened = step(text.replace('## Question 20\n', '~~~~\n## Question 20\n'));
    assert.deepEqual(
      opened && { kind: opened.kind, closer: opened.closer, sections: opened.sections },
      { kind: 'fence', closer: '~~~~', sections: 21 },
    );
    assert.equal(
      step(text.replace('## Question 30\n', '~~~~\n\n## Question 30\n')),
      undefined,
      'closed ten questions on',
    );
    // Not a comment: the next question's own <!-- question ... --> would close it.
    assert.equal(step(text.replace('## Question 5\n', '<pre>\n## Question 5\n'))?.closer, '</pre>');
    assert.equal(step(text.replace('<pre>\n', '<pre></pre>\n')), undefined);
  });

  it('warns, not fails, on a lesson left with an open comment, and reads the lesson as a lesson (its links only)', () => {
    const lesson = `---\ntype: module\nid: m\ntitle: M\nowner: alice\n---\n# M\n\n<!-- draft\n\n## Steps\n\nSee [the guide](https://example.com).\n`;
    const d = lintInMemory({ 'm.md': lesson }, TODAY).diagnostics;
    assert.deepEqual(
      d.map((x) => [x.line, x.severity, x.ruleId]),
      [[9, 'warning', 'lesson-unclosed-block']],
    );
    assert.match(
      d[0]!.message,
      /HTML comment opened here to be closed with -->; found it open to the end of the file, hiding 1 heading/,
    );
  });
});

describe('trust: dates that do not exist', () => {
  it('knows the calendar', () => {
    for (const d of ['2026-11-30', '2028-02-29', '2000-02-29', '2026-12-31'])
      assert.ok(isCalendarDate(d), d);
    for (const d of [
      '2026-11-31',
      '2027-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
    ])
      assert.ok(!isCalendarDate(d), d);
  });

  it('makes a window or verified date that is not on the calendar a schema error on its line', () => {
    const track =
      '---\ntype: track\nid: t\ntitle: T\nowner: alice\nroles: [support]\nwindow: {opens: 2027-01-04, due: 2027-02-29}\nmodules: [m]\nverified: {version: 1.0.0, date: 2026-11-31}\n---\n# T\n';
    const found = lint({ 't.md': track, 'm.md': MODULE('m') }).filter((d) =>
      d.includes(' schema '),
    );
    assert.deepEqual(found, [
      't.md:7 schema Expected window.due to be a date on the calendar (YYYY-MM-DD); found "2027-02-29", which does not exist. Correct the day or the month.',
      't.md:9 schema Expected verified.date to be a date on the calendar (YYYY-MM-DD); found "2026-11-31", which does not exist. Correct the day or the month.',
    ]);
  });
});

describe('trust: a role id that is not an id', () => {
  it('names the id, the allowed form and its line', () => {
    const found = lint({
      'enablekit.yml': 'version: 1\nroles:\n  support: {}\n  rôle-é:\n    title: Rôle\n',
    });
    assert.deepEqual(found, [
      'enablekit.yml:4 schema Expected each id under roles to be lowercase letters, digits and dashes, starting with a letter or digit (such as tier-2); found "rôle-é". Rename it, here and wherever it is used.',
    ]);
  });
});

describe('trust: templates leave policies to enablekit.yml', () => {
  it('writes no pass_mark nor review_every, so the policies apply', () => {
    const text = newItemText('quiz', { id: 'q', today: TODAY, module: 'm', owner: 'alice' });
    assert.doesNotMatch(text, /pass_mark|review_every/);
    const { index } = lintInMemory(
      {
        'enablekit.yml': 'version: 1\npolicies:\n  pass_mark: 70\n',
        'q.md': text,
        'm.md': MODULE('m'),
      },
      TODAY,
    );
    const quiz = index.item('q');
    assert.ok(quiz?.type === 'quiz' && quiz.passMark === undefined);
  });
});

describe('trust: the CLI (built)', () => {
  it('refuses a --today that is not on the calendar with a usage error', () => {
    const dir = tempWorkspace({ 'enablekit.yml': 'version: 1\n' });
    for (const day of ['2026-13-45', '2026-02-29']) {
      const r = cli(['lint', '--today', day], dir);
      assert.equal(r.code, 2, day);
      assert.equal(
        r.stderr,
        `enablekit: Expected --today to be a date on the calendar, YYYY-MM-DD; found "${day}". Pass a date such as 2026-11-22, or leave --today out for today.\n`,
      );
    }
    assert.equal(cli(['lint', '--today', '2028-02-29'], dir).code, 0);
  });

  it('new: a checkpoint takes the only module in --dir and says so, and needs --module when there are several', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\n',
      'triage/triage.md': MODULE('triage'),
      'other/a.md': MODULE('a'),
      'other/b.md': MODULE('b'),
    });
    const one = cli(['new', 'quiz', 'triage-quiz', '--dir', 'triage', '--owner', 'alice'], dir);
    assert.equal(one.code, 0, one.stderr);
    assert.match(
      one.stdout,
      /Set module: triage, the only module in triage; pass --module <id> to name another\./,
    );
    assert.match(readFileSync(join(dir, 'triage', 'triage-quiz.md'), 'utf8'), /\nmodule: triage\n/);
    const two = cli(['new', 'reflection', 'r', '--dir', 'other', '--owner', 'alice'], dir);
    assert.equal(two.code, 2);
    assert.equal(
      two.stderr,
      'enablekit: Expected --module <id> naming the module this reflection checks; found none given and 2 modules in other (a, b). Pass --module <id>.\n',
    );
    assert.ok(!existsSync(join(dir, 'other', 'r.md')), 'nothing written');
    const none = cli(
      ['new', 'scenario', 's', '--owner', 'alice'],
      tempWorkspace({ 'enablekit.yml': 'version: 1\n' }),
    );
    assert.equal(none.code, 2);
    assert.match(
      none.stderr,
      /found none given and no modules in the curricula \(\.\)\. Create one first with "enablekit new module <id>", then pass --module <id>\./,
    );
  });

  it('new: refuses a --module that names no module, with the known ones and a did-you-mean', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\n',
      'lessons/triage.md': MODULE('triage'),
      'lessons/escalations.md': MODULE('escalations'),
    });
    const r = cli(
      ['new', 'quiz', 'q', '--module', 'triag', '--dir', 'lessons', '--owner', 'alice'],
      dir,
    );
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'enablekit: Expected --module to name a module of the curricula in .; found "triag". Did you mean "triage"? Known modules: escalations, triage.\n',
    );
    assert.ok(!existsSync(join(dir, 'lessons', 'q.md')));
    assert.equal(cli(['new', 'track', 't', '--module', 'nope', '--owner', 'alice'], dir).code, 2);
  });

  it('new: leaves pass_mark to the policy, and a missing --owner is said and then flagged by lint', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\npolicies:\n  pass_mark: 70\n',
      'm.md': MODULE('m'),
    });
    const r = cli(['new', 'quiz', 'q', '--module', 'm'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /owner: is the placeholder "your-github-login"; replace it with a GitHub login or org\/team, or pass --owner <login>/,
    );
    assert.doesNotMatch(readFileSync(join(dir, 'q.md'), 'utf8'), /pass_mark/);
    const out = JSON.parse(cli(['lint', '--format', 'json'], dir).stdout) as {
      file: string;
      ruleId: string;
      message: string;
    }[];
    assert.deepEqual(
      out.map((d) => [d.file, d.ruleId, d.message]),
      [
        [
          'q.md',
          'missing-owner',
          'Expected quiz "q" to name its owner; found the template\'s placeholder "your-github-login". Replace it with a GitHub login or org/team.',
        ],
      ],
    );
  });
});
