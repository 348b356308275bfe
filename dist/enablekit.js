import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  noConfigMessage,
  readWorkspace,
  resolveTargets
} from "./chunks/chunk-E3FWTF4R.js";
import {
  UsageError
} from "./chunks/chunk-S6DZV6XD.js";
import {
  inForm,
  isCalendarDate,
  textForm,
  toLf
} from "./chunks/chunk-62XP5XG5.js";
import "./chunks/chunk-B5AU765K.js";

// cli/main.ts
import { parseArgs } from "node:util";

// cli/lint-command.ts
import { readFileSync as readFileSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { resolve } from "node:path";

// core/lint/apply-fixes.ts
function applyEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let applied = 0;
  let floor = Infinity;
  for (const e of sorted) {
    if (e.end > floor) continue;
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    floor = e.start;
    applied++;
  }
  return { text: out, applied };
}
function fixText(fileText, edits) {
  const { text, applied } = applyEdits(toLf(fileText), edits);
  return { text: inForm(text, textForm(fileText)), applied };
}
function bulkFixEdits(diagnostics) {
  const byFile = /* @__PURE__ */ new Map();
  for (const d of diagnostics) {
    if (!d.fix || d.fix.suggestion || /(^|\/)submissions\//.test(d.file)) continue;
    byFile.set(d.file, [...byFile.get(d.file) ?? [], ...d.fix.edits]);
  }
  return byFile;
}

// core/format/json.ts
function formatJson(diagnostics) {
  return JSON.stringify(
    diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      severity: d.severity,
      ruleId: d.ruleId,
      message: d.message
    })),
    null,
    2
  );
}

// core/format/stylish.ts
function formatStylish(diagnostics, options) {
  const paint = (code, s) => options.color ? `\x1B[${code}m${s}\x1B[0m` : s;
  const byFile = /* @__PURE__ */ new Map();
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const out = [];
  for (const [file, list] of byFile) {
    out.push(paint("4", file));
    const width = Math.max(...list.map((d) => `${d.line}:${d.column}`.length));
    for (const d of list) {
      const sev = d.severity === "error" ? paint("31", "error  ") : paint("33", "warning");
      out.push(`  ${`${d.line}:${d.column}`.padEnd(width)}  ${sev}  ${d.message}  ${paint("2", d.ruleId)}`);
    }
    out.push("");
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length) {
    const fixable = diagnostics.filter((d) => d.fix && !d.fix.suggestion).length;
    out.push(paint(errors ? "31;1" : "33;1", `\u2716 ${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})`));
    if (fixable) out.push(`  ${fixable} can be fixed with --fix`);
  }
  return out.join("\n");
}

// cli/result-cache.ts
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
function hashText(...parts) {
  const h = createHash("sha1");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("base64");
}
function readResult(path) {
  if (!path) return void 0;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return void 0;
  }
}
function writeResult(path, result) {
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(result));
    renameSync(tmp, path);
  } catch {
  }
}

// cli/lint-command.ts
var FORMATS = ["stylish", "json", "sarif"];
async function lintOnce(a) {
  const t = resolveTargets(a.cwd, a.paths);
  const noConfig = t.lookedFrom !== void 0 ? noConfigMessage(t.lookedFrom) : void 0;
  const withNote = (r) => noConfig ? { ...r, noConfig } : r;
  const resultPath = a.cache && !a.secret ? resolve(a.cwd, ".enablekit-cache", "result.json") : void 0;
  const cached = readResult(resultPath);
  const configHash = hashText(t.configText ?? "");
  let settings = cached?.configHash === configHash ? cached.settings : void 0;
  let config;
  if (!settings) {
    config = (await import("./chunks/analyse-KPVG6QPS.js")).loadConfig(t);
    settings = { ignore: config.ignore, maxFileSize: config.maxFileSize };
  }
  const files = readWorkspace(a.cwd, t, settings.ignore);
  const key = hashText(a.version, configHash, a.today, t.targets.join("\n"), files.all.join("\n"), ...files.markdown.map((f) => files.hashes.get(f)));
  if (cached && cached.key === key) return withNote(cached);
  const { analyse, loadConfig } = await import("./chunks/analyse-KPVG6QPS.js");
  const analysis = await analyse({ cwd: a.cwd, cache: a.cache, version: a.version, today: a.today, config: config ?? loadConfig(t), files, ...a.secret ? { secret: a.secret } : {}, ...a.jobs ? { jobs: a.jobs } : {} });
  const result = { configHash, settings, key, ...analysis, files: files.only.size };
  writeResult(resultPath, result);
  return withNote(result);
}
function applyFixes(diagnostics, cwd) {
  let fixed = 0;
  for (const [file, edits] of bulkFixEdits(diagnostics)) {
    const path = resolve(cwd, file);
    const { text, applied } = fixText(readFileSync2(path, "utf8"), edits);
    writeFileSync2(path, text);
    fixed += applied;
  }
  return fixed;
}
async function lintCommand(a) {
  if (!FORMATS.includes(a.format)) throw new UsageError(`Expected --format to be one of ${FORMATS.join(", ")}; found "${a.format}". Pick one of those.`);
  let result = await lintOnce(a);
  let fixedNote = "";
  if (a.fix && result.diagnostics.some((d) => d.fix && !d.fix.suggestion)) {
    const fixed = applyFixes(result.diagnostics, a.cwd);
    result = await lintOnce(a);
    fixedNote = `Fixed ${fixed} problem${fixed === 1 ? "" : "s"}.
`;
  }
  const { diagnostics, counts: c, files } = result;
  const note = result.noConfig ? { stderr: `enablekit: ${result.noConfig}
` } : {};
  const exitCode = diagnostics.some((d) => d.severity === "error") || result.sealed?.problems.length ? 1 : 0;
  if (a.format === "json") return { stdout: `${formatJson(diagnostics)}
`, exitCode, ...note };
  if (a.format === "sarif") {
    const [{ formatSarif }, { RULES }] = await Promise.all([import("./chunks/sarif-4OMZNBBF.js"), import("./chunks/rules-ZSONKPDQ.js")]);
    return { stdout: `${formatSarif(diagnostics, RULES, a.version)}
`, exitCode, ...note };
  }
  const summary = `Linted ${files} file${files === 1 ? "" : "s"}: ${c.track} tracks, ${c.module} modules, ${c.quiz} quizzes, ${c.scenario} scenarios, ${c.reflection} reflections.`;
  const body = formatStylish(diagnostics, { color: a.color });
  const locked = result.sealed?.locked ?? 0;
  const sealedNote = [
    ...(result.sealed?.problems ?? []).map((p) => `${p}
`),
    locked ? `${locked} sealed quiz${locked === 1 ? "" : "zes"}: answers not checked. Set ENABLEKIT_KEY to the answer-key secret to check them too.
` : ""
  ].join("");
  return { stdout: `${fixedNote}${body ? `${body}
` : ""}${summary}${diagnostics.length ? "" : " No problems."}
${sealedNote}`, exitCode, ...note };
}

