import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseMkdocsQuiz } from '../core/interchange/parse-mkdocs-quiz.js';
import { quizzesFromMkdocsQuiz } from '../core/interchange/quiz-from-mkdocs-quiz.js';
import { cli, MODULE, tempWorkspace } from './helpers/cli.js';
import { dedent } from '../core/text/dedent.js';

/** A docs page with quizzes, as mkdocs-quiz's own docs write them (and one pre-1.0 block). */
const PAGE = dedent`
  ---
  quiz:
    shuffle_answers: true
  ---

  # Routing tickets

  <!-- mkdocs-quiz intro -->

  The syntax, shown as code, is not a quiz:

  \`\`\`markdown
  <quiz>
  Not a question.
  - [x] yes
  </quiz>
  \`\`\`

  <quiz>
  Testing the routing rules.
  Which queue takes a billing question?

  - [ ] Tier 2
  > Tier 2 takes product faults.
  - [x] Billing
  > Right.
  - [ ] Security

  Billing questions go to **Billing**, whoever asks.

  \`\`\`yaml
  route: billing
  \`\`\`
  </quiz>

  === "Example"

      <quiz>
      Which tools page the on-call?
      * [x] PagerDuty
      * [] Email
      * [X] The phone bridge
      </quiz>

  <quiz>
  A P1 is answered within [[1 hour]].

  ---
  The clock starts when the ticket is opened.
  </quiz>

  <quiz>
  Support was founded by [[Ada]] in [[1843]].
  </quiz>

  <quiz>
  Pick one
  - [x] a

  > feedback after a blank line
  - [ ] b
  </quiz>

  <quiz>
  - [x] an answer without a question
  </quiz>

  <quiz>
  Nothing is right
  - [ ] a
  - [ ] b
  </quiz>

  <?quiz?>
  question: Which are escalation paths?
  answer-correct: The on-call
  answer: The newsletter
  answer-correct: The incident channel
  content:
  <p>Both reach someone who can act <em>now</em>.</p>
  <?/quiz?>

  <!-- mkdocs-quiz results -->

  <quiz>
  ![The routing board](img/board.png)

  ### Look at the board

  Which lane is Billing?
  - [x] The left lane
  - [ ] The right lane
  </quiz>

  <quiz>
  Which step comes first?

  1. Read
  2. Route

  - [x] Read
  - [ ] Route
  </quiz>

  <quiz>
  Left open
  - [x] a
`;

