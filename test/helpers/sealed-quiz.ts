import { parseFile } from '../../core/parse/parse-file.js';
import { answerSheetText } from '../../core/grading/sheet-template.js';
import type { Quiz } from '../../core/model.js';

export const SECRET = 'correct horse battery staple 42';
/** Every question type, with answers marked (ZEBRA-…) so a leak is easy to grep for. */
export const QUIZ = `---
type: quiz
id: sealed-quiz
title: Sealed quiz
module: basics
owner: lead
reveal_answers: never
---
# Sealed quiz

Answer every question.

## Which queue takes P1 tickets?
<!-- question id=p1 type=single -->

- [ ] Tier 1
  > ZEBRA-FEEDBACK: tier 1 is for how-to questions.
- [x] Incident

> ZEBRA-EXPLANATION: P1 means an outage.

## Which of these are customer data?
<!-- question id=data type=multiple -->

- [x] Email address
- [x] Order history
- [ ] Our status page

## Which header carries the request id?
<!-- question id=header type=text -->

Accepted answers:

- \`X-Zebra-Request\`

## Hours to the first reply on a P2?
<!-- question id=hours type=numeric -->

Answer: 4 ± 0.5

## Put the steps in order
<!-- question id=order type=ordering -->

1. Read the message
2. Find the impact
3. Set the priority
`;

export const quizOf = (text: string) =>
  parseFile('curricula/sealed-quiz.md', text).model.item as Quiz;

/** A sheet with every answer right, made from the sealed quiz (what the learner sees). */
export function rightSheet(sealed: Quiz, learner: string): string {
  let s = answerSheetText(sealed, learner)
    .replace('- [ ] Incident', '- [x] Incident')
    .replace('- [ ] Email address', '- [x] Email address')
    .replace('- [ ] Order history', '- [x] Order history');
  s = s
    .replace(
      /(## Which header carries the request id\?\n.*\n\n)Answer: /,
      '$1Answer: x-zebra-request',
    )
    .replace(/(## Hours to the first reply on a P2\?\n.*\n\n)Answer: /, '$1Answer: 4');
  return s.replace(
    /(## Put the steps in order\n.*\n\n)(?:\d\. .*\n)+/,
    '$11. Read the message\n2. Find the impact\n3. Set the priority\n',
  );
}
