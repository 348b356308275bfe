import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  PLACEHOLDER_OWNER
} from "./chunk-LWN357S5.js";
import {
  didYouMean,
  prerequisitesOf,
  slug
} from "./chunk-N6VMDUHI.js";

// core/lint/rules/answer-sheet.ts
var front = (learner, checkpoint = "triage-quiz") => `---
type: answer-sheet
checkpoint: ${checkpoint}
learner: ${learner}
---

# Triage quiz: answers

`;
var answerSheet = {
  meta: {
    id: "answer-sheet",
    description: `An answer sheet sits in its learner's folder under its checkpoint's name, and says plainly what the learner meant: [x] ticks, answers on the "Answer:" line, each question once, one tick on a single-choice question.`,
    severity: "error",
    rationale: "A sheet that names another learner, or whose ticks and answers can be read two ways, is not graded (or is graded wrong); saying so before the pull request costs the learner nothing."
  },
  examples: [
    {
      title: `Another learner's name, a tick written [\u2713], an answer below "Answer:" and two ticks on a single-choice question`,
      files: {
        "submissions/ana/triage-quiz.md": front("bob") + "## Which priority?\n<!-- question id=priority type=single -->\n\n- [\u2713] P1\n- [ ] P2\n\n## Within how many hours?\n<!-- question id=hours type=numeric -->\n\nAnswer:\n\n4\n\n## Which queue?\n<!-- question id=queue type=single -->\n\n- [x] Incident\n- [x] Tier 1\n"
      },
      expect: [
        { at: "submissions/ana/triage-quiz.md:4", message: "Expected learner: ana, the name of the sheet's folder" },
        { at: "submissions/ana/triage-quiz.md:12", message: "Expected [x] to tick a choice; found [\u2713]. Write [x]." },
        { at: "submissions/ana/triage-quiz.md:20", message: 'Expected the answer on the "Answer:" line; found "Answer:" empty and "4" below it' },
        { at: "submissions/ana/triage-quiz.md:22", message: 'Expected one tick on single-choice question "queue"; found 2 (a, b)' }
      ]
    },
    {
      title: "A question given twice",
      files: {
        "submissions/ana/triage-quiz.md": front("ana") + "## Which priority?\n<!-- question id=priority type=single -->\n\n- [ ] P1\n- [x] P2\n\n## Which priority?\n<!-- question id=priority type=single -->\n\n- [x] P1\n- [ ] P2\n"
      },
      expect: [{ at: "submissions/ana/triage-quiz.md:15", message: 'Expected question "priority" once in the sheet; found it again here, after line 9' }]
    },
    {
      title: 'A sheet as "enablekit take" writes it, answered',
      files: {
        "submissions/ana/triage-quiz.md": front("ana") + "## Which priority?\n<!-- question id=priority type=single -->\n\n- [x] P1\n- [ ] P2\n\n## Within how many hours?\n<!-- question id=hours type=numeric -->\n\nAnswer: 4\n"
      },
      expect: []
    }
  ],
  check(ctx) {
    for (const model of ctx.index.files.values()) {
      for (const p of model.problems) if (p.code === "answer-sheet") ctx.report({ file: model.file, span: p.span, message: p.message });
    }
  }
};

