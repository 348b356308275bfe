import type { ItemType } from '../model.js';

export interface TemplateOptions {
  id: string;
  today: string;
  owner?: string;
  module?: string;
  /** A survey's track. */
  track?: string;
  role?: string;
  productVersion?: string;
  /** The title, when not made from the id (an imported quiz keeps its category's name). */
  title?: string;
  /** A quiz's questions, in place of the one sample question (what `enablekit import` read). */
  questions?: string;
}

/** The owner a template writes when none was given: lint flags it until it is replaced. */
export const PLACEHOLDER_OWNER = 'your-github-login';

/** A title as a YAML value: plain when YAML reads it back the same, else double-quoted. */
const yamlTitle = (t: string) =>
  /^[\p{L}\p{N}][\p{L}\p{N} ,.'()&/-]*$/u.test(t) ? t : JSON.stringify(t);

const titleOf = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

// No review_every, nor a quiz's pass_mark: left out, enablekit.yml's policies apply.
function freshness(o: TemplateOptions): string {
  return `owner: ${o.owner ?? PLACEHOLDER_OWNER}
covers: []
verified:
  version: ${o.productVersion ?? '1.0.0'}
  date: ${o.today}
`;
}

const SAMPLE_QUESTION = `## Which answer is right?
<!-- question id=first-question type=single -->

- [x] The right answer
  > Feedback shown to a learner who picks it.
- [ ] A wrong answer
  > Why it is wrong, without giving the right one away.
`;

/** A new item that passes the schema: the text `enablekit new` writes and the editor's commands insert. */
export function newItemText(type: ItemType, o: TemplateOptions): string {
  const title = o.title ?? titleOf(o.id);
  const module = o.module ?? 'module-id';
  switch (type) {
    case 'track':
      return `---
type: track
id: ${o.id}
title: ${title}
roles: [${o.role ?? 'support'}]
phase: foundation
modules:
  - ${o.module ?? 'first-module'}
${freshness(o)}---

# ${title}

Who this track is for and what they can do at the end of it.
`;
    case 'module':
      return `---
type: module
id: ${o.id}
title: ${title}
duration: 20min
${freshness(o)}---

# ${title}

What the learner will be able to do after this lesson.

## Why it matters

## How to do it

## Try it
`;
    case 'quiz':
      return `---
type: quiz
id: ${o.id}
title: ${yamlTitle(title)}
module: ${module}
${freshness(o)}---

# ${title}

${o.questions ?? SAMPLE_QUESTION}`;
    case 'scenario':
      return `---
type: scenario
id: ${o.id}
title: ${title}
module: ${module}
level: beginner
submission: either
${freshness(o)}---

# ${title}

## Situation

What the customer says and what is going on.

## Your task

What the learner does in the role-play.

## Rubric

- [ ] Confirms the customer's problem in their own words (required)
- [ ] Sets a clear next step and time

## Reviewer notes

What to look for when grading.
`;
    case 'reflection':
      return `---
type: reflection
id: ${o.id}
title: ${title}
module: ${module}
min_words: 60
follow_up:
  after_weeks: 3
  prompt: How did the strategy work out?
${freshness(o)}---

# ${title}

- [ ] I have read the lesson

## Prompts

1. Share one strategy of your own, or one from the lesson you will adopt, and why.
`;
    case 'survey':
      return `---
type: survey
id: ${o.id}
title: ${yamlTitle(title)}
owner: ${o.owner ?? PLACEHOLDER_OWNER}
track: ${o.track ?? 'track-id'}
ask:
  - when: after
    weeks: 1
  - when: after
    weeks: 12
---

# ${title}

Your answers are not graded. The enablement team reads them with your login, so they can
follow up with you; tell them here what to keep and what to change.

## How useful was this track for your work?

Scale: 1 (not useful) to 5 (very useful)

## Which part helped you most?

- Lessons
- Quizzes
- Mock scenarios

## What would you change?
`;
  }
}