// cli/main.ts
var VERSION = "0.1.0";
var BUILD = true ? `${VERSION}+${"9092ed53f20c"}` : `${VERSION}+dev`;
var HELP = `enablekit ${VERSION}: training as code

Usage:
  enablekit lint [paths...] [--format stylish|json|sarif] [--fix] [--no-cache] [--jobs <n>]
  enablekit new <track|module|quiz|scenario|reflection> <id> [--dir <folder>] [--owner <login>] [--module <id>]
  enablekit take <checkpoint-id> --learner <login> [--curricula <folder>] [--submissions <folder>]
  enablekit grade <answer-sheet> [--format text|json|markdown] [--curricula <folder>]
  enablekit progress [--format markdown|json] [--learner <login>] [--repo owner/name] [--api-url <url>]
  enablekit progress rebuild --repo owner/name [--api-url <url>] [--dry-run]
  enablekit seal|unseal [paths...]           (secret in ENABLEKIT_KEY)
  enablekit seal --rotate [paths...]         (also ENABLEKIT_NEW_KEY; or: enablekit rotate)
  enablekit stale [paths...] [--release <tag>] [--features a,b] [--notes <file>] [--format stylish|json]
  enablekit --help | --version

Options:
  --format    lint: stylish (default), json or sarif; grade: text (default), json or markdown;
              progress: markdown (default) or json
  --repo      progress: read the records from this repository's progress issues (token in
              GITHUB_TOKEN or GH_TOKEN; --api-url for GitHub Enterprise Server), not local sheets
  --fix       apply the fixes rules offer, then report what is left
  --no-cache  parse every file again instead of reusing .enablekit-cache/
  --jobs      lint: parse on this many threads (default: cores - 1, at most 4, from 4 cores up; else 1)
  --today     evaluate dates (review intervals, schedules) as of YYYY-MM-DD
  --debug     show the stack trace of an internal error

Exit codes: 0 no errors (grade: passed), 1 errors found (grade: not passed or not graded),
2 usage or internal error.
Docs: docs/format.md (the content format), docs/rules/ (one page per rule).
`;
function today() {
  const d = /* @__PURE__ */ new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
async function run(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      learner: { type: "string" },
      curricula: { type: "string" },
      submissions: { type: "string", default: "submissions" },
      release: { type: "string" },
      features: { type: "string" },
      notes: { type: "string" },
      repo: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      rotate: { type: "boolean", default: false },
      "api-url": { type: "string" },
      today: { type: "string" },
      fix: { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
      jobs: { type: "string" },
      dir: { type: "string", default: "." },
      owner: { type: "string" },
      module: { type: "string" },
      debug: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", short: "v", default: false }
    }
  });
  const [command, ...rest] = positionals;
  if (values.version) {
    process.stdout.write(`${VERSION}
`);
    return 0;
  }
  if (values.help || !command) {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 2;
  }
  const cwd = process.cwd();
  if (values.today !== void 0 && !isCalendarDate(values.today)) throw new UsageError(`Expected --today to be a date on the calendar, YYYY-MM-DD; found "${values.today}". Pass a date such as 2026-11-22, or leave --today out for today.`);
  const day = values.today ?? today();
  switch (command) {
    case "lint": {
      if (values.jobs !== void 0 && !/^[1-9]\d{0,2}$/.test(values.jobs)) throw new UsageError(`Expected --jobs to be a whole number of threads from 1 up; found "${values.jobs}". Pass --jobs 1 to parse on one thread.`);
      const { stdout, stderr, exitCode } = await lintCommand({
        paths: rest,
        format: values.format ?? "stylish",
        fix: values.fix,
        cache: !values["no-cache"],
        cwd,
        today: day,
        version: BUILD,
        color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
        ...process.env.ENABLEKIT_KEY ? { secret: process.env.ENABLEKIT_KEY } : {},
        ...values.jobs ? { jobs: Number(values.jobs) } : {}
      });
      if (stderr) process.stderr.write(stderr);
      process.stdout.write(stdout);
      return exitCode;
    }
    case "new": {
      const { newCommand } = await import("./chunks/new-command-RXBAUXO3.js");
      process.stdout.write(newCommand({ type: rest[0], id: rest[1], dir: values.dir, cwd, today: day, ...values.owner ? { owner: values.owner } : {}, ...values.module ? { module: values.module } : {} }));
      return 0;
    }
    case "take":
    case "grade": {
      const { takeCommand, gradeCommand } = await import("./chunks/checkpoint-commands-OVZIBSZF.js");
      const common = { cwd, submissions: values.submissions, version: BUILD, cache: !values["no-cache"], ...values.curricula ? { curricula: values.curricula } : {} };
      if (command === "take") {
        process.stdout.write(await takeCommand({ ...common, ...rest[0] ? { id: rest[0] } : {}, ...values.learner ? { learner: values.learner } : {} }));
        return 0;
      }
      const { stdout, exitCode } = await gradeCommand({ ...common, ...rest[0] ? { sheet: rest[0] } : {}, format: values.format ?? "text", now: (/* @__PURE__ */ new Date()).toISOString() });
      process.stdout.write(stdout);
      return exitCode;
    }
    case "progress": {
      const { progressCommand, rebuildCommand } = await import("./chunks/progress-command-3ALAX4LL.js");
      const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
      if (rest[0] !== void 0 && rest[0] !== "rebuild") throw new UsageError(`Expected "enablekit progress" or "enablekit progress rebuild"; found "progress ${rest[0]}".`);
      const { stdout, exitCode } = await (rest[0] === "rebuild" ? (a) => rebuildCommand({ ...a, dryRun: values["dry-run"] }) : progressCommand)({
        cwd,
        submissions: values.submissions,
        format: values.format ?? "markdown",
        apiUrl: values["api-url"] ?? process.env.GITHUB_API_URL ?? "https://api.github.com",
        today: day,
        now: (/* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
        version: BUILD,
        cache: !values["no-cache"],
        ...values.curricula ? { curricula: values.curricula } : {},
        ...values.learner ? { learner: values.learner } : {},
        ...values.repo ? { repo: values.repo } : {},
        ...token ? { token } : {}
      });
      process.stdout.write(stdout);
      return exitCode;
    }
    case "seal":
    case "unseal":
    case "rotate": {
      const { sealCommand } = await import("./chunks/seal-command-CFUXHSAE.js");
      const action = command === "seal" && values.rotate ? "rotate" : command;
      const { stdout, exitCode } = await sealCommand({ action, cwd, paths: rest, version: BUILD, ...process.env.ENABLEKIT_KEY ? { secret: process.env.ENABLEKIT_KEY } : {}, ...process.env.ENABLEKIT_NEW_KEY ? { newSecret: process.env.ENABLEKIT_NEW_KEY } : {} });
      process.stdout.write(stdout);
      return exitCode;
    }
    case "stale": {
      const { staleCommand } = await import("./chunks/stale-command-PTJPESY4.js");
      const { stdout, exitCode } = await staleCommand({
        cwd,
        paths: rest,
        format: values.format ?? "stylish",
        today: day,
        version: BUILD,
        cache: !values["no-cache"],
        ...values.release ? { release: values.release } : {},
        ...values.features ? { features: values.features } : {},
        ...values.notes ? { notes: values.notes } : {}
      });
      process.stdout.write(stdout);
      return exitCode;
    }
    default:
      throw new UsageError(`Expected a command (lint, new, take, grade, progress, seal, unseal, rotate, stale); found "${command}". Run "enablekit --help" for usage.`);
  }
}
var debug = process.argv.includes("--debug");
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    const err = e;
    if (e instanceof UsageError || err.code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`enablekit: ${err.message}
`);
    } else {
      process.stderr.write(`enablekit: internal error: ${err.message}. Re-run with --debug for details and report it.
`);
      if (debug) process.stderr.write(`${err.stack}
`);
    }
    process.exitCode = 2;
  }
);