// core/lint/rules/broken-link.ts
import { posix } from "node:path";
var EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;
function resolveLink(dir, url) {
  if (!url || EXTERNAL.test(url)) return void 0;
  let target = url.replace(/[?#].*$/, "");
  try {
    target = decodeURIComponent(target);
  } catch {
  }
  return target.startsWith("/") ? posix.normalize(target.slice(1)) : posix.join(dir, target);
}
var targets = /* @__PURE__ */ new WeakMap();
function targetOf(link, dir) {
  let target = targets.get(link);
  if (target?.dir !== dir) targets.set(link, target = { dir, resolved: resolveLink(dir, link.url) });
  return target;
}
function exists(paths, resolved) {
  return paths.has(resolved) || resolved.endsWith("/") && paths.has(resolved.slice(0, -1));
}
var brokenLink = {
  meta: {
    id: "broken-link",
    description: "Relative links and images point at files that exist.",
    severity: "error",
    rationale: "A lesson that links to a renamed page or a missing screenshot breaks on github.com, in the preview and for every learner."
  },
  examples: [
    {
      title: "A link to a missing page and a missing image",
      files: {
        "intro.md": "---\ntype: module\nid: intro\ntitle: Intro\nowner: alice\n---\n# Intro\n\nRead [triage](./triage.md) first.\n\n![Queue view](img/queues.png)\n"
      },
      expect: [
        { at: "intro.md:9", message: 'Expected the link target "./triage.md" to exist; found no such file' },
        { at: "intro.md:11", message: 'Expected the image "img/queues.png" to exist; found no such file' }
      ]
    },
    {
      title: "Links that resolve, and external links",
      files: {
        "intro.md": "---\ntype: module\nid: intro\ntitle: Intro\nowner: alice\n---\n# Intro\n\nSee [triage](triage.md#queues), [the docs](https://example.com) and [below](#intro).\n",
        "triage.md": "---\ntype: module\nid: triage\ntitle: Triage\nowner: alice\n---\n# Triage\n"
      },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      const dir = posix.dirname(item.file);
      for (const link of item.links) {
        const target = targetOf(link, dir);
        if (target.resolved === void 0 || exists(ctx.index.knownPaths, target.resolved)) continue;
        const what = link.image ? `the image "${link.url}"` : `the link target "${link.url}"`;
        target.message ??= `Expected ${what} to exist; found no such file (looked for ${target.resolved}). Fix the path or add the file.`;
        ctx.report({ file: item.file, span: link.span, message: target.message });
      }
    }
  }
};

// core/lint/rules/duplicate-id.ts
var duplicateId = {
  meta: {
    id: "duplicate-id",
    description: "Every item id is used by one file only.",
    severity: "error",
    rationale: "Ids are how tracks, answer sheets and progress records name an item; two items with one id make every one of those ambiguous."
  },
  examples: [
    {
      title: "Two modules with the same id",
      files: {
        "a.md": "---\ntype: module\nid: intro\ntitle: A\nowner: alice\n---\n# A\n",
        "b.md": "---\ntype: module\nid: intro\ntitle: B\nowner: alice\n---\n# B\n"
      },
      expect: [
        { at: "a.md:3", message: 'Expected id "intro" to be unique; found it in 2 files (a.md, b.md)' },
        { at: "b.md:3", message: 'Expected id "intro" to be unique' }
      ]
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (!item.id) continue;
      const same = ctx.index.itemsWithId(item.id);
      if (same.length < 2) continue;
      const files = same.map((i) => i.file).sort();
      ctx.report({
        file: item.file,
        span: item.idSpan,
        message: `Expected id "${item.id}" to be unique; found it in ${files.length} files (${files.join(", ")}). Give each item its own id.`
      });
    }
  }
};

// core/lint/rules/invalid-file.ts
var invalidFile = {
  meta: {
    id: "invalid-file",
    description: "Every content file is readable UTF-8 Markdown with YAML front matter and a known type.",
    severity: "error",
    rationale: "A file enablekit cannot read is a lesson nobody sees and a checkpoint nobody can take; it is reported instead of skipped."
  },
  examples: [
    {
      title: "A file without front matter",
      files: { "notes.md": "# Notes\n\nSome text.\n" },
      expect: [{ at: "notes.md:1", message: "Expected YAML front matter" }]
    },
    {
      title: "An unknown type",
      files: { "lesson.md": "---\ntype: lesson\nid: intro\n---\n# Intro\n" },
      expect: [{ at: "lesson.md:2", message: 'Expected type: to be one of track, module, quiz, scenario, reflection; found "lesson"' }]
    },
    {
      title: "Broken YAML",
      files: { "m.md": "---\ntype: module\nid: [intro\n---\n# Intro\n" },
      expect: [{ at: "m.md:3", message: "Expected valid YAML front matter" }]
    },
    {
      title: "A module with front matter",
      files: { "intro.md": "---\ntype: module\nid: intro\ntitle: Intro\nowner: alice\n---\n# Intro\n" },
      expect: []
    }
  ],
  check(ctx) {
    for (const model of ctx.index.files.values()) {
      for (const p of model.problems) if (p.code !== "schema" && p.code !== "answer-sheet") ctx.report({ file: model.file, span: p.span, message: p.message });
    }
    if (ctx.config.file) {
      for (const p of ctx.config.problems) if (p.code !== "schema") ctx.report({ file: ctx.config.file, span: p.span, message: p.message });
    }
  }
};

// core/lint/rules/missing-owner.ts
var missingOwner = {
  meta: {
    id: "missing-owner",
    description: "Every item names an owner: the login or team who keeps it true, not the placeholder a template writes.",
    severity: "warning",
    rationale: "When a release makes a lesson stale, the stale issue is assigned to its owner; an item without one goes stale unnoticed."
  },
  examples: [
    {
      title: "A module without an owner",
      files: { "intro.md": "---\ntype: module\nid: intro\ntitle: Intro\n---\n# Intro\n" },
      expect: [{ at: "intro.md:3", message: 'Expected module "intro" to name an owner; found none' }]
    },
    {
      title: 'The placeholder "enablekit new" writes without --owner',
      files: { "intro.md": `---
type: module
id: intro
title: Intro
owner: ${PLACEHOLDER_OWNER}
---
# Intro
` },
      expect: [{ at: "intro.md:5", message: `Expected module "intro" to name its owner; found the template's placeholder "${PLACEHOLDER_OWNER}"` }]
    },
    {
      title: "A team as owner",
      files: { "intro.md": "---\ntype: module\nid: intro\ntitle: Intro\nowner: acme/support-leads\n---\n# Intro\n" },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.freshness.owner === PLACEHOLDER_OWNER) {
        ctx.report({ file: item.file, span: item.fieldSpans["/owner"] ?? item.idSpan, message: `Expected ${item.type} "${item.id}" to name its owner; found the template's placeholder "${PLACEHOLDER_OWNER}". Replace it with a GitHub login or org/team.` });
        continue;
      }
      if (item.freshness.owner) continue;
      ctx.report({ file: item.file, span: item.idSpan, message: `Expected ${item.type} "${item.id}" to name an owner; found none. Add owner: with a GitHub login or org/team.` });
    }
  }
};

// core/lint/rules/prerequisite-cycle.ts
var prerequisiteCycle = {
  meta: {
    id: "prerequisite-cycle",
    description: "Prerequisites never form a cycle.",
    severity: "error",
    rationale: "If A needs B and B needs A, neither can ever be started: every learner assigned either is blocked for good."
  },
  examples: [
    {
      title: "Two modules that need each other",
      files: {
        "a.md": "---\ntype: module\nid: a\ntitle: A\nowner: alice\nprerequisites: [b]\n---\n# A\n",
        "b.md": "---\ntype: module\nid: b\ntitle: B\nowner: alice\nprerequisites: [a]\n---\n# B\n"
      },
      expect: [
        { at: "a.md:6", message: "Expected prerequisites without a cycle; found a \u2192 b \u2192 a" },
        { at: "b.md:6", message: "found b \u2192 a \u2192 b" }
      ]
    },
    {
      title: "A chain without a cycle",
      files: {
        "a.md": "---\ntype: module\nid: a\ntitle: A\nowner: alice\nprerequisites: [b]\n---\n# A\n",
        "b.md": "---\ntype: module\nid: b\ntitle: B\nowner: alice\n---\n# B\n"
      },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      const start = item.id;
      const queue = prerequisitesOf(item).map((p) => [start, p]);
      const seen = /* @__PURE__ */ new Set();
      let cycle;
      while (queue.length && !cycle) {
        const path = queue.shift();
        const last = path.at(-1);
        if (last === start) cycle = path;
        else if (!seen.has(last)) {
          seen.add(last);
          const items = ctx.index.itemsWithId(last);
          for (const next of items.length > 1 ? [...items].sort((a, b) => a.file < b.file ? -1 : 1) : items) for (const p of prerequisitesOf(next)) queue.push([...path, p]);
        }
      }
      if (!cycle) continue;
      ctx.report({
        file: item.file,
        span: item.fieldSpans["/prerequisites"] ?? item.idSpan,
        message: `Expected prerequisites without a cycle; found ${cycle.join(" \u2192 ")}. Remove one of these prerequisites.`
      });
    }
  }
};

// core/lint/rules/quiz-answer.ts
var PATTERN = /^\/(.+)\/([a-z]*)$/s;
function answerProblem(q) {
  switch (q.type) {
    case "single":
    case "multiple":
      return q.choices.length < 2 ? `Expected ${q.type}-choice question to offer at least 2 choices as a task list ("- [ ] ..."); found ${q.choices.length}. Add the choices.` : void 0;
    case "text":
      return q.accepted.length === 0 ? 'Expected a text question to list its accepted answers under "Accepted answers:"; found none. Add at least one.' : void 0;
    case "numeric":
      return q.numeric ? void 0 : 'Expected a numeric question to give its answer as "Answer: 4" or "Answer: 4 \xB1 0.5"; found none. Add the answer line.';
    case "ordering":
      return q.items.length < 2 ? `Expected an ordering question to list at least 2 items as a numbered list in the right order; found ${q.items.length}. Add the items.` : void 0;
  }
}
var quizAnswer = {
  meta: {
    id: "quiz-answer",
    description: "Every question has what it needs to be graded: choices, accepted answers (valid patterns), a number, or items to order.",
    severity: "error",
    rationale: "A question without an answer in the source (or the key file) cannot be graded, and an invalid pattern would fail every learner."
  },
  examples: [
    {
      title: "A text question with no accepted answers and one with a broken pattern",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Which header carries the request id?\n<!-- question id=header type=text -->\n\n## Which command restarts the agent?\n<!-- question id=restart type=text -->\n\nAccepted answers:\n\n- `/^agent restart(/`\n"
      },
      expect: [
        { at: "q.md:10", message: "Expected a text question to list its accepted answers" },
        { at: "q.md:18", message: 'Expected a valid regular expression in question "restart"' }
      ]
    },
    {
      title: "Every type with its answer",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Header?\n<!-- question id=header type=text -->\n\nAccepted answers:\n\n- `X-Request-Id`\n- `/^x-req(uest)?-id$/i`\n\n## P2 response hours?\n<!-- question id=p2 type=numeric -->\n\nAnswer: 4 \xB1 0.5\n\n## Order the steps\n<!-- question id=steps type=ordering -->\n\n1. Acknowledge\n2. Reproduce\n"
      },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "quiz" || item.key && !item.keyApplied) continue;
      for (const q of item.questions) {
        const problem = answerProblem(q);
        if (problem) ctx.report({ file: item.file, span: q.span, message: problem });
        for (const a of q.accepted) {
          const m = PATTERN.exec(a.value);
          if (!m) continue;
          try {
            new RegExp(m[1], m[2]);
          } catch (e) {
            ctx.report({ file: item.file, span: a.span, message: `Expected a valid regular expression in question "${q.id ?? q.prompt}"; found ${a.value} (${e.message}). Fix the pattern, or drop the slashes to match plain text.` });
          }
        }
      }
    }
  }
};

