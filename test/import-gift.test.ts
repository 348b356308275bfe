import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseGift } from '../core/interchange/parse-gift.js';
import { quizzesFromGift } from '../core/interchange/quiz-from-gift.js';
import { cli, MODULE, tempWorkspace } from './helpers/cli.js';
import { dedent } from '../core/text/dedent.js';

const BANK = dedent`
  // A bank from Moodle, as teachers write them.
  $CATEGORY: $course$/top/Support basics

  ::Grant's tomb::Who's buried in Grant's tomb?{
    ~Grant#He is not, strictly.
    ~Jefferson
    =no one#Right: it is a mausoleum.
    ####Grant and his wife lie above ground.
  }

  ::tf::The status page is public.{T#Look at the footer.#Yes.}

  // A missing word: the answers stand inside the sentence.
  A P1 is answered {~eventually =within the hour ~next week} by the on-call.

  ::header::Which header carries the request id?{=X-Request-Id =X-Req*}

  ::sla::Within how many hours does a P2 need a reply?{#4:0.5}

  ::range::Pick a severity between 1 and 5.{#1..5}

  $CATEGORY: $course$/top/Advanced

  ::match::Match the tool to its job.{=Grafana -> dashboards =PagerDuty -> paging = -> billing}

  ::primes::Which are primes?{~%50%2 ~%50%3 ~%-50%4 ~%-50%6}

  ::even::Which are even?{~%50%2 ~%50%4 ~%-100%5}

  ::essay::Describe your triage.{}

  ::esc::Which ratio is 1\\:2 in \\{braces\\}?{=a\\=b\\#c}

  ::fmt::[markdown]This **never** happens.{F}

  ::hours::How many hours may a P2 wait?{#
    =4:0.5#Right: four hours.
    =%50%6..8#That is the P3 window.
    =%0%24#A day is far too long.
    ~#Count the hours in the SLA table.
  }

  ::near::Which priority when all are blocked?{=P1 ~%50%P2#Close: P2 is for many. ~P3}

  ::hdr::Which header?{=X-Request-Id#Right. =%50%Request-Id#Close. =%0%*#Look it up.}
`;

