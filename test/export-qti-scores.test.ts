import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dedent } from '../core/text/dedent.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import { plainMatcher, scoreQuestion } from '../core/grading/grade-question.js';
import { matchOptions } from '../core/grading/match-options.js';
import type { Question } from '../core/model.js';
import { quizOf } from './helpers/grade-sheet.js';
import { scoreItem, type Response } from './helpers/qti-score.js';

/**
 * Every exported item, scored by a QTI response processor, earns what enablekit's grading
 * gives the same answer: over random ticks, texts, numbers and pairings, not a few examples.
 */
const QUIZ = quizOf(dedent`
  ## Priority for all users blocked?
  <!-- question id=priority type=single weight=2 -->

  - [x] P1
  - [ ] P2 (credit 50%)
  - [ ] P3

  ## Which are severities?
  <!-- question id=severities type=multiple -->

  - [x] P1
  - [x] P2
  - [ ] Q7
  - [ ] Z9

  ## Which are prime?
  <!-- question id=primes type=multiple weight=3 -->

  - [x] 2 (credit 50%)
  - [x] 3 (credit 50%)
  - [ ] 4 (credit -50%)
  - [ ] 6 (credit -25%)

  ## Which are ours?
  <!-- question id=ours type=multiple scoring=all-or-nothing -->

  - [x] Grafana
  - [ ] Excel
  - [x] PagerDuty

  ## The request header?
  <!-- question id=header type=text -->

  Accepted answers:

  - \`X-Request-Id\`
    > Right.
  - \`Request-Id\` (credit 50%)
    > Close: the header has an X- prefix.
  - \`rid\` (credit 25%)
  - Any other answer
    > Look at the response headers.

  ## Minutes until a P1 pages again?
  <!-- question id=repage type=numeric -->

  Answer: 15 ± 2.5

  ## Hours a P3 may wait?
  <!-- question id=wait type=numeric weight=2 -->

  Answer: 4..8

  ## Hours a P4 may wait?
  <!-- question id=p4 type=numeric -->

  Accepted numbers:

  - 72 (100%)
    > Three days.
  - 12..48 (50%)
    > Close: a P4 waits a day or two at least.
  - Any other answer
    > See the rota.

  ## Is the status page public?
  <!-- question id=public type=truefalse -->

  Answer: true

  ## Order the steps
  <!-- question id=steps type=ordering -->

  1. Read
  2. Triage
  3. Reply

  ## Match each tool to its job
  <!-- question id=tools type=matching weight=3 -->

  - Grafana → dashboards
  - PagerDuty → paging
  - Statuspage → status
  - → billing

  ## Match strictly
  <!-- question id=strict type=matching scoring=all-or-nothing -->

  - Grafana → dashboards
  - Kibana → dashboards
  - → paging

  ## Complete the rule
  <!-- question id=rule type=cloze weight=3 -->

  A P1 goes to the {1} queue and is answered within {2} minutes.

  - {1}
    - [ ] Tier 1
    - [x] Incident
    - [ ] Billing
  - {2}
    - \`15\`
    - \`fifteen\` (credit 50%)

  ## Complete the rule strictly
  <!-- question id=strict-rule type=cloze scoring=all-or-nothing -->

  A P1 goes to the {1} queue and is answered within {2} minutes.

  - {1}
    - [ ] Tier 1
    - [x] Incident
  - {2}
    - \`15\`
`);

const { files, notExported } = qtiFromQuiz(QUIZ);
const itemOf = (id: string) => files.find((f) => f.path === `items/q-${id}.xml`)!.text;
const question = (id: string) => QUIZ.questions.find((q) => q.id === id)!;
const NO_SPAN = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

function graded(key: Question, mine: Partial<Question>) {
  const r = scoreQuestion(key, { ...key, ...mine }, plainMatcher, 1).result;
  return { points: r.points, feedback: r.feedback };
}
/** The author's feedback among what the grade says (the grade adds its own notes, "earns 50%"). */
const authors = (q: Question, said: string[]) => {
  const written = new Set(
    [...q.accepted, ...(q.numbers ?? []), { feedback: q.otherFeedback }].flatMap((a) =>
      a.feedback ? [a.feedback.text] : [],
    ),
  );
  return said.filter((s) => written.has(s));
};
const round = (n: number) => Math.round(n * 1000) / 1000;
const agree = (
  id: string,
  response: Response | Record<string, Response>,
  mine: Partial<Question>,
) => {
  const q = question(id);
  const qti = scoreItem(itemOf(id), response);
  const ours = graded(q, mine);
  assert.equal(
    round(qti.score),
    ours.points,
    `${id}: QTI scores ${JSON.stringify(response)} ${qti.score}, enablekit ${ours.points}`,
  );
  return { qti, ours };
};