// core/lint/rules/quiz-duplicate-choice.ts
var quizDuplicateChoice = {
  meta: {
    id: "quiz-duplicate-choice",
    description: "No question offers the same choice twice.",
    severity: "error",
    rationale: "Two identical choices, one right and one wrong, make a question a coin toss; two identical wrong ones are a copy-paste slip."
  },
  examples: [
    {
      title: "A choice written twice",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Which queue takes P1 tickets?\n<!-- question id=p1 -->\n\n- [x] Incident\n- [ ] Tier 1\n- [ ] Tier 1\n"
      },
      expect: [{ at: "q.md:15", message: 'Expected each choice of question "p1" once; found "Tier 1" again (choice c repeats b)' }],
      fixed: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Which queue takes P1 tickets?\n<!-- question id=p1 -->\n\n- [x] Incident\n- [ ] Tier 1\n"
      }
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "quiz") continue;
      for (const q of item.questions) {
        const first = /* @__PURE__ */ new Map();
        for (const c of q.choices) {
          const key = c.text.toLowerCase();
          const earlier = first.get(key);
          if (earlier === void 0) {
            first.set(key, c.letter);
            continue;
          }
          const fix = c.checked ? void 0 : { description: `Remove the repeated choice "${c.text}"`, edits: [{ start: c.span.start.offset - (c.span.start.column - 1), end: c.span.end.offset + 1, text: "" }] };
          ctx.report({
            file: item.file,
            span: c.span,
            message: `Expected each choice of question "${q.id ?? q.prompt}" once; found "${c.text}" again (choice ${c.letter} repeats ${earlier}). Remove or reword it.`,
            ...fix ? { fix } : {}
          });
        }
      }
    }
  }
};

// core/lint/rules/quiz-feedback.ts
var quizFeedback = {
  meta: {
    id: "quiz-feedback",
    description: "Question markup is well formed: feedback sits under a real choice, choice lists have checkboxes, question comments are valid.",
    severity: "error",
    rationale: "Feedback that is not attached to a choice is never shown, and a list item without a checkbox cannot be ticked by a learner."
  },
  examples: [
    {
      title: "Feedback under a list item that is not a choice",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Which queue takes P1 tickets?\n<!-- question id=p1 type=single weight=two -->\n\n- [x] Incident\n- Tier 1\n  > Tier 1 handles routine tickets.\n"
      },
      expect: [
        { at: "q.md:11", message: 'Expected weight= to be a positive number; found "two"' },
        { at: "q.md:14", message: "Expected feedback to sit under a choice" }
      ]
    },
    {
      title: "A misspelt attribute and a misspelt value in the question comment",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Which numbers do customers judge us by?\n<!-- question id=numbers type=multiple wieght=2 scoring=all-or-nothin -->\n\n- [x] Time to first reply\n- [x] Time to resolution\n- [ ] Page load time\n"
      },
      expect: [
        { at: "q.md:11", message: 'found "wieght". Did you mean weight? Write weight=2.' },
        { at: "q.md:11", message: 'Expected scoring= to be partial or all-or-nothing; found "all-or-nothin". Did you mean all-or-nothing?' }
      ]
    },
    {
      title: "Feedback under each choice",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Which queue takes P1 tickets?\n<!-- question id=p1 -->\n\n- [x] Incident\n  > Right: P1s page the on-call engineer.\n- [ ] Tier 1\n  > Tier 1 handles routine tickets.\n"
      },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "quiz") continue;
      for (const q of item.questions) for (const p of q.markupProblems) ctx.report({ file: item.file, span: p.span, message: p.message });
    }
  }
};

// core/lint/rules/quiz-pass-mark.ts
var quizPassMark = {
  meta: {
    id: "quiz-pass-mark",
    description: "A quiz can be passed: it has questions, and the gradable ones carry enough weight to reach its pass mark.",
    severity: "error",
    rationale: "A pass mark no learner can reach turns a checkpoint into a wall: every attempt fails and nobody is told why."
  },
  examples: [
    {
      title: "An ungradable question puts the pass mark out of reach",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\npass_mark: 80\n---\n# Q\n\n## Pick one\n<!-- question id=one -->\n\n- [x] Yes\n- [ ] No\n\n## Explain\n<!-- question id=two type=text weight=3 -->\n"
      },
      expect: [{ at: "q.md:7", message: "Expected pass mark 80% to be reachable; found at most 25% can be scored" }]
    },
    {
      title: "A quiz with no questions",
      files: { "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n" },
      expect: [{ at: "q.md:3", message: 'Expected quiz "q" to have questions (level-2 headings); found none' }]
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "quiz") continue;
      if (item.questions.length === 0) {
        ctx.report({ file: item.file, span: item.idSpan, message: `Expected quiz "${item.id}" to have questions (level-2 headings); found none. Add a "## question" heading with its choices.` });
        continue;
      }
      if (item.key && !item.keyApplied) continue;
      const passMark = item.passMark ?? ctx.config.policies.passMark;
      if (passMark > 100) continue;
      const total = item.questions.reduce((s, q) => s + q.weight, 0);
      const gradable = item.questions.filter((q) => !answerProblem(q)).reduce((s, q) => s + q.weight, 0);
      const reachable = total === 0 ? 0 : Math.round(gradable / total * 1e3) / 10;
      if (reachable + 1e-9 < passMark) {
        ctx.report({
          file: item.file,
          span: item.fieldSpans["/pass_mark"] ?? item.idSpan,
          message: `Expected pass mark ${passMark}% to be reachable; found at most ${reachable}% can be scored because some questions have no answer. Add their answers or lower pass_mark.`
        });
      }
    }
  }
};