describe('GIFT: reading a bank as Moodle does', () => {
  const { questions, problems } = parseGift(BANK);
  const byName = (name: string) => questions.find((q) => q.name === name)!;

  it('reads every question, with its line, name and category', () => {
    assert.deepEqual(problems, []);
    assert.equal(questions.length, 15);
    assert.deepEqual(questions.map((q) => [q.line, q.category?.split('/').at(-1)]).slice(0, 2), [
      [4, 'Support basics'],
      [11, 'Support basics'],
    ]);
    assert.equal(byName('match').category, '$course$/top/Advanced');
  });

  it('decides each type in Moodle order, with credits and feedback', () => {
    const grant = byName("Grant's tomb").body;
    assert.equal(grant.kind, 'multichoice');
    assert.deepEqual(
      grant.kind === 'multichoice' &&
        grant.answers.map((a) => [a.text.text, a.credit, a.feedback?.text]),
      [
        ['Grant', 0, 'He is not, strictly.'],
        ['Jefferson', 0, undefined],
        ['no one', 1, 'Right: it is a mausoleum.'],
      ],
    );
    assert.equal(
      byName("Grant's tomb").generalFeedback?.text,
      'Grant and his wife lie above ground.',
    );
    assert.deepEqual(byName('tf').body, {
      kind: 'truefalse',
      answer: true,
      wrongFeedback: { text: 'Look at the footer.', format: 'moodle' },
      rightFeedback: { text: 'Yes.', format: 'moodle' },
    });
    const primes = byName('primes').body;
    assert.deepEqual(
      primes.kind === 'multichoice' && [primes.multiple, primes.answers.map((a) => a.credit)],
      [true, [0.5, 0.5, -0.5, -0.5]],
    );
    assert.equal(byName('essay').body.kind, 'essay');
    const match = byName('match').body;
    assert.deepEqual(match.kind === 'match' && match.pairs.map((p) => [p.prompt.text, p.answer]), [
      ['Grafana', 'dashboards'],
      ['PagerDuty', 'paging'],
      ['', 'billing'],
    ]);
    const range = byName('range').body;
    assert.deepEqual(range.kind === 'numerical' && range.answers[0], {
      value: 3,
      tolerance: 2,
      range: [1, 5],
      credit: 1,
    });
  });

  it('puts a blank where a missing word stood, and keeps escapes and formats as written', () => {
    const missing = questions.find((q) => q.missingWord)!;
    assert.equal(missing.text.text, 'A P1 is answered _____ by the on-call.');
    assert.equal(byName('esc').text.text, 'Which ratio is 1:2 in {braces}?');
    const esc = byName('esc').body;
    assert.deepEqual(esc.kind === 'shortanswer' && esc.answers.map((a) => a.text.text), ['a=b#c']);
    assert.deepEqual(byName('fmt').text, { text: 'This **never** happens.', format: 'markdown' });
  });

  it('reads a CRLF file with a byte-order mark the same', () => {
    const crlf = parseGift(`\uFEFF${BANK.replace(/\n/g, '\r\n')}`);
    assert.deepEqual(crlf, parseGift(BANK));
  });

  it('names what it cannot read, with its line and what to do, and reads on', () => {
    const r = parseGift(
      dedent`
        ::open::An answer block never closed {=yes

        ::two::Two blocks {=a} and {=b}

        ::credit::Too much {~%150%a ~b}

        ::ok::Still read{=fine}
      `,
    );
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.message.split(';')[0]]),
      [
        [1, 'Expected the answers between { and }'],
        [3, 'Expected one answer block {…} per question'],
        [5, 'Expected a credit from -100% to 100%'],
      ],
    );
    assert.deepEqual(
      r.questions.map((q) => q.name),
      ['ok'],
    );
  });

  it('never throws, and accounts for every block as a question, a category or a problem', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '~',
      '=',
      '#',
      '::',
      '\\',
      '->',
      '%50%',
      '..',
      ':',
      '$CATEGORY:',
      '[html]',
      'a',
      ' ',
      '\n',
      '\n\n',
      '//',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const r = parseGift(text);
        const blocks = text
          .split(/\n\s*\n/)
          .map((b) =>
            b
              .split('\n')
              .filter((l) => !l.trim().startsWith('//'))
              .join('\n')
              .trim(),
          )
          .filter(Boolean);
        const categories = blocks.filter((b) => b.startsWith('$CATEGORY:')).length;
        assert.equal(r.questions.length + r.problems.length + categories, blocks.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('GIFT into enablekit quizzes', () => {
  it('maps what enablekit grades the same way, and names the rest with why', () => {
    const { quizzes, skipped } = quizzesFromGift(parseGift(BANK).questions);
    assert.deepEqual(
      quizzes.map((q) => [q.category?.split('/').at(-1), q.count]),
      [
        ['Support basics', 6],
        ['Advanced', 9],
      ],
    );
    // An essay is an open question, graded by a reviewer.
    assert.deepEqual(skipped, []);
    assert.match(
      quizzes[1]!.body,
      /## Describe your triage\.\n<!-- question id=essay type=open -->\n\n## /,
    );
    const basics = quizzes[0]!.body;
    assert.match(
      basics,
      /## The status page is public\.\n<!-- question id=tf type=single -->\n\n- \[x\] True\n {2}> Yes\.\n- \[ \] False\n {2}> Look at the footer\./,
    );
    assert.match(basics, /Answer: 1\.\.5\n/);
    assert.match(
      quizzes[1]!.body,
      /<!-- question id=match type=matching -->\n\n- Grafana → dashboards\n- PagerDuty → paging\n- → billing\n/,
    );
    assert.match(
      quizzes[1]!.body,
      /## This \*\*never\*\* happens\.\n<!-- question id=fmt type=truefalse -->\n\nAnswer: false\n/,
    );
    assert.match(
      quizzes[1]!.body,
      /Accepted answers:\n\n- `X-Request-Id`\n {2}> Right\.\n- `Request-Id` \(credit 50%\)\n {2}> Close\.\n- Any other answer\n {2}> Look it up\.\n/,
    );
    assert.match(
      quizzes[1]!.body,
      /type=multiple -->\n\n- \[x\] 2 \(credit 50%\)\n- \[x\] 4 \(credit 50%\)\n- \[ \] 5 \(credit -100%\)\n/,
    );
    assert.match(
      quizzes[1]!.body,
      /type=single -->\n\n- \[x\] P1\n- \[ \] P2 \(credit 50%\)\n {2}> Close: P2 is for many\.\n- \[ \] P3\n/,
    );
    assert.match(
      quizzes[1]!.body,
      /<!-- question id=hours type=numeric -->\n\nAccepted numbers:\n\n- 4 ± 0\.5\n {2}> Right: four hours\.\n- 6\.\.8 \(50%\)\n {2}> That is the P3 window\.\n- 24 \(0%\)\n {2}> A day is far too long\.\n- Any other answer\n {2}> Count the hours in the SLA table\.\n/,
    );
    assert.match(basics, /- `\/\^X-Req\.\*\$\/i`/);
    assert.match(basics, /\n> Grant and his wife lie above ground\./);
  });
});

describe('GIFT answers a learner could not type', () => {
  it('names an accepted answer with a backtick, which a sheet reads as code (quiz-key-passes would fail it)', () => {
    const { quizzes, skipped } = quizzesFromGift(
      parseGift('::cmd::Which command?{=run `x`}\n\n::plain::Plain?{=yes}\n').questions,
    );
    assert.deepEqual(
      skipped.map((x) => [x.line, x.name, x.reason.split(' (')[0]]),
      [[1, 'cmd', 'an accepted answer with a backtick']],
    );
    assert.equal(quizzes[0]!.count, 1);
  });
});

describe('GIFT credits a learner could game', () => {
  it('names a multiple-answer question whose wrong answers cost nothing: ticking every choice would earn 100%', () => {
    const { quizzes, skipped } = quizzesFromGift(
      parseGift(
        '::free::Which?{~%50%a ~%50%b ~c ~d}\n\n::costs::Which?{~%50%a ~%50%b ~%-50%c ~%-50%d}\n',
      ).questions,
    );
    assert.deepEqual(
      skipped.map((x) => [x.line, x.name, x.reason.split(',')[0]]),
      [[1, 'free', 'the wrong answers cost too little (all the credits add up to 100% or more)']],
    );
    assert.equal(quizzes[0]!.count, 1);
  });
});

describe('enablekit import --from gift', () => {
  const curricula = () =>
    tempWorkspace({
      'enablekit.yml': 'version: 1\nroles:\n  support:\n    title: Support\n',
      'onboarding/triage.md': MODULE('triage'),
      'banks/support.gift': BANK.replace(/\n/g, '\r\n'),
    });

  it('writes one quiz per category that lints with no problems, and names every question it did not import', () => {
    const dir = curricula();
    // A description is not a question: named, not imported.
    const bank = `${BANK}\n::intro::Read the SLA table first.\n`;
    writeFileSync(join(dir, 'banks/support.gift'), bank.replace(/\n/g, '\r\n'));
    const r = cli(
      [
        'import',
        'banks/support.gift',
        '--from',
        'gift',
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
      [`banks/support.gift:${bank.split('\n').length - 1}`],
    );
    assert.match(r.stderr, /"intro": a description \(text without answers\) is not a question/);
    assert.deepEqual(readdirSync(join(dir, 'onboarding/quizzes')).sort(), [
      'advanced.md',
      'support-basics.md',
    ]);
    const quiz = readFileSync(join(dir, 'onboarding/quizzes/support-basics.md'), 'utf8');
    assert.match(quiz, /^owner: alice$/m, "the module's owner keeps the quiz");
    assert.match(quiz, /^module: triage$/m);
    assert.ok(!quiz.includes('\r'), 'written with LF');
    const lint = cli(['lint', '.'], dir);
    assert.equal(lint.code, 0, lint.stdout + lint.stderr);
    assert.match(lint.stdout, /No problems\./);
  });

  it('overwrites nothing: a second import refuses, names the files, and writes nothing', () => {
    const dir = curricula();
    cli(
      ['import', 'banks/support.gift', '--from', 'gift', '--module', 'triage', '--dir', 'q'],
      dir,
    );
    writeFileSync(join(dir, 'q/advanced.md'), 'edited by the author\n');
    const again = cli(
      ['import', 'banks/support.gift', '--from', 'gift', '--module', 'triage', '--dir', 'q'],
      dir,
    );
    assert.equal(again.code, 2);
    assert.match(again.stderr, /found q\/advanced\.md\. Move or delete them.*nothing was written/);
    assert.equal(readFileSync(join(dir, 'q/advanced.md'), 'utf8'), 'edited by the author\n');
  });

  it('says what is missing: the format, the module, a readable file', () => {
    const dir = curricula();
    assert.match(
      cli(['import', 'banks/support.gift', '--module', 'triage'], dir).stderr,
      /Expected --from gift\|quizdown\|mkdocs-quiz; found none/,
    );
    assert.match(
      cli(['import', 'banks/support.gift', '--from', 'gift'], dir).stderr,
      /Expected --module <id>/,
    );
    assert.match(
      cli(['import', 'banks/none.gift', '--from', 'gift', '--module', 'triage'], dir).stderr,
      /Expected a readable file at banks\/none\.gift/,
    );
    const unknown = cli(
      ['import', 'banks/support.gift', '--from', 'gift', '--module', 'triag', '--dir', 'q'],
      dir,
    );
    assert.match(unknown.stderr, /Did you mean "triage"\?/);
    assert.ok(!existsSync(join(dir, 'q')), 'nothing written for an unknown module');
  });
});