describe('QTI export scores as enablekit grades', () => {
  it('exports every question of the quiz', () => {
    assert.deepEqual(notExported, []);
  });

  for (const id of ['priority', 'severities', 'primes', 'ours'])
    it(`choices: ${id}, any ticks`, () => {
      const q = question(id);
      const single = q.type === 'single';
      fc.assert(
        fc.property(
          single
            ? fc
                .option(fc.nat(q.choices.length - 1), { nil: undefined })
                .map((i) => q.choices.map((_, n) => n === i))
            : fc.array(fc.boolean(), { minLength: q.choices.length, maxLength: q.choices.length }),
          (ticks) => {
            const ids = q.choices.filter((_, n) => ticks[n]).map((c) => `choice-${c.letter}`);
            agree(id, single ? (ids[0] ?? null) : ids, {
              choices: q.choices.map((c, n) => ({ ...c, checked: ticks[n]! })),
            });
          },
        ),
      );
    });

  it('text: each accepted answer in any case earns its credit and shows its feedback', () => {
    const q = question('header');
    const typed = fc.oneof(
      fc.constantFrom(...q.accepted.map((a) => a.value), 'X-Forwarded-For', 'nothing'),
      fc.stringMatching(/^[a-z-]{1,12}$/),
    );
    const anyCase = fc
      .tuple(typed, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }))
      .map(([t, up]) => [...t].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
    fc.assert(
      fc.property(anyCase, (t) => {
        const { qti, ours } = agree('header', t, { answerText: { value: t, span: NO_SPAN } });
        assert.deepEqual(qti.feedback, authors(question('header'), ours.feedback), t);
      }),
    );
  });

  for (const id of ['repage', 'wait', 'p4'])
    it(`numbers: ${id}, any number near the answers`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -20, max: 400 }).map((n) => n / 4),
          (n) => {
            const { qti, ours } = agree(id, n, { answerText: { value: String(n), span: NO_SPAN } });
            assert.deepEqual(qti.feedback, authors(question(id), ours.feedback), String(n));
          },
        ),
      );
    });

  for (const id of ['rule', 'strict-rule'])
    it(`cloze: ${id}, any choice and any typed answer in any case`, () => {
      const q = question(id);
      const [pick, typed] = q.blanks!;
      const word = fc
        .tuple(
          fc.oneof(
            fc.constantFrom('15', 'fifteen', '16', ''),
            fc.stringMatching(/^[a-z0-9]{1,8}$/),
          ),
          fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        )
        .map(([t, up]) => [...t].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));
      fc.assert(
        fc.property(
          fc.option(fc.nat(pick!.choices.length - 1), { nil: undefined }),
          word,
          (i, t) => {
            const picked = i === undefined ? null : `choice-${pick!.choices[i]!.letter}`;
            agree(
              id,
              { RESPONSE_1: picked, RESPONSE_2: t === '' ? null : t },
              {
                blanks: [
                  { ...pick!, choices: pick!.choices.map((c, n) => ({ ...c, checked: n === i })) },
                  { ...typed!, given: t },
                ],
              },
            );
          },
        ),
      );
    });

  it('true/false and an order, right or not', () => {
    agree('public', 'TRUE', { answerText: { value: 'true', span: NO_SPAN } });
    agree('public', 'FALSE', { answerText: { value: 'false', span: NO_SPAN } });
    const q = question('steps');
    agree('steps', ['choice-a', 'choice-b', 'choice-c'], { items: q.items });
    agree('steps', ['choice-b', 'choice-a', 'choice-c'], {
      items: [q.items[1]!, q.items[0]!, q.items[2]!],
    });
  });

  for (const id of ['tools', 'strict'])
    it(`matching: ${id}, any pairing`, () => {
      const q = question(id);
      const options = matchOptions(q);
      fc.assert(
        fc.property(
          fc.array(fc.nat(options.length - 1), {
            minLength: q.pairs!.length,
            maxLength: q.pairs!.length,
          }),
          (picks) => {
            agree(
              id,
              q.pairs!.map((p, i) => `prompt-${p.letter} answer-${picks[i]! + 1}`),
              { pairs: q.pairs!.map((p, i) => ({ ...p, answer: options[picks[i]!]! })) },
            );
          },
        ),
      );
    });
});