// core/lint/rules/quiz-question-id.ts
var quizQuestionId = {
  meta: {
    id: "quiz-question-id",
    description: "Every quiz question has an id, unique within its quiz.",
    severity: "error",
    rationale: "Answer sheets, key files and grade records name questions by id; without one, rewording a question would orphan every answer to it."
  },
  examples: [
    {
      title: "A question without an id",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Which queue takes P1 tickets?\n\n- [x] Incident\n- [ ] Tier 1\n"
      },
      expect: [{ at: "q.md:10", message: 'Expected question "Which queue takes P1 tickets?" to have an id; found none' }],
      fixed: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Which queue takes P1 tickets?\n<!-- question id=which-queue-takes-p1-tickets -->\n\n- [x] Incident\n- [ ] Tier 1\n"
      }
    },
    {
      title: "Two questions with one id",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## First?\n<!-- question id=one -->\n\n- [x] Yes\n- [ ] No\n\n## Second?\n<!-- question id=one -->\n\n- [x] Yes\n- [ ] No\n"
      },
      expect: [{ at: "q.md:17", message: 'Expected question ids to be unique in quiz "q"; found "one" again' }]
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "quiz") continue;
      const seen = /* @__PURE__ */ new Set();
      for (const q of item.questions) {
        if (q.id) {
          if (seen.has(q.id)) ctx.report({ file: item.file, span: q.metaSpan ?? q.span, message: `Expected question ids to be unique in quiz "${item.id}"; found "${q.id}" again. Give this question its own id.` });
          seen.add(q.id);
          continue;
        }
        let id = slug(q.prompt) || "question";
        for (let n = 2; seen.has(id); n++) id = `${slug(q.prompt)}-${n}`;
        seen.add(id);
        const fix = q.metaSpan ? { description: `Add id=${id} to the question comment`, edits: [{ start: q.metaSpan.start.offset + "<!-- question".length, end: q.metaSpan.start.offset + "<!-- question".length, text: ` id=${id}` }] } : { description: `Add <!-- question id=${id} --> under the heading`, edits: [{ start: q.span.end.offset, end: q.span.end.offset, text: `
<!-- question id=${id} -->` }] };
        ctx.report({
          file: item.file,
          span: q.span,
          message: `Expected question "${q.prompt}" to have an id; found none. Add <!-- question id=${id} --> under its heading.`,
          fix
        });
      }
    }
  }
};

// core/lint/rules/quiz-single-answer.ts
var quizSingleAnswer = {
  meta: {
    id: "quiz-single-answer",
    description: "A single-choice question marks exactly one right choice; a multiple-choice one at least one.",
    severity: "error",
    rationale: "A single-choice question with no right answer cannot be passed, and one with two right answers grades a learner wrong for a right pick."
  },
  examples: [
    {
      title: "Two right answers in a single-choice question",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Which queue takes P1 tickets?\n<!-- question id=p1 type=single -->\n\n- [x] Incident\n- [x] Tier 1\n- [ ] Backlog\n"
      },
      expect: [{ at: "q.md:10", message: 'Expected exactly one right choice in single-choice question "p1"; found 2' }]
    },
    {
      title: "One right answer",
      files: {
        "q.md": "---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Which queue takes P1 tickets?\n<!-- question id=p1 type=single -->\n\n- [x] Incident\n- [ ] Tier 1\n"
      },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "quiz" || item.key && !item.keyApplied) continue;
      for (const q of item.questions) {
        if (q.type !== "single" && q.type !== "multiple") continue;
        if (q.choices.length === 0) continue;
        const right = q.choices.filter((c) => c.checked).length;
        const name = q.id ?? q.prompt;
        if (q.type === "single" && right !== 1) {
          ctx.report({ file: item.file, span: q.span, message: `Expected exactly one right choice in single-choice question "${name}"; found ${right}. Mark one choice [x], or set type=multiple.` });
        } else if (q.type === "multiple" && right === 0) {
          ctx.report({ file: item.file, span: q.span, message: `Expected at least one right choice in multiple-choice question "${name}"; found none. Mark the right choices [x].` });
        }
      }
    }
  }
};

// core/lint/rules/reflection-prompts.ts
var reflectionPrompts = {
  meta: {
    id: "reflection-prompts",
    description: 'A reflection has a read check ("- [ ] I have read ...") and at least one prompt under "## Prompts".',
    severity: "error",
    rationale: "A reflection is the learner confirming they read the lesson and then sharing a strategy; without prompts there is nothing to answer."
  },
  examples: [
    {
      title: "No prompts",
      files: { "r.md": "---\ntype: reflection\nid: r\ntitle: R\nmodule: m\nowner: alice\n---\n# R\n\n- [ ] I have read the lesson\n" },
      expect: [{ at: "r.md:3", message: 'Expected reflection "r" to list prompts under a "## Prompts" heading; found none' }]
    },
    {
      title: "No read check",
      files: { "r.md": "---\ntype: reflection\nid: r\ntitle: R\nmodule: m\nowner: alice\n---\n# R\n\n## Prompts\n\n1. Share a strategy.\n" },
      expect: [{ at: "r.md:3", message: 'Expected reflection "r" to start with a read check' }]
    },
    {
      title: "A complete reflection",
      files: { "r.md": "---\ntype: reflection\nid: r\ntitle: R\nmodule: m\nowner: alice\n---\n# R\n\n- [ ] I have read the lesson\n\n## Prompts\n\n1. Share a strategy of your own, or one you will adopt, and why.\n" },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "reflection") continue;
      if (!item.readCheck) ctx.report({ file: item.file, span: item.idSpan, message: `Expected reflection "${item.id}" to start with a read check such as "- [ ] I have read the lesson"; found none. Add it above the prompts.` });
      if (item.prompts.length === 0) ctx.report({ file: item.file, span: item.idSpan, message: `Expected reflection "${item.id}" to list prompts under a "## Prompts" heading; found none. Add the heading and a numbered list of prompts.` });
    }
  }
};

// core/lint/rules/scenario-rubric.ts
var scenarioRubric = {
  meta: {
    id: "scenario-rubric",
    description: 'A scenario has a rubric (a task list under "## Rubric") with at least one required criterion, each criterion once.',
    severity: "error",
    rationale: "Reviewers grade mocks against the rubric; without one, or without a required criterion, pass and fail are a matter of mood."
  },
  examples: [
    {
      title: "A rubric with no required criterion",
      files: {
        "s.md": "---\ntype: scenario\nid: s\ntitle: S\nmodule: m\nlevel: beginner\nowner: alice\n---\n# S\n\n## Situation\n\nA customer cannot log in.\n\n## Rubric\n\n- [ ] Greets the customer\n- [ ] Confirms the account\n"
      },
      expect: [{ at: "s.md:15", message: 'Expected at least one required criterion in the rubric of scenario "s"; found none' }]
    },
    {
      title: "No rubric at all",
      files: { "s.md": "---\ntype: scenario\nid: s\ntitle: S\nmodule: m\nlevel: beginner\nowner: alice\n---\n# S\n\n## Situation\n\nA customer cannot log in.\n" },
      expect: [{ at: "s.md:3", message: 'Expected scenario "s" to have a "## Rubric" section with criteria as a task list; found none' }]
    },
    {
      title: "A rubric with a required criterion",
      files: {
        "s.md": "---\ntype: scenario\nid: s\ntitle: S\nmodule: m\nlevel: beginner\nowner: alice\n---\n# S\n\n## Rubric\n\n- [ ] Confirms the account (required)\n- [ ] Offers a workaround\n"
      },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "scenario") continue;
      if (!item.rubricSpan || item.rubric.length === 0) {
        ctx.report({ file: item.file, span: item.rubricSpan ?? item.idSpan, message: `Expected scenario "${item.id}" to have a "## Rubric" section with criteria as a task list; found none. Add "## Rubric" and "- [ ] criterion (required)" lines.` });
        continue;
      }
      if (!item.rubric.some((c) => c.required)) {
        ctx.report({ file: item.file, span: item.rubricSpan, message: `Expected at least one required criterion in the rubric of scenario "${item.id}"; found none. Add "(required)" to the criteria a learner must meet.` });
      }
      const seen = /* @__PURE__ */ new Set();
      for (const c of item.rubric) {
        if (seen.has(c.id)) ctx.report({ file: item.file, span: c.span, message: `Expected each rubric criterion once; found "${c.id}" again. Reword it or give it <!-- criterion id=... -->.` });
        seen.add(c.id);
      }
    }
  }
};

