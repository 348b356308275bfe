import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  parseConfig
} from "./chunk-ZRGVDCSS.js";
import {
  UsageError,
  configCandidates,
  toPosix
} from "./chunk-ZBVLYBTG.js";
import "./chunk-G2VFSW4V.js";
import {
  ITEM_TYPES
} from "./chunk-UHH7OAYF.js";
import "./chunk-B5AU765K.js";

// cli/new-command.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

// core/templates/new-item.ts
var titleOf = (id) => id.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
function freshness(o) {
  return `owner: ${o.owner ?? "your-github-login"}
covers: []
verified:
  version: ${o.productVersion ?? "1.0.0"}
  date: ${o.today}
review_every: 180d
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
pass_mark: 80
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

// cli/new-command.ts
function newCommand(a) {
  if (!a.type || !ITEM_TYPES.includes(a.type)) {
    throw new UsageError(`Expected "enablekit new <${ITEM_TYPES.join("|")}> <id>"; found type ${a.type ? `"${a.type}"` : "missing"}. Name one of those types.`);
  }
  if (!a.id || !/^[a-z0-9][a-z0-9-]*$/.test(a.id)) {
    throw new UsageError(`Expected an id of lowercase letters, digits and dashes, such as ticket-triage; found ${a.id ? `"${a.id}"` : "none"}. Pass one after the type.`);
  }
  const path = resolve(a.cwd, a.dir, `${a.id}.md`);
  if (existsSync(path)) throw new UsageError(`Expected no file at ${relative(a.cwd, path)}; found one already. Pick another id or delete that file; nothing was overwritten.`);
  mkdirSync(dirname(path), { recursive: true });
  const configPath = configCandidates(toPosix(dirname(path))).find((p) => existsSync(p));
  const productVersion = configPath ? parseConfig(configPath, readFileSync(configPath, "utf8")).productVersion : void 0;
  writeFileSync(path, newItemText(a.type, { id: a.id, today: a.today, ...a.owner ? { owner: a.owner } : {}, ...a.module ? { module: a.module } : {}, ...productVersion ? { productVersion } : {} }), { flag: "wx" });
  return `Created ${relative(a.cwd, path)}. Edit it, then run "enablekit lint".
`;
}
export {
  newCommand
};
