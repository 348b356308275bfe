import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseQuizdown } from '../core/interchange/parse-quizdown.js';
import { quizzesFromQuizdown } from '../core/interchange/quiz-from-quizdown.js';
import { cli, MODULE, tempWorkspace } from './helpers/cli.js';
import { dedent } from '../core/text/dedent.js';

/** A quiz as quizdown's docs write them: options, hints, comments, code, math, a sequence. */
const QUIZ = dedent`
  ---
  primaryColor: steelblue
  shuffleQuestions: true
  passingGrade: 80
  ---

  Text before the first heading is not shown by quizdown.

  # Which priority is a full outage?

  > Think about how many users are blocked.

  1. [ ] P3
  1. [x] P1
      > Right: everyone is blocked.
  1. [ ] P2
      > P2 is for many users, not all.

  ## Which channels reach the on-call?

  ---
  shuffleAnswers: false
  ---

  Look at the **escalation** page.

  -   [x] PagerDuty
  -   [x] The phone bridge
  -   [ ] Email
      > Email is read the next day.

  ### What does \`curl -I\` print?

  \`\`\`sh
  # a heading inside code is not a question
  curl -I https://status.example.com
  \`\`\`

  - [x] The headers
  - [ ] The body

  #### Put the triage steps in order

  1. Read the whole message
  2. Find the impact
      > Impact first, always.
  3. Set the priority

  ## Two right answers on a numbered list

  1. [x] a
  1. [x] b

  ## A question without answers

  Nothing to pick.

  ## Still read after those

  - [ ] no
  - [x] yes

  ## Which is a P1?

  > - everyone is blocked
  > - there is no workaround

  1. [x] Both at once
  1. [ ] Either
`;

describe('quizdown: reading a quiz as quizdown-js does', () => {
  const { questions, problems } = parseQuizdown(QUIZ);
  const byLine = (line: number) => questions.find((q) => q.line === line)!;

  it('reads each heading as a question, its list deciding the type', () => {
    assert.deepEqual(
      questions.map((q) => [q.line, q.kind, q.heading]),
      [
        [9, 'single', 'Which priority is a full outage?'],
        [19, 'multiple', 'Which channels reach the on-call?'],
        [32, 'multiple', 'What does `curl -I` print?'],
        [42, 'sequence', 'Put the triage steps in order'],
        [58, 'multiple', 'Still read after those'],
        [63, 'single', 'Which is a P1?'],
      ],
    );
    assert.deepEqual(
      byLine(9).answers.map((a) => [a.line, a.text, a.correct, a.comment]),
      [
        [13, 'P3', false, undefined],
        [14, 'P1', true, 'Right: everyone is blocked.'],
        [16, 'P2', false, 'P2 is for many users, not all.'],
      ],
    );
    assert.equal(byLine(19).body, 'Look at the **escalation** page.');
    assert.match(byLine(32).body, /^```sh\n# a heading inside code is not a question\n/);
  });

  it('names what it cannot import with its line and why, and reads on', () => {
    assert.deepEqual(
      problems.map((p) => [p.line, p.message.split(';')[0]]),
      [
        [3, 'the option "shuffleQuestions: true": enablekit keeps the written order of questions.'],
        [4, `the option "passingGrade: 80": set pass_mark in the quiz's front matter.`],
        [
          49,
          'Expected exactly one answer ticked "[x]" in a single-choice question (a numbered list)',
        ],
        [54, 'Expected a list of answers under the question'],
      ],
    );
    assert.deepEqual(
      questions.flatMap((q) => q.left.map((l) => [l.line, l.what])),
      [[45, 'the comment under "Find the impact"']],
    );
    assert.deepEqual(
      [byLine(9).hint, byLine(9).hintLine],
      ['Think about how many users are blocked.', 11],
    );
  });

  it('reads a CRLF file with a byte-order mark, and an indented one, the same', () => {
    assert.deepEqual(parseQuizdown(`\uFEFF${QUIZ.replace(/\n/g, '\r\n')}`), parseQuizdown(QUIZ));
    const indented = QUIZ.split('\n')
      .map((l) => (l ? `    ${l}` : l))
      .join('\n');
    assert.deepEqual(parseQuizdown(indented), parseQuizdown(QUIZ));
  });

  it('maps single, multiple (all or nothing, as quizdown counts it) and sequence to enablekit', () => {
    const { quizzes, skipped } = quizzesFromQuizdown(questions);
    assert.equal(quizzes.length, 1);
    const body = quizzes[0]!.body;
    assert.match(
      body,
      /## Which priority is a full outage\?\n<!-- question id=which-priority-is-a-full-outage type=single -->\n\n<details><summary>Hint<\/summary>\n\nThink about how many users are blocked\.\n\n<\/details>\n\n- \[ \] P3\n- \[x\] P1\n {2}> Right: everyone is blocked\.\n- \[ \] P2\n {2}> P2 is for many users, not all\./,
    );
    assert.match(
      body,
      /<!-- question id=which-channels-reach-the-on-call type=multiple scoring=all-or-nothing -->\n\nLook at the \*\*escalation\*\* page\.\n\n- \[x\] PagerDuty/,
    );
    assert.match(
      body,
      /type=ordering -->\n\n1\. Read the whole message\n2\. Find the impact\n3\. Set the priority/,
    );
    assert.match(
      body,
      /<details><summary>Hint<\/summary>\n\n[^]*there is no workaround[^]*<\/details>/,
      'a hint with a list is a hint: its list is not read as answers',
    );
    assert.deepEqual(
      skipped.map((s) => [s.line, s.name, s.reason.split(':')[0]]),
      [[45, 'Put the triage steps in order', 'the comment under "Find the impact"']],
    );
  });

  it("reads a comment right under an answer at the line start as that answer's, as quizdown's demo writes it", () => {
    const r = parseQuizdown(
      [
        '# Which?',
        '',
        '- [x] ipv4',
        '> the ipv4 address',
        '- [x] ipv6',
        '- [ ] com',
        '',
        '> a hint',
      ].join('\n'),
    );
    assert.deepEqual(
      r.questions[0]!.answers.map((a) => [a.text, a.comment]),
      [
        ['ipv4', 'the ipv4 address'],
        ['ipv6', undefined],
        ['com', undefined],
      ],
    );
    assert.equal(r.questions[0]!.hint, 'a hint', 'after a blank line, a block quote is the hint');
  });

  it('reads only the ```quizdown blocks of a page that embeds them, with their lines in the page', () => {
    const page = [
      '# Routing (the lesson, not a question)',
      '',
      '```quizdown',
      '## Which queue takes billing?',
      '- [x] Billing',
      '- [ ] Tier 2',
      '```',
      '',
      '## More lesson',
      '',
      '~~~quizdown',
      '  ### Put in order',
      '  1. Read',
      '  2. Route',
      '~~~',
    ].join('\n');
    const r = parseQuizdown(page);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.questions.map((q) => [q.line, q.kind, q.heading, q.answers[0]!.line]),
      [
        [4, 'multiple', 'Which queue takes billing?', 5],
        [12, 'sequence', 'Put in order', 13],
      ],
    );
  });

  it('never throws, and accounts for every heading as a question or a problem on its line', () => {
    const line = fc.constantFrom(
      '# Q',
      '## Another',
      '#',
      '1. [x] a',
      '1. [ ] b',
      '2. step',
      '- [x] c',
      '- [ ] d',
      '* e',
      '- [ ]',
      '    > comment',
      '> hint',
      'text',
      '',
      '```',
      '~~~',
      '---',
      'passingGrade: 5',
      '   ',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const r = parseQuizdown(lines.join('\n'));
        quizzesFromQuizdown(r.questions);
        // Headings outside code and outside a closed --- options block.
        const headings: number[] = [];
        let fence: string | undefined;
        for (let i = 0; i < lines.length; i++) {
          const l = lines[i]!;
          if (fence) {
            if (l === fence) fence = undefined;
          } else if (l === '```' || l === '~~~') fence = l;
          else if (l === '---') {
            const end = lines.indexOf('---', i + 1);
            if (end > 0) i = end;
          } else if (l.startsWith('#')) headings.push(i + 1);
        }
        const read = [
          ...r.questions.map((q) => q.line),
          ...r.problems.map((p) => p.line).filter((n) => lines[n - 1]!.startsWith('#')),
        ].sort((a, b) => a - b);
        assert.deepEqual(read, headings);
      }),
      { numRuns: 500 },
    );
  });
});