// core/lint/rules/schedule-window.ts
function checkOrder(ctx, file, w, what) {
  if (w.opens && w.due && w.opens >= w.due) {
    ctx.report({ file, span: w.span, message: `Expected ${what} to open before it is due; found opens ${w.opens}, due ${w.due}. Move one of the dates.` });
    return false;
  }
  return true;
}
function outside(ctx, file, span, inner, outer, module2) {
  if (outer.opens && inner.opens && inner.opens < outer.opens) {
    ctx.report({ file, span, message: `Expected module "${module2}" to open inside the track's window (from ${outer.opens}); found opens ${inner.opens}. Move it to ${outer.opens} or later.` });
  }
  if (outer.due && inner.due && inner.due > outer.due) {
    ctx.report({ file, span, message: `Expected module "${module2}" to be due inside the track's window (by ${outer.due}); found due ${inner.due}. Move it to ${outer.due} or earlier.` });
  }
}
var scheduleWindow = {
  meta: {
    id: "schedule-window",
    description: "Schedule windows open before they are due, and a module's window lies inside its track's.",
    severity: "error",
    rationale: "Learners in other time zones plan around these dates; a window that closes before it opens, or outside its track, sends reminders nobody can act on."
  },
  examples: [
    {
      title: "A window due before it opens, and a module due after its track",
      files: {
        "t.md": "---\ntype: track\nid: t\ntitle: T\nowner: alice\nroles: [support]\nwindow: {opens: 2027-01-04, due: 2027-02-26}\nmodules:\n  - module: a\n    window: {opens: 2027-01-18, due: 2027-01-11}\n  - module: b\n    window: {opens: 2027-02-01, due: 2027-03-12}\n---\n# T\n"
      },
      expect: [
        { at: "t.md:10", message: 'Expected module "a" to open before it is due; found opens 2027-01-18, due 2027-01-11' },
        { at: "t.md:11", message: `Expected module "b" to be due inside the track's window (by 2027-02-26); found due 2027-03-12` }
      ]
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "track") continue;
      const trackOk = item.window ? checkOrder(ctx, item.file, item.window, `track "${item.id}"`) : true;
      for (const m of item.modules) {
        if (!m.window) continue;
        if (checkOrder(ctx, item.file, m.window, `module "${m.module}"`) && trackOk && item.window) outside(ctx, item.file, m.span, m.window, item.window, m.module);
      }
    }
  }
};

// core/lint/rules/schema.ts
var schema = {
  meta: {
    id: "schema",
    description: "Front matter and enablekit.yml match their JSON Schemas (schemas/).",
    severity: "error",
    rationale: "Every other tool (grading, progress, freshness) trusts these fields; a misspelt key or a wrong value is caught where it is written."
  },
  examples: [
    {
      title: "A missing title and a misspelt key",
      files: { "intro.md": "---\ntype: module\nid: intro\nowner: alice\nreview_evry: 90d\n---\n# Intro\n" },
      expect: [
        { at: "intro.md:2", message: 'Expected a module to have "title"' },
        { at: "intro.md:5", message: 'found "review_evry"' }
      ]
    },
    {
      title: "A bad value in enablekit.yml",
      files: { "enablekit.yml": "version: 1\npolicies:\n  pass_mark: lots\n" },
      expect: [{ at: "enablekit.yml:3", message: 'Expected policies.pass_mark to be a number; found "lots"' }]
    },
    {
      title: "A valid module",
      files: { "intro.md": "---\ntype: module\nid: intro\ntitle: Intro\nowner: alice\nreview_every: 90d\n---\n# Intro\n" },
      expect: []
    }
  ],
  check(ctx) {
    for (const model of ctx.index.files.values()) {
      for (const p of model.problems) if (p.code === "schema") ctx.report({ file: model.file, span: p.span, message: p.message });
    }
    if (ctx.config.file) {
      for (const p of ctx.config.problems) if (p.code === "schema") ctx.report({ file: ctx.config.file, span: p.span, message: p.message });
    }
  }
};

// core/text/duration.ts
var UNIT_MS = { h: 36e5, d: 864e5, w: 7 * 864e5, m: 30 * 864e5, y: 365 * 864e5 };
function durationMs(text) {
  const m = /^([1-9][0-9]*)(h|d|w|m|y)$/.exec(text.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]] : void 0;
}

// core/freshness/semver.ts
function parseVersion(tag) {
  const m = /(?:^|[^0-9.])v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?$/.exec(tag.trim());
  if (!m) return void 0;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), prerelease: m[4] ?? "", text: tag.trim() };
}
function compareVersions(a, b) {
  const d = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (d) return d;
  if (a.prerelease === b.prerelease) return 0;
  if (!a.prerelease) return 1;
  if (!b.prerelease) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}
function formatVersion(v) {
  return `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `-${v.prerelease}` : ""}`;
}

// core/freshness/verdict.ts
var DAY = 864e5;
function reviewDue(item, config) {
  const v = item.freshness.verified;
  const ms = durationMs(item.freshness.reviewEvery ?? config.policies.reviewEvery);
  if (!v || ms === void 0) return void 0;
  const t = Date.parse(`${v.date}T00:00:00Z`);
  return Number.isNaN(t) ? void 0 : new Date(t + ms).toISOString().slice(0, 10);
}
function reviewOverdue(item, config, today) {
  const due = reviewDue(item, config);
  if (!due || due >= today) return void 0;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY);
  return { due, days, every: item.freshness.reviewEvery ?? config.policies.reviewEvery };
}
function freshnessVerdict(item, config, today, release) {
  const reasons = [];
  const verified = item.freshness.verified;
  if (!verified) reasons.push({ kind: "unverified", message: `Expected ${item.type} "${item.id}" to say which product version it was verified against; found no verified:. Check it and add verified: {version, date}.` });
  if (release) {
    const touched = item.freshness.covers.filter((f) => release.features.has(f));
    const rel = parseVersion(release.tag);
    const ver = verified ? parseVersion(verified.version) : void 0;
    if (touched.length && rel && (!ver || compareVersions(ver, rel) < 0)) {
      const how = touched.map((f) => `${f} (${release.features.get(f)})`).join(", ");
      reasons.push({ kind: "release", features: touched, message: `Expected ${item.type} "${item.id}" to be verified against ${formatVersion(rel)}, which changed ${how}; found ${verified ? `verified against ${verified.version}` : "it never verified"}. Review it and mark it verified against ${formatVersion(rel)}.` });
    }
  }
  const late = reviewOverdue(item, config, today);
  if (late) reasons.push({ kind: "review-interval", message: overdueMessage(item, late) });
  return { item, status: reasons.length ? "stale" : "fresh", reasons };
}
function overdueMessage(item, late) {
  return `Expected ${item.type} "${item.id}" to be reviewed by ${late.due} (every ${late.every}); found it ${late.days} day${late.days === 1 ? "" : "s"} overdue. Review it, then mark it verified.`;
}

