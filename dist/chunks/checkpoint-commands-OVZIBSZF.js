import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  checkReflection,
  checkpointSheetText,
  gradeQuiz,
  policyFor,
  readAnswerSheet,
  sheetLimit,
  timedMatcher
} from "./chunk-L7ATKBIC.js";
import {
  escapeMarkdown
} from "./chunk-4D2OE2KG.js";
import {
  loadIndex
} from "./chunk-YMXA3CNF.js";
import {
  findCurricula,
  resolveTargets
} from "./chunk-E3FWTF4R.js";
import "./chunk-3EZ7HMQY.js";
import "./chunk-EIFYVTYX.js";
import "./chunk-MJ7R2TOD.js";
import {
  CONFIG_FILE,
  UsageError
} from "./chunk-S6DZV6XD.js";
import "./chunk-LWN357S5.js";
import "./chunk-JEF32JUO.js";
import "./chunk-62XP5XG5.js";
import {
  isCheckpoint
} from "./chunk-N6VMDUHI.js";
import "./chunk-B5AU765K.js";

// cli/checkpoint-commands.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";

// core/grading/render-grade.ts
var MARK = { right: "\u2705 right", partial: "\u{1F7E1} partly right", wrong: "\u274C wrong", unanswered: "\u2B1C no answer", changed: "\u26A0\uFE0F question changed", "not-a-number": "\u274C not a number" };
function gradeMarkdown(g) {
  const head = `### ${g.passed ? "Passed" : "Not passed yet"}: ${g.percent}% (pass mark ${g.passMark}%)

Attempt ${g.attempt} of ${g.attemptsAllowed} at \`${g.checkpoint}\` by @${g.learner.replace(/[^A-Za-z0-9-]/g, "")}. Score ${g.score} of ${g.maxScore}.

`;
  const cols = g.revealed ? "| # | Question | Your answer | Result | Right answer | Feedback |\n|---|---|---|---|---|---|\n" : "| # | Question | Your answer | Result | Feedback |\n|---|---|---|---|---|\n";
  const rows = g.questions.map((q, i) => {
    const cells = [String(i + 1), escapeMarkdown(q.prompt), q.answer ? escapeMarkdown(q.answer) : "\u2014", `${MARK[q.outcome]} (${q.points}/${q.weight})`];
    if (g.revealed) cells.push(q.correctAnswer ? escapeMarkdown(q.correctAnswer) : "");
    cells.push(q.feedback.map((f) => escapeMarkdown(f)).join("<br>"));
    return `| ${cells.join(" | ")} |`;
  }).join("\n");
  const tail = g.passed ? "" : `

${g.attempt < g.attemptsAllowed ? "Change your answers and push again to retake." : "That was your last attempt; talk to your trainer."}`;
  return `${head}${cols}${rows}${tail}
`;
}
function refusalMarkdown(r) {
  return `### Not graded

${escapeMarkdown(r.message, 1e3)}
`;
}
function gradeText(g) {
  const lines = g.questions.map((q, i) => {
    const right = q.correctAnswer ? `
      right answer: ${q.correctAnswer}` : "";
    const fb = q.feedback.map((f) => `
      ${f}`).join("");
    return `  ${String(i + 1).padStart(2)}. ${MARK[q.outcome].padEnd(20)} ${q.points}/${q.weight}  ${q.prompt}
      your answer: ${q.answer || "\u2014"}${right}${fb}`;
  });
  return `${g.checkpoint} (${g.learner}), attempt ${g.attempt} of ${g.attemptsAllowed}
${lines.join("\n")}

${g.passed ? "Passed" : "Not passed"}: ${g.percent}% (pass mark ${g.passMark}%)
`;
}