describe('enablekit import --from quizdown', () => {
  it('writes one quiz per file that lints with no problems, and names every question and part it did not import', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\nroles:\n  support:\n    title: Support\n',
      'onboarding/triage.md': MODULE('triage'),
      'banks/triage-basics.quizdown': QUIZ.replace(/\n/g, '\r\n'),
    });
    const r = cli(
      [
        'import',
        'banks/triage-basics.quizdown',
        '--from',
        'quizdown',
        '--module',
        'triage',
        '--dir',
        'onboarding/quizzes',
      ],
      dir,
    );
    assert.equal(r.code, 1, 'some questions were not imported');
    assert.deepEqual(
      r.stderr
        .trim()
        .split('\n')
        .map((l) => l.split(': not imported: ')[0]),
      [3, 4, 45, 49, 54].map((n) => `banks/triage-basics.quizdown:${n}`),
    );
    assert.match(
      r.stdout,
      /Imported 6 questions into 1 quiz:\n {2}onboarding\/quizzes\/triage-basics\.md: 6 questions/,
    );
    assert.deepEqual(readdirSync(join(dir, 'onboarding/quizzes')), ['triage-basics.md']);
    const quiz = readFileSync(join(dir, 'onboarding/quizzes/triage-basics.md'), 'utf8');
    assert.match(quiz, /^module: triage$/m);
    assert.ok(!quiz.includes('\r'), 'written with LF');
    const lint = cli(['lint', '.'], dir);
    assert.equal(lint.code, 0, lint.stdout + lint.stderr);
    assert.match(lint.stdout, /No problems\./);
  });

  it('says so when a file holds no question of the format, as when --from names another', () => {
    const dir = tempWorkspace({
      'onboarding/triage.md': MODULE('triage'),
      'banks/support.gift': '::q::Is this GIFT?{T}\n',
    });
    const r = cli(
      ['import', 'banks/support.gift', '--from', 'quizdown', '--module', 'triage'],
      dir,
    );
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      "banks/support.gift: not imported: Expected quizdown questions (each under a heading, answers in a list); found none. Check that --from names the file's format.\n",
    );
    assert.match(r.stdout, /^Imported no questions\./);
  });

  it('names the formats it reads when --from is not one of them', () => {
    const dir = tempWorkspace({ 'q.md': QUIZ });
    const r = cli(['import', 'q.md', '--from', 'quizdwon', '--module', 'triage'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Expected --from gift\|quizdown\|mkdocs-quiz; found "quizdwon"/);
  });
});
