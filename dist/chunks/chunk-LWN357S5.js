import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);

// core/templates/new-item.ts
var PLACEHOLDER_OWNER = "your-github-login";
var titleOf = (id) => id.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
function freshness(o) {
  return `owner: ${o.owner ?? PLACEHOLDER_OWNER}
covers: []
verified:
  version: ${o.productVersion ?? "1.0.0"}
  date: ${o.today}
`;
}
function newItemText(type, o) {
  const title = titleOf(o.id);
  const module = o.module ?? "module-id";
  switch (type) {
    case "track":
      return `---
type: track
id: ${o.id}
title: ${title}
roles: [${o.role ?? "support"}]
phase: foundation
modules:
  - ${o.module ?? "first-module"}
${freshness(o)}---

# ${title}

Who this track is for and what they can do at the end of it.
`;
    case "module":
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
    case "quiz":
      return `---
type: quiz
id: ${o.id}
title: ${title}
module: ${module}
${freshness(o)}---

# ${title}

## Which answer is right?
<!-- question id=first-question type=single -->

- [x] The right answer
  > Feedback shown to a learner who picks it.
- [ ] A wrong answer
  > Why it is wrong, without giving the right one away.
`;
    case "scenario":
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
    case "reflection":
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
  }
}

export {
  PLACEHOLDER_OWNER,
  newItemText
};