// cli/checkpoint-commands.ts
async function findCheckpoint(a, id) {
  const from = resolve(a.cwd, a.curricula ?? ".");
  if (a.curricula && !existsSync(from)) throw new UsageError(`Expected the curricula folder ${a.curricula}; found nothing there. Check --curricula.`);
  const root = findCurricula(from);
  if (!root) throw new UsageError(`Expected ${CONFIG_FILE} in ${relative(a.cwd, from) || "."} or a folder above it (or in a curricula/ folder there); found none, so there are no curricula to take from or grade against. Run this inside your curricula repository, or pass --curricula <folder with ${CONFIG_FILE}>.`);
  const targets = resolveTargets(a.cwd, [root]);
  const dir = relative(a.cwd, root) || ".";
  const { index, config } = await loadIndex({ cwd: a.cwd, cache: a.cache, version: a.version, targets });
  const claims = index.itemsWithId(id);
  if (claims.length > 1) throw new UsageError(`Expected one item with id "${id}" in ${dir}; found ${claims.length}: ${claims.map((i) => i.file).sort().join(", ")}. Give each its own id ("enablekit lint" reports duplicate-id), then run this again.`);
  const item = claims[0];
  if (!item) throw new UsageError(`Expected a checkpoint with id "${id}" in ${dir}; found none. Check the id, or pass --curricula <folder>.`);
  if (!isCheckpoint(item)) throw new UsageError(`Expected "${id}" to be a quiz, scenario or reflection; found a ${item.type}. Name a checkpoint.`);
  return { checkpoint: item, config };
}
async function takeCommand(a) {
  if (!a.id) throw new UsageError('Expected "enablekit take <checkpoint-id> --learner <login>"; found no checkpoint id. Name the quiz to take.');
  if (!a.learner || !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(a.learner)) throw new UsageError(`Expected --learner to be your GitHub login; found ${a.learner ? `"${a.learner}"` : "none"}. Pass --learner <login>.`);
  const { checkpoint } = await findCheckpoint(a, a.id);
  const path = resolve(a.cwd, a.submissions, a.learner, `${checkpoint.id}.md`);
  if (existsSync(path)) throw new UsageError(`Expected no answer sheet at ${relative(a.cwd, path)}; found one with your answers. Edit it, or move it away to start over; nothing was overwritten.`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, checkpointSheetText(checkpoint, a.learner), { flag: "wx" });
  return `Created ${relative(a.cwd, path)}. Answer it, then run "enablekit grade ${relative(a.cwd, path)}" to check locally, or open a pull request.
`;
}
function reflectionReport(body, r, format) {
  const check = checkReflection(body, r);
  const exitCode = check.complete ? 0 : 1;
  if (format === "json") return { stdout: `${JSON.stringify({ checkpoint: r.id, ...check }, null, 2)}
`, exitCode };
  const head = check.complete ? `Complete: "${r.title}".` : `Not complete yet: "${r.title}".`;
  return { stdout: `${[head, ...check.missing.map((m) => `  - ${m}`)].join("\n")}
`, exitCode };
}
async function gradeCommand(a) {
  if (!a.sheet) throw new UsageError('Expected "enablekit grade <answer-sheet>"; found no file. Name the sheet, such as submissions/<login>/<quiz-id>.md.');
  if (!["text", "json", "markdown"].includes(a.format)) throw new UsageError(`Expected --format to be text, json or markdown; found "${a.format}".`);
  const path = resolve(a.cwd, a.sheet);
  if (!existsSync(path)) throw new UsageError(`Expected an answer sheet at ${a.sheet}; found nothing. Create one with "enablekit take <checkpoint> --learner <login>".`);
  const folder = basename(dirname(path));
  const file = basename(path, ".md");
  const named = await findCheckpoint(a, file).catch((e) => {
    if (e instanceof UsageError) return void 0;
    throw e;
  });
  const read = readAnswerSheet(readFileSync(path, "utf8"), sheetLimit(named?.checkpoint));
  let result;
  if (!read.ok) {
    result = { ok: false, refusal: { checkpoint: "", learner: "", reason: "invalid-sheet", message: `${a.sheet}:${read.line}: ${read.message}`, line: read.line } };
  } else {
    const { sheet } = read;
    if (sheet.learner !== folder || sheet.checkpoint !== file) {
      result = { ok: false, refusal: { checkpoint: sheet.checkpoint, learner: sheet.learner, reason: "invalid-sheet", message: `Expected the sheet at submissions/${sheet.learner}/${sheet.checkpoint}.md to match its front matter; found it at .../${folder}/${file}.md. Move it, or fix learner: and checkpoint:.` } };
    } else {
      const { checkpoint, config } = named ?? await findCheckpoint(a, sheet.checkpoint);
      if (checkpoint.type === "scenario") throw new UsageError(`Expected a quiz or reflection to grade; found "${checkpoint.id}", a scenario, which a reviewer grades against its rubric in the pull request. Open the pull request and ask your trainer.`);
      if (checkpoint.type === "reflection") return reflectionReport(sheet.body, checkpoint, a.format);
      result = gradeQuiz({ sheet, quiz: checkpoint, policy: policyFor(checkpoint, config), prior: [], now: a.now, match: timedMatcher });
      if (!result.ok && result.refusal.line) result.refusal.message = `${a.sheet}: ${result.refusal.message}`;
    }
  }
  const exitCode = result.ok && result.grade.passed ? 0 : 1;
  if (a.format === "json") return { stdout: `${JSON.stringify(result.ok ? result.grade : result.refusal, null, 2)}
`, exitCode };
  if (a.format === "markdown") return { stdout: result.ok ? gradeMarkdown(result.grade) : refusalMarkdown(result.refusal), exitCode };
  return { stdout: result.ok ? gradeText(result.grade) : `Not graded: ${result.refusal.message}
`, exitCode };
}
export {
  gradeCommand,
  takeCommand
};
