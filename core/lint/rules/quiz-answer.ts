import type { Question } from '../../model.js';
import type { Rule } from '../rule.js';
import { answerPattern } from '../../grading/answer-pattern.js';
import { dedent } from '../../text/dedent.js';
import { blanksIn } from '../../parse/cloze-blanks.js';

/** The first number that comes a second time, if any. */
function firstRepeat(ns: number[]): number | undefined {
  const seen = new Set<number>();
  return ns.find((n) => seen.size === seen.add(n).size);
}

/**
 * Why a cloze question cannot be graded: its sentence and its blanks list must name the same
 * blanks, each once; a blank offers one right choice among two or more, or accepted answers of
 * which one is worth the whole blank.
 */
function clozeProblem(q: Question): string | undefined {
  const blanks = q.blanks ?? [];
  const marks = (q.sentence ?? []).flatMap((s) => blanksIn(s.text));
  if (!marks.length)
    return 'Expected a cloze question to mark its blanks in its heading or text as {1}, {2} …; found none. Write {1} where the first blank goes.';
  if (!blanks.length)
    return `Expected a cloze question to list each blank under its text ("- {1}" with its choices or accepted answers under it); found no list for ${marks.map((n) => `{${n}}`).join(', ')}. Add it.`;
  // Sets, not indexOf: a sentence may hold many blanks, and lint stays linear in its length.
  const twiceMarked = firstRepeat(marks);
  if (twiceMarked !== undefined)
    return `Expected each blank once in the text; found {${twiceMarked}} twice. Number the blanks {1}, {2} … in the order they come.`;
  const listed = blanks.map((b) => b.n);
  const twiceListed = firstRepeat(listed);
  if (twiceListed !== undefined)
    return `Expected each blank listed once; found "- {${twiceListed}}" twice. Merge their answers into one.`;
  const listedSet = new Set(listed);
  const markSet = new Set(marks);
  const unlisted = marks.find((n) => !listedSet.has(n));
  if (unlisted !== undefined)
    return `Expected blank {${unlisted}} of the text in the list under it; found no "- {${unlisted}}". Add it with its choices or accepted answers.`;
  const unmarked = listed.find((n) => !markSet.has(n));
  if (unmarked !== undefined)
    return `Expected blank {${unmarked}} of the list in the text; found no {${unmarked}} there. Write it where the blank goes, or remove its item.`;
  for (const b of blanks) {
    if (b.given)
      return `Expected blank {${b.n}}'s answers listed under it ("  - \`${b.given}\`"); found "${b.given}" after it, where a learner writes. Move it into the list under the blank.`;
    if (b.choices.length) {
      const right = b.choices.filter((c) => c.checked).length;
      if (b.choices.length < 2 || right !== 1)
        return `Expected blank {${b.n}} to offer at least 2 choices with exactly one ticked ("  - [x] …"); found ${b.choices.length} choices, ${right} ticked. A blank takes one choice.`;
    } else if (!b.accepted.length)
      return `Expected blank {${b.n}} to list its choices ("  - [x] …") or its accepted answers ("  - \`…\`") under it; found none. Add them.`;
    else if (!b.accepted.some((a) => (a.credit ?? 1) === 1))
      return `Expected one accepted answer of blank {${b.n}} worth the whole blank; found none. Take the credit off the right answer.`;
  }
  return undefined;
}

/** Why a question cannot be graded from its source, or undefined when it can. */
export function answerProblem(q: Question): string | undefined {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.choices.length < 2
        ? `Expected ${q.type}-choice question to offer at least 2 choices as a task list ("- [ ] ..."); found ${q.choices.length}. Add the choices.`
        : undefined;
    case 'text':
      return q.accepted.length === 0
        ? 'Expected a text question to list its accepted answers under "Accepted answers:"; found none. Add at least one.'
        : undefined;
    case 'numeric':
      return q.numeric || q.numbers?.length
        ? undefined
        : 'Expected a numeric question to give its answer as "Answer: 4", "Answer: 4 ± 0.5" or "Answer: 1..5", or its numbers under "Accepted numbers:"; found none. Add the answer line.';
    case 'matching': {
      const pairs = q.pairs ?? [];
      if (pairs.length < 2)
        return `Expected a matching question to pair at least 2 prompts with their answers ("- Grafana → dashboards"); found ${pairs.length}. Add the pairs.`;
      const empty = pairs.find((p) => p.answer.trim() === '');
      if (empty)
        return `Expected every prompt of a matching question to have its answer after the arrow; found none for prompt ${empty.letter}. Write it after the arrow.`;
      const seen = new Set<string>();
      const twice = pairs.find((p) => seen.size === seen.add(p.prompt.toLowerCase()).size);
      return twice
        ? `Expected each prompt of a matching question once; found prompt ${twice.letter} again. Merge them or tell them apart.`
        : undefined;
    }
    case 'cloze':
      return clozeProblem(q);
    case 'open': {
      // A key under an open question would never be used: a reviewer grades it against the rubric.
      const key = q.choices.length
        ? 'choices'
        : q.accepted.length
          ? 'accepted answers'
          : q.answerText
            ? 'an "Answer:" line'
            : q.pairs?.length
              ? 'pairs'
              : q.items.length
                ? 'items to order'
                : undefined;
      return key
        ? `Expected an open question to have no answer key (a reviewer grades it against its rubric, under "Rubric:"); found ${key}. Remove them, or give the question the type its key is for.`
        : undefined;
    }
    case 'truefalse':
      return q.truth
        ? undefined
        : 'Expected a true/false question to give its answer as "Answer: true" or "Answer: false"; found none. Add the answer line.';
    case 'ordering':
      return q.items.length < 2
        ? `Expected an ordering question to list at least 2 items as a numbered list in the right order; found ${q.items.length}. Add the items.`
        : undefined;
  }
}