// core/lint/rules/stale-content.ts
function markVerifiedFix(item, version, today, text) {
  const value = `{version: ${version}, date: ${today}}`;
  const span = item.fieldSpans["/verified"];
  if (span) return { description: `Mark verified against ${version} today`, suggestion: true, edits: [{ start: span.start.offset, end: span.end.offset, text: span.end.column === 1 && span.end.line > span.start.line ? `${value}
` : value }] };
  const close = item.frontMatterSpan.end.offset - 3;
  const eol = text && text[close - 2] === "\r" ? "\r\n" : "\n";
  return { description: `Mark verified against ${version} today`, suggestion: true, edits: [{ start: close, end: close, text: `verified: ${value}${eol}` }] };
}
var staleContent = {
  meta: {
    id: "stale-content",
    description: "Items are verified against the current product version (product.version in enablekit.yml) and within their review interval.",
    severity: "warning",
    rationale: "Product training goes stale the moment the product ships. An item checked against an older release, or not reviewed for longer than its interval, may teach what is no longer true.",
    fixes: "suggestion"
  },
  examples: [
    {
      title: "Verified against an older version",
      files: {
        "enablekit.yml": "version: 1\nproduct:\n  version: 4.3.0\n",
        "m.md": "---\ntype: module\nid: m\ntitle: M\nowner: alice\nverified: {version: 4.2.0, date: 2026-10-01}\n---\n# M\n"
      },
      expect: [{ at: "m.md:6", message: 'Expected module "m" to be verified against 4.3.0 (product.version); found 4.2.0' }],
      fixed: { "m.md": "---\ntype: module\nid: m\ntitle: M\nowner: alice\nverified: {version: 4.3.0, date: 2026-11-22}\n---\n# M\n" }
    },
    {
      title: "A review interval that has run out",
      files: { "m.md": "---\ntype: module\nid: m\ntitle: M\nowner: alice\nverified:\n  version: 4.2.0\n  date: 2026-01-05\nreview_every: 90d\n---\n# M\n" },
      expect: [{ at: "m.md:7", message: 'Expected module "m" to be reviewed by 2026-04-05 (every 90d); found it 231 days overdue' }],
      fixed: { "m.md": "---\ntype: module\nid: m\ntitle: M\nowner: alice\nverified:\n  {version: 4.2.0, date: 2026-11-22}\nreview_every: 90d\n---\n# M\n" }
    },
    {
      title: "Verified against the current version, within its interval",
      files: {
        "enablekit.yml": "version: 1\nproduct:\n  version: 4.3.0\n",
        "m.md": "---\ntype: module\nid: m\ntitle: M\nowner: alice\nverified: {version: 4.3.0, date: 2026-11-01}\n---\n# M\n"
      },
      expect: []
    }
  ],
  check(ctx) {
    const product = ctx.config.productVersion ? parseVersion(ctx.config.productVersion) : void 0;
    for (const item of ctx.items()) {
      const v = item.freshness.verified;
      if (!v) continue;
      const span = item.fieldSpans["/verified"] ?? item.idSpan;
      const ver = parseVersion(v.version);
      if (product && ver && compareVersions(ver, product) < 0) {
        ctx.report({
          file: item.file,
          span,
          message: `Expected ${item.type} "${item.id}" to be verified against ${ctx.config.productVersion} (product.version); found ${v.version}. Check it against ${ctx.config.productVersion}, then mark it verified.`,
          fix: markVerifiedFix(item, ctx.config.productVersion, ctx.today)
        });
        continue;
      }
      const late = reviewOverdue(item, ctx.config, ctx.today);
      if (late) ctx.report({ file: item.file, span, message: overdueMessage(item, late), fix: markVerifiedFix(item, v.version, ctx.today) });
    }
  }
};

// core/lint/rules/unknown-reference.ts
function known(ctx, ref) {
  switch (ref.kind) {
    case "role":
      return { ok: ctx.config.roles.has(ref.id), names: () => ctx.config.roles.keys(), what: "a role defined under roles: in enablekit.yml" };
    case "feature":
      return { ok: ctx.config.features.has(ref.id), names: () => ctx.config.features.keys(), what: "a feature id from features: in enablekit.yml" };
    default: {
      const kind = ref.kind;
      const matches = (i) => kind === "checkpoint" ? i.type === "quiz" || i.type === "scenario" || i.type === "reflection" : i.type === kind;
      return {
        ok: ctx.index.itemsWithId(ref.id).some(matches),
        names: function* () {
          for (const i of ctx.index.items()) if (matches(i)) yield i.id;
        },
        what: `the id of a ${kind}`
      };
    }
  }
}
var unknownReference = {
  meta: {
    id: "unknown-reference",
    description: "Every id an item refers to (modules, prerequisites, roles, covered features) exists.",
    severity: "error",
    rationale: "A track that lists a module nobody wrote, or a lesson that covers a feature the registry does not know, silently drops out of schedules and freshness checks."
  },
  examples: [
    {
      title: "A track with a misspelt module and an unknown role",
      files: {
        "enablekit.yml": "version: 1\nroles:\n  support: {}\n",
        "track.md": "---\ntype: track\nid: onboarding\ntitle: Onboarding\nowner: alice\nroles: [suport]\nmodules:\n  - intro\n  - triag\n---\n# Onboarding\n",
        "intro.md": "---\ntype: module\nid: intro\ntitle: Intro\nowner: alice\n---\n# Intro\n",
        "triage.md": "---\ntype: module\nid: triage\ntitle: Triage\nowner: alice\n---\n# Triage\n"
      },
      expect: [
        { at: "track.md:6", message: 'Expected roles to name a role defined under roles: in enablekit.yml; found "suport". Did you mean "support"?' },
        { at: "track.md:9", message: 'Expected modules to name the id of a module; found "triag". Did you mean "triage"?' }
      ]
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      for (const ref of item.references) {
        if ((ref.kind === "role" || ref.kind === "feature") && ctx.config.file === void 0) continue;
        const k = known(ctx, ref);
        if (k.ok) continue;
        const guess = didYouMean(ref.id, k.names());
        ctx.report({
          file: item.file,
          span: ref.span,
          message: `Expected ${ref.field} to name ${k.what}; found "${ref.id}".${guess ? ` Did you mean "${guess}"?` : " Fix the id or add what it names."}`
        });
      }
    }
  }
};