describe('mkdocs-quiz: reading a page as the plugin does', () => {
  const { questions, problems } = parseMkdocsQuiz(PAGE);

  it('reads each quiz block outside code as a question, with its line', () => {
    assert.deepEqual(
      questions.map((q) => [q.line, q.body.kind, q.question.split('\n').at(-1)]),
      [
        [19, 'choice', 'Which queue takes a billing question?'],
        [38, 'choice', 'Which tools page the on-call?'],
        [45, 'blank', 'A P1 is answered within _____.'],
        [52, 'blank', 'Support was founded by _____ in _____.'],
        [74, 'choice', 'Which are escalation paths?'],
        [85, 'choice', 'Which lane is Billing?'],
        [95, 'choice', '2. Route'],
      ],
    );
    const routing = questions[0]!;
    assert.deepEqual(
      routing.body.kind === 'choice' &&
        routing.body.answers.map((a) => [a.line, a.text, a.correct, a.feedback]),
      [
        [23, 'Tier 2', false, 'Tier 2 takes product faults.'],
        [25, 'Billing', true, 'Right.'],
        [27, 'Security', false, undefined],
      ],
    );
    assert.equal(
      routing.content,
      'Billing questions go to **Billing**, whoever asks.\n\n```yaml\nroute: billing\n```',
    );
    const tools = questions[1]!.body;
    assert.deepEqual(tools.kind === 'choice' && tools.answers.map((a) => a.correct), [
      true,
      false,
      true,
    ]);
    assert.deepEqual(questions[2]!.body, { kind: 'blank', blanks: ['1 hour'] });
    assert.equal(questions[2]!.content, 'The clock starts when the ticket is opened.');
    assert.equal(questions[4]!.content, '<p>Both reach someone who can act <em>now</em>.</p>');
  });

  it('names each block it cannot read, with its line and what to do, and reads on', () => {
    assert.deepEqual(
      problems.map((p) => [p.line, p.message.split(';')[0]]),
      [
        [56, 'Expected the feedback ("> …") right under its answer'],
        [64, 'Expected the question before the answers'],
        [68, 'Expected at least one answer ticked "[x]"'],
        [105, 'Expected </quiz> to close the quiz opened here'],
      ],
    );
  });

  it('reads a CRLF page with a byte-order mark the same', () => {
    assert.deepEqual(
      parseMkdocsQuiz(`\uFEFF${PAGE.replace(/\n/g, '\r\n')}`),
      parseMkdocsQuiz(PAGE),
    );
  });

  it('maps radio buttons, checkboxes (all or nothing, as the plugin counts them) and one blank to enablekit', () => {
    const { quizzes, skipped } = quizzesFromMkdocsQuiz(questions);
    assert.equal(quizzes.length, 1);
    assert.equal(quizzes[0]!.count, 5);
    const body = quizzes[0]!.body;
    assert.match(
      body,
      /## Testing the routing rules\. Which queue takes a billing question\?\n<!-- question id=testing-the-routing-rules-which-queue type=single -->\n\n- \[ \] Tier 2\n {2}> Tier 2 takes product faults\.\n- \[x\] Billing\n {2}> Right\.\n- \[ \] Security\n\n> Billing questions go to \*\*Billing\*\*, whoever asks\.\n>\n> ```yaml\n> route: billing\n> ```/,
    );
    assert.match(
      body,
      /type=multiple scoring=all-or-nothing -->\n\n- \[x\] PagerDuty\n- \[ \] Email\n- \[x\] The phone bridge/,
    );
    assert.match(
      body,
      /## A P1 is answered within _____\.\n<!-- question id=a-p1-is-answered-within type=text -->\n\nAccepted answers:\n\n- `1 hour`\n\n> The clock starts/,
    );
    assert.deepEqual(
      skipped.map((s) => [s.line, s.reason.split(' (')[0]]),
      [
        [52, 'a question with 2 blanks is not supported yet'],
        [95, 'the list in its text'],
      ],
    );
  });

  it('never throws, and accounts for every quiz block as a question or a problem on its line', () => {
    const line = fc.constantFrom(
      '<quiz>',
      '</quiz>',
      '<quiz>Q [[a]]</quiz>',
      '    <quiz>',
      'Question?',
      '- [x] a',
      '- [ ] b',
      '* [X] c',
      '- [y] d',
      '-[x] e',
      '> feedback',
      '',
      '---',
      '[[blank]]',
      '[[',
      ']]',
      '```',
      '<?quiz?>',
      '<?/quiz?>',
      'question: q',
      'answer-correct: a',
      'answer: b',
      'content:',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const r = parseMkdocsQuiz(lines.join('\n'));
        const mapped = quizzesFromMkdocsQuiz(r.questions);
        assert.equal(
          mapped.quizzes.reduce((n, q) => n + q.count, 0) + mapped.skipped.length,
          r.questions.length,
        );
        // Blocks: an opening tag outside code, up to its closing tag (or just its line, unclosed).
        const blocks: number[] = [];
        let fence = false;
        for (let i = 0; i < lines.length; i++) {
          const l = lines[i]!.trim();
          if (fence) fence = l !== '```';
          else if (l === '```') fence = true;
          else if (l.startsWith('<quiz>') || l.startsWith('<?quiz?>')) {
            blocks.push(i + 1);
            const close = l.startsWith('<quiz>') ? '</quiz>' : '<?/quiz?>';
            if (l.includes(close)) continue;
            const end = lines.findIndex((x, k) => k > i && x.includes(close));
            if (end > 0) i = end;
          }
        }
        assert.deepEqual(
          [...r.questions.map((q) => q.line), ...r.problems.map((p) => p.line)].sort(
            (a, b) => a - b,
          ),
          blocks,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('enablekit import --from mkdocs-quiz', () => {
  it('writes one quiz per page that lints with no problems, and names every question it did not import', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\nroles:\n  support:\n    title: Support\n',
      'onboarding/triage.md': MODULE('triage'),
      'site/docs/routing.md': PAGE.replace(/\n/g, '\r\n'),
      'site/docs/img/board.png': '',
    });
    const r = cli(
      [
        'import',
        'site/docs/routing.md',
        '--from',
        'mkdocs-quiz',
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
      [52, 56, 64, 68, 95, 105].map((n) => `site/docs/routing.md:${n}`),
    );
    assert.match(
      r.stderr,
      /:52: not imported: "Support was founded by _____ in": a question with 2 blanks/,
    );
    assert.match(r.stdout, /Imported 5 questions into 1 quiz:/);
    assert.deepEqual(readdirSync(join(dir, 'onboarding/quizzes')), ['routing.md']);
    const quiz = readFileSync(join(dir, 'onboarding/quizzes/routing.md'), 'utf8');
    assert.match(quiz, /^module: triage$/m);
    assert.match(
      quiz,
      /## Which lane is Billing\?\n<!-- question id=look-at-the-board-which type=single -->\n\n!\[The routing board\]\(\.\.\/\.\.\/site\/docs\/img\/board\.png\)\n\n\*\*Look at the board\*\*\n\n- \[x\] The left lane/,
      'the image still found from the quiz, its heading a bold line, the question its heading',
    );
    const lint = cli(['lint', 'onboarding'], dir);
    assert.equal(lint.code, 0, lint.stdout + lint.stderr);
    assert.match(lint.stdout, /No problems\./);
  });
});