export const quizAnswer: Rule = {
  meta: {
    id: 'quiz-answer',
    description:
      'Every question has what it needs to be graded: choices, accepted answers (valid patterns), a number, or items to order; an open question has no key (a reviewer grades it).',
    severity: 'error',
    rationale:
      'A question without an answer in the source (or the key file) cannot be graded, and an invalid pattern would fail every learner.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A text question with no accepted answers and one with a broken pattern',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          ---
          # Q

          ## Which header carries the request id?
          <!-- question id=header type=text -->

          ## Which command restarts the agent?
          <!-- question id=restart type=text -->

          Accepted answers:

          - \`/^agent restart(/\`
        `,
      },
      expect: [
        { at: 'q.md:10', message: 'Expected a text question to list its accepted answers' },
        { at: 'q.md:18', message: 'Expected a valid regular expression in question "restart"' },
      ],
    },
    {
      title: 'Every type with its answer',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          ---
          # Q

          ## Header?
          <!-- question id=header type=text -->

          Accepted answers:

          - \`X-Request-Id\`
          - \`/^x-req(uest)?-id$/i\`

          ## P2 response hours?
          <!-- question id=p2 type=numeric -->

          Answer: 4 ± 0.5

          ## Order the steps
          <!-- question id=steps type=ordering -->

          1. Acknowledge
          2. Reproduce

          ## The status page is public.
          <!-- question id=status-public type=truefalse -->

          Answer: true

          ## Match each tool to its job
          <!-- question id=tools type=matching -->

          - Grafana → dashboards
          - PagerDuty → paging
          - → billing

          ## A P1 goes to the {1} queue and gets a first reply within {2} minutes.
          <!-- question id=p1-rule type=cloze -->

          - {1}
            - [x] Incident
            - [ ] Tier 1
          - {2}
            - \`15\`
            - \`fifteen\`

          ## How would you tell a customer their P1 is not fixed yet?
          <!-- question id=p1-update type=open weight=2 -->

          Rubric:

          - Says what is known and what is not
          - Gives the time of the next update

          ## Why do we reply to a P2 within four hours?
          <!-- question id=p2-why type=essay words=150 -->
        `,
      },
      expect: [],
    },
    {
      title: 'An open question with an answer key, which no one would use',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          ---
          # Q

          ## How would you tell a customer their P1 is not fixed yet?
          <!-- question id=p1-update type=open -->

          - [x] Honestly
          - [ ] Not at all
        `,
      },
      expect: [{ at: 'q.md:10', message: 'Expected an open question to have no answer key' }],
    },
    {
      title: 'Cloze questions whose text and blanks list do not agree',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          ---
          # Q

          ## Complete the routing rule
          <!-- question id=routing type=cloze -->

          A P1 goes to the {1} queue and is answered within {2} minutes.

          - {1}
            - [x] Incident
            - [ ] Tier 1

          ## Which queue? {1}
          <!-- question id=queue type=cloze -->

          - {1}
            - [x] Incident
            - [x] Tier 1
        `,
      },
      expect: [
        { at: 'q.md:10', message: 'Expected blank {2} of the text in the list under it' },
        {
          at: 'q.md:19',
          message: 'Expected blank {1} to offer at least 2 choices with exactly one ticked',
        },
      ],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz' || (item.key && !item.keyApplied)) continue;
      for (const q of item.questions) {
        const problem = answerProblem(q);
        if (problem) ctx.report({ file: item.file, span: q.span, message: problem });
        for (const a of [...q.accepted, ...(q.blanks ?? []).flatMap((b) => b.accepted)]) {
          const m = answerPattern(a.value);
          if (!m) continue;
          try {
            new RegExp(m.source, m.flags);
          } catch (e) {
            ctx.report({
              file: item.file,
              span: a.span,
              message: `Expected a valid regular expression in question "${q.id ?? q.prompt}"; found ${a.value} (${(e as Error).message}). Fix the pattern, or drop the slashes to match plain text.`,
            });
          }
        }
      }
    }
  },
};