// core/lint/rules/unclosed-block.ts
var WHAT = { fence: "code fence", html: "HTML block", comment: "HTML comment" };
function plural(n, one) {
  return `${n} ${one}${n === 1 ? "" : "s"}`;
}
function hidden(item, headings, sections) {
  if (item.type === "quiz") return sections ? `, hiding ${plural(sections, "question")}` : "";
  if (item.type === "scenario") return sections ? `, hiding ${plural(sections, "section")}` : "";
  return headings ? `, hiding ${plural(headings, "heading")}` : "";
}
function unclosedMessage(item) {
  const u = item.unclosed;
  if (!u) return void 0;
  return `Expected the ${WHAT[u.kind]} opened here to be closed with ${u.closer}; found it open to the end of the file${hidden(item, u.headings, u.sections)}. Close it with a line holding ${u.closer}.`;
}
var head = (type) => `---
type: ${type}
id: q
title: Q
module: m
owner: alice
---
# Q

`;
var unclosedBlock = {
  meta: {
    id: "unclosed-block",
    description: "A code fence, HTML block or HTML comment in a quiz, scenario or reflection is closed before the end of the file.",
    severity: "error",
    rationale: "An open fence or comment swallows everything after it: the questions, choices, rubric or prompts below it vanish from what learners are given and from what is graded, and nothing else says so."
  },
  examples: [
    {
      title: "A code fence left open hides the questions after it",
      files: {
        "q.md": `${head("quiz")}## Which command lists queues?
<!-- question id=list -->

\`\`\`sh
beacon queues

- [x] beacon queues
- [ ] beacon list

## Which queue takes P1s?
<!-- question id=p1 -->

- [x] Incident
- [ ] Tier 1
`
      },
      expect: [{ at: "q.md:13", message: "Expected the code fence opened here to be closed with ```; found it open to the end of the file, hiding 1 question. Close it" }]
    },
    {
      title: "A question comment left open",
      files: {
        "q.md": `${head("quiz")}## Which queue takes P1s?
<!-- question id=p1

- [x] Incident
- [ ] Tier 1

## Who is paged?

- [x] On-call
- [ ] Nobody
`
      },
      expect: [{ at: "q.md:11", message: "Expected the HTML comment opened here to be closed with -->; found it open to the end of the file, hiding 1 question" }]
    },
    {
      title: "A <pre> block left open in a reflection",
      files: { "r.md": `${head("reflection")}- [ ] I have read the lesson

<pre>
notes

## Prompts

1. What will you change?
` },
      expect: [{ at: "r.md:12", message: "Expected the HTML block opened here to be closed with </pre>; found it open to the end of the file, hiding 1 heading" }]
    },
    {
      title: "Closed blocks",
      files: {
        "q.md": `${head("quiz")}## Which command lists queues?
<!-- question id=list -->

\`\`\`sh
beacon queues
\`\`\`

- [x] beacon queues
- [ ] beacon list

<!--
a note
-->
`
      },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "quiz" && item.type !== "scenario" && item.type !== "reflection") continue;
      const message = unclosedMessage(item);
      if (message) ctx.report({ file: item.file, span: item.unclosed.span, message });
    }
  }
};

// core/lint/rules/lesson-unclosed-block.ts
var lessonUnclosedBlock = {
  meta: {
    id: "lesson-unclosed-block",
    description: "A code fence, HTML block or HTML comment in a module or track is closed before the end of the file.",
    severity: "warning",
    rationale: "An open fence or comment turns the rest of the lesson into code or hides it; a lesson still reads, so this warns where a checkpoint (unclosed-block) fails."
  },
  examples: [
    {
      title: "A fence left open in a lesson",
      files: { "m.md": "---\ntype: module\nid: m\ntitle: M\nowner: alice\n---\n# M\n\n~~~\nbeacon queues\n\n## Try it\n\nOpen the inbox.\n" },
      expect: [{ at: "m.md:9", message: "Expected the code fence opened here to be closed with ~~~; found it open to the end of the file, hiding 1 heading" }]
    },
    {
      title: "A closed fence",
      files: { "m.md": "---\ntype: module\nid: m\ntitle: M\nowner: alice\n---\n# M\n\n~~~\nbeacon queues\n~~~\n\n## Try it\n" },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "module" && item.type !== "track") continue;
      const message = unclosedMessage(item);
      if (message) ctx.report({ file: item.file, span: item.unclosed.span, message });
    }
  }
};

// core/lint/rules/quiz-accepted-feedback.ts
var quiz = (body) => `---
type: quiz
id: q
title: Q
module: m
owner: alice
---
# Q

## Which header carries the request id?
<!-- question id=header type=text -->

Accepted answers:

${body}`;
var quizAcceptedFeedback = {
  meta: {
    id: "quiz-accepted-feedback",
    description: "No feedback is quoted under an accepted answer of a text question, where it is never shown.",
    severity: "error",
    rationale: "A text question shows no feedback per accepted answer: a quote written there reaches no learner, though its author thinks it does. An explanation under the question is shown as reveal_answers allows."
  },
  examples: [
    {
      title: "Feedback under an accepted answer",
      files: { "q.md": quiz("- `X-Request-Id`\n  > Right: support asks for it first.\n- `Request-Id`\n") },
      expect: [{ at: "q.md:16", message: 'Expected no feedback under accepted answer 1 of question "header"; found a quote that is never shown to a learner' }]
    },
    {
      title: "An explanation under the question",
      files: { "q.md": quiz("- `X-Request-Id`\n\n> Support asks for the request id first.\n") },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "quiz") continue;
      for (const q of item.questions) {
        q.accepted.forEach((a, i) => {
          if (!a.feedback) return;
          ctx.report({
            file: item.file,
            span: a.feedback.span,
            message: `Expected no feedback under accepted answer ${i + 1} of question "${q.id ?? q.prompt}"; found a quote that is never shown to a learner. Move it under the question as its explanation ("> ..." after the list), or delete it.`
          });
        });
      }
    }
  }
};

// core/lint/rules/scenario-situation.ts
var SITUATION = /^situation\b/i;
var scenarioSituation = {
  meta: {
    id: "scenario-situation",
    description: 'A scenario has a "## Situation" section: what the learner walks into.',
    severity: "error",
    rationale: "The situation is the part of a mock a learner is given to act on; without it, learners are graded against a rubric for a scene nobody described."
  },
  examples: [
    {
      title: "A scenario with no situation",
      files: { "s.md": "---\ntype: scenario\nid: s\ntitle: S\nmodule: m\nlevel: beginner\nowner: alice\n---\n# S\n\n## Your task\n\nCalm the customer.\n\n## Rubric\n\n- [ ] Confirms the account (required)\n" },
      expect: [{ at: "s.md:3", message: 'Expected scenario "s" to have a "## Situation" section; found none (sections: Your task, Rubric)' }]
    },
    {
      title: "A scenario with its situation",
      files: { "s.md": "---\ntype: scenario\nid: s\ntitle: S\nmodule: m\nlevel: beginner\nowner: alice\n---\n# S\n\n## Situation\n\nA customer cannot log in.\n\n## Rubric\n\n- [ ] Confirms the account (required)\n" },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "scenario" || item.sections.some((s) => SITUATION.test(s))) continue;
      const found = item.sections.length ? `none (sections: ${item.sections.join(", ")})` : "no sections";
      ctx.report({ file: item.file, span: item.idSpan, message: `Expected scenario "${item.id}" to have a "## Situation" section; found ${found}. Add "## Situation" with what the learner walks into.` });
    }
  }
};

// core/lint/rules/track-duplicate-module.ts
var trackDuplicateModule = {
  meta: {
    id: "track-duplicate-module",
    description: "A track lists each module once.",
    severity: "error",
    rationale: "A module listed twice is scheduled twice, with two windows and two reminders, and its place in the order is ambiguous."
  },
  examples: [
    {
      title: "A module listed twice, once with a window",
      files: {
        "t.md": "---\ntype: track\nid: t\ntitle: T\nowner: alice\nroles: [support]\nmodules:\n  - intro\n  - triage\n  - module: intro\n    window: {opens: 2027-01-04, due: 2027-01-18}\n---\n# T\n"
      },
      expect: [{ at: "t.md:10", message: 'Expected track "t" to list each module once; found "intro" again (first on line 8)' }]
    },
    {
      title: "Each module once",
      files: { "t.md": "---\ntype: track\nid: t\ntitle: T\nowner: alice\nroles: [support]\nmodules: [intro, triage]\n---\n# T\n" },
      expect: []
    }
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== "track") continue;
      const first = /* @__PURE__ */ new Map();
      for (const m of item.modules) {
        const line = first.get(m.module);
        if (line === void 0) first.set(m.module, m.span.start.line);
        else ctx.report({ file: item.file, span: m.span, message: `Expected track "${item.id}" to list each module once; found "${m.module}" again (first on line ${line}). Remove one of them.` });
      }
    }
  }
};

// core/lint/rules/track-order.ts
function prerequisiteChains(index, moduleId) {
  const out = /* @__PURE__ */ new Map();
  const queue = [[moduleId]];
  while (queue.length) {
    const path = queue.shift();
    const needs = [...index.itemsWithId(path.at(-1))].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0).flatMap((m) => m.type === "module" ? m.prerequisites : []);
    for (const p of needs) {
      if (p === moduleId || out.has(p)) continue;
      const chain = [...path, p];
      out.set(p, chain);
      queue.push(chain);
    }
  }
  return out;
}
function tracksBefore(index, track2) {
  const seen = /* @__PURE__ */ new Set();
  const stack = [...track2.prerequisites];
  while (stack.length) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of index.itemsWithId(id)) if (t.type === "track") stack.push(...t.prerequisites);
  }
  return seen;
}
function takenAfter(index, later, track2) {
  if (tracksBefore(index, later).has(track2.id)) return `track "${later.id}" lists "${track2.id}" as a prerequisite`;
  if (later.phase === "advanced" && track2.phase === "foundation" && later.roles.some((r) => track2.roles.includes(r))) {
    return `advanced track "${later.id}" comes after foundation track "${track2.id}" for the same role`;
  }
  return void 0;
}
var track = (id, extra, modules) => `---
type: track
id: ${id}
title: T
owner: alice
roles: [support]
${extra}modules: [${modules}]
---
# T
`;
var module = (id, prerequisites) => `---
type: module
id: ${id}
title: M
owner: alice
prerequisites: [${prerequisites}]
---
# M
`;
var trackOrder = {
  meta: {
    id: "track-order",
    description: "A track puts every module after the modules it needs, within the track and across phases.",
    severity: "error",
    rationale: "Learners take a track in its order, and foundation tracks before advanced ones: a module placed before its prerequisite is either blocked or taken without what it builds on."
  },
  examples: [
    {
      title: "A module listed before its prerequisite",
      files: { "t.md": track("t", "", "escalations, triage"), "escalations.md": module("escalations", "triage"), "triage.md": module("triage", "") },
      expect: [{ at: "t.md:7", message: 'Expected module "triage" before "escalations" in track "t", since escalations needs triage; found it after. Move "escalations" below "triage"' }]
    },
    {
      title: "A prerequisite only in a later phase",
      files: {
        "basics.md": track("basics", "phase: foundation\n", "escalations"),
        "deep.md": track("deep", "phase: advanced\nprerequisites: [basics]\n", "triage"),
        "escalations.md": module("escalations", "triage"),
        "triage.md": module("triage", "")
      },
      expect: [{ at: "basics.md:8", message: 'Expected module "triage", which "escalations" needs (escalations \u2192 triage), to be taken before it; found it only in track "deep", and track "deep" lists "basics" as a prerequisite' }]
    },
    {
      title: "Prerequisites first",
      files: { "t.md": track("t", "", "triage, escalations"), "escalations.md": module("escalations", "triage"), "triage.md": module("triage", "") },
      expect: []
    }
  ],
  check(ctx) {
    const mine = [];
    for (const i of ctx.items()) if (i.type === "track") mine.push(i);
    if (!mine.length) return;
    const tracksWith = /* @__PURE__ */ new Map();
    for (const t of ctx.index.items()) {
      if (t.type !== "track") continue;
      for (const m of t.modules) {
        const list = tracksWith.get(m.module);
        if (!list) tracksWith.set(m.module, [t]);
        else if (list.at(-1) !== t) list.push(t);
      }
    }
    for (const item of mine) {
      const place = /* @__PURE__ */ new Map();
      item.modules.forEach((m, i) => void (place.has(m.module) || place.set(m.module, i)));
      item.modules.forEach((entry, j) => {
        for (const [needed, chain] of prerequisiteChains(ctx.index, entry.module)) {
          if (prerequisiteChains(ctx.index, needed).has(entry.module)) continue;
          const via = chain.join(" \u2192 ");
          const i = place.get(needed);
          if (i !== void 0) {
            if (i > j) ctx.report({ file: item.file, span: entry.span, message: `Expected module "${needed}" before "${entry.module}" in track "${item.id}", since ${chain.length > 2 ? `${via} needs it` : `${entry.module} needs ${needed}`}; found it after. Move "${entry.module}" below "${needed}", or drop the prerequisite.` });
            continue;
          }
          const holders = (tracksWith.get(needed) ?? []).filter((t) => t !== item);
          const reasons = holders.map((h) => takenAfter(ctx.index, h, item));
          if (!holders.length || reasons.some((r) => r === void 0)) continue;
          ctx.report({
            file: item.file,
            span: entry.span,
            message: `Expected module "${needed}", which "${entry.module}" needs (${via}), to be taken before it; found it only in ${holders.map((h) => `track "${h.id}"`).join(", ")}, and ${reasons.join("; ")}. Add "${needed}" to track "${item.id}" before "${entry.module}", or drop the prerequisite.`
          });
        }
      });
    }
  }
};

// core/lint/rules/index.ts
var RULES = [
  invalidFile,
  schema,
  duplicateId,
  unknownReference,
  prerequisiteCycle,
  trackDuplicateModule,
  trackOrder,
  unclosedBlock,
  lessonUnclosedBlock,
  quizQuestionId,
  quizSingleAnswer,
  quizDuplicateChoice,
  quizAnswer,
  quizFeedback,
  quizAcceptedFeedback,
  quizPassMark,
  scenarioRubric,
  scenarioSituation,
  reflectionPrompts,
  brokenLink,
  scheduleWindow,
  missingOwner,
  staleContent,
  answerSheet
];

export {
  durationMs,
  parseVersion,
  freshnessVerdict,
  RULES
};
