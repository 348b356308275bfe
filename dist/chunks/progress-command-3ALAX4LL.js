import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  learnerStatus,
  participationOf,
  progressBody,
  rolesOf
} from "./chunk-EGJOPX3H.js";
import {
  markedLearner,
  resultsOf
} from "./chunk-2GDN6ZWL.js";
import "./chunk-4XER3IFK.js";
import {
  checkReflection,
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
  resolveTargets
} from "./chunk-E3FWTF4R.js";
import "./chunk-3EZ7HMQY.js";
import "./chunk-EIFYVTYX.js";
import "./chunk-MJ7R2TOD.js";
import {
  UsageError
} from "./chunk-S6DZV6XD.js";
import "./chunk-LWN357S5.js";
import "./chunk-JEF32JUO.js";
import "./chunk-62XP5XG5.js";
import "./chunk-N6VMDUHI.js";
import "./chunk-B5AU765K.js";

// cli/progress-command.ts
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

// core/progress/cohort.ts
var DASHBOARD_MARKER = "<!-- enablekit:dashboard -->";
var median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
function cohort(index, learners, today) {
  const tracks = [];
  const roles = [...new Set(learners.flatMap((l) => l.roles))].sort();
  for (const role of roles) {
    const members = learners.filter((l) => l.roles.includes(role)).sort((a, b) => a.login.localeCompare(b.login));
    const byTrack = /* @__PURE__ */ new Map();
    for (const l of members) {
      for (const t of learnerStatus(l.login, [role], index, l.records, today)) {
        let row = byTrack.get(t.track);
        if (!row) byTrack.set(t.track, row = { role, track: t.track, modules: t.modules.map((m) => m.module), learners: [] });
        row.learners.push({ login: l.login, states: t.modules.map((m) => m.state), complete: t.complete });
      }
    }
    tracks.push(...byTrack.values());
  }
  const all = learners.flatMap((l) => resultsOf(l.records, l.login));
  const ids = [...new Set(all.map((r) => r.checkpoint))].sort();
  const checkpoints = ids.map((id) => {
    const per = /* @__PURE__ */ new Map();
    for (const r of all.filter((x) => x.checkpoint === id)) {
      const k = r.learner.toLowerCase();
      const s = per.get(k) ?? { attempts: 0, passed: false };
      per.set(k, { attempts: s.attempts + 1, passed: s.passed || r.passed });
    }
    const v = [...per.values()];
    const passed = v.filter((x) => x.passed).length;
    return { id, attempted: v.length, passed, passRate: v.length ? Math.round(passed / v.length * 100) : 0, medianAttempts: median(v.map((x) => x.attempts)) };
  });
  const missed = /* @__PURE__ */ new Map();
  for (const r of all) {
    for (const q of r.missed ?? []) {
      const k = `${r.checkpoint}#${q}`;
      const m = missed.get(k) ?? { checkpoint: r.checkpoint, question: q, count: 0 };
      m.count++;
      missed.set(k, m);
    }
  }
  const mostMissed = [...missed.values()].sort((a, b) => b.count - a.count || a.checkpoint.localeCompare(b.checkpoint) || a.question.localeCompare(b.question)).slice(0, 10);
  return { tracks, checkpoints, mostMissed };
}
var ICON = { "not-started": "\xB7", open: "\u25CB", submitted: "\u25D0", failed: "\u2717", passed: "\u2713", overdue: "\u26A0" };
function dashboardBody(c, index, today, forIssue = true) {
  const title = (id) => escapeMarkdown(index.item(id)?.title ?? id, 60);
  const intro = `Cohort progress as of ${today}${forIssue ? ", recomputed from every learner's progress issue on each scheduled run" : ""}.`;
  const parts = [...forIssue ? [DASHBOARD_MARKER] : [], `${intro} \u2713 passed \xB7 \u2717 not passed yet \xB7 \u25D0 submitted \xB7 \u25CB open \xB7 \u26A0 overdue \xB7 \xB7 not open yet`, ""];
  for (const t of c.tracks) {
    const done = t.learners.filter((l) => l.complete).length;
    parts.push(`### ${escapeMarkdown(t.role, 40)}: ${title(t.track)} (${done} of ${t.learners.length} complete)`, "", `| learner | ${t.modules.map(title).join(" | ")} |`, `|---|${t.modules.map(() => ":-:").join("|")}|`);
    for (const l of t.learners) parts.push(`| @${l.login} | ${l.states.map((s) => ICON[s]).join(" | ")} |`);
    parts.push("");
  }
  if (!c.tracks.length) parts.push("No learner has a track yet: add learners to roles in enablekit.yml.", "");
  parts.push("### Checkpoints", "", "| checkpoint | learners | passed | pass rate | median attempts |", "|---|--:|--:|--:|--:|");
  for (const s of c.checkpoints) parts.push(`| ${title(s.id)} | ${s.attempted} | ${s.passed} | ${s.passRate}% | ${s.medianAttempts} |`);
  if (c.mostMissed.length) {
    parts.push("", "### Most-missed questions", "");
    for (const m of c.mostMissed) parts.push(`- ${title(m.checkpoint)}, \`${escapeMarkdown(m.question, 80)}\`: missed ${m.count} time${m.count === 1 ? "" : "s"}`);
  }
  return parts.join("\n");
}

// cli/progress-command.ts
async function progressCommand(a) {
  if (!["markdown", "json"].includes(a.format)) throw new UsageError(`Expected --format to be markdown or json; found "${a.format}".`);
  if (a.repo && !/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/.test(a.repo)) throw new UsageError(`Expected --repo as owner/name; found "${a.repo}".`);
  if (a.repo && !a.token) throw new UsageError("Expected a token to read the progress issues; found none. Set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the repository's issues.");
  const dir = a.curricula ?? (existsSync(resolve(a.cwd, "curricula")) ? "curricula" : ".");
  const { index, config } = await loadIndex({ cwd: a.cwd, cache: a.cache, version: a.version, targets: resolveTargets(a.cwd, [dir]) });
  const records = a.repo ? await recordsFromGitHub(a) : recordsFromSheets(a, index, config);
  const logins = new Set([...config.roles.values()].flatMap((r) => r.learners.map((l) => l.toLowerCase())));
  for (const login of records.keys()) logins.add(login);
  const wanted = [...logins].filter((l) => !a.learner || l === a.learner.toLowerCase()).sort();
  if (a.learner && !wanted.length) throw new UsageError(`Expected a learner "${a.learner}" in enablekit.yml or with records; found none. Check the login.`);
  const learners = wanted.map((login) => ({ login, roles: rolesOf(login, config), records: records.get(login) ?? [], notices: [] }));
  if (a.format === "json") {
    const out = {
      today: a.today,
      source: a.repo ? `github:${a.repo}` : "answer-sheets",
      learners: learners.map((l) => ({ login: l.login, roles: l.roles, tracks: learnerStatus(l.login, l.roles, index, l.records, a.today), participation: participationOf(l.records, l.login), records: l.records.length })),
      ...a.learner ? {} : { cohort: cohort(index, learners, a.today) }
    };
    return { stdout: `${JSON.stringify(out, null, 2)}
`, exitCode: 0 };
  }
  const parts = learners.map((l) => `## @${l.login}

${progressBody(l.login, l.roles, index, { records: l.records, flagged: [] }, a.today, false)}`);
  if (!a.learner) parts.push(`## Cohort

${dashboardBody(cohort(index, learners, a.today), index, a.today, false)}`);
  return { stdout: `${parts.join("\n\n")}
`, exitCode: 0 };
}
async function rebuildCommand(a) {
  if (!a.repo || !/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/.test(a.repo)) throw new UsageError(`Expected --repo owner/name: the repository whose progress issues to rebuild; found ${a.repo ? `"${a.repo}"` : "none"}.`);
  if (!a.token) throw new UsageError("Expected a token to rewrite the progress issues; found none. Set GITHUB_TOKEN (or GH_TOKEN) to a token that can write the repository's issues.");
  const [owner = "", repo = ""] = a.repo.split("/");
  const { client } = await import("./github-calls-DTSBYVSM.js");
  const { rebuildProgress } = await import("./progress-rebuild-VIGMDPKT.js");
  const lines = [];
  const dir = a.curricula ?? (existsSync(resolve(a.cwd, "curricula")) ? "curricula" : ".");
  try {
    const r = await rebuildProgress({ owner, repo, dryRun: a.dryRun, workspace: a.cwd, curricula: dir }, client({ token: a.token, apiUrl: a.apiUrl }), a.today, (l) => lines.push(l));
    lines.push(`Rebuilt the progress of ${r.learners} learner(s): ${r.rewritten} body(ies) ${a.dryRun ? "would be " : ""}rewritten.`);
  } catch (e) {
    throw githubProblem(e, a, "read and write", " Run it again: it carries on from what is there.");
  }
  return { stdout: `${lines.join("\n")}
`, exitCode: 0 };
}
function recordsFromSheets(a, index, config) {
  const out = /* @__PURE__ */ new Map();
  const root = resolve(a.cwd, a.submissions);
  if (!existsSync(root)) return out;
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(join(root, folder.name)).filter((f) => f.endsWith(".md")).sort()) {
      const text = readFileSync(join(root, folder.name, file), "utf8");
      const read = readAnswerSheet(text, sheetLimit(index.item(file.replace(/\.md$/, ""))));
      if (!read.ok || read.sheet.learner.toLowerCase() !== folder.name.toLowerCase()) continue;
      const item = index.item(read.sheet.checkpoint);
      const base = { learner: folder.name.toLowerCase(), checkpoint: read.sheet.checkpoint, pr: 0, sha: createHash("sha1").update(text).digest("hex").slice(0, 12), at: a.now };
      let record;
      if (item?.type === "quiz") {
        const g = gradeQuiz({ sheet: read.sheet, quiz: item, policy: policyFor(item, config), prior: [], now: a.now, match: timedMatcher });
        if (g.ok) record = { ...base, kind: "quiz", passed: g.grade.passed, percent: g.grade.percent, attempt: 1, missed: g.grade.questions.filter((q) => q.outcome !== "right").flatMap((q) => q.id ? [q.id] : []) };
      } else if (item?.type === "reflection") {
        record = { ...base, kind: "reflection", passed: checkReflection(read.sheet.body, item).complete };
      }
      if (record) out.set(record.learner, [...out.get(record.learner) ?? [], record]);
    }
  }
  return out;
}
async function recordsFromGitHub(a) {
  const [{ client }, { listProgressIssues, loadLedger }] = await Promise.all([import("./github-calls-DTSBYVSM.js"), import("./progress-ledger-TBTD4KAF.js")]);
  const [owner = "", repo = ""] = a.repo.split("/");
  const where = { owner, repo, dryRun: true };
  const gh = client({ token: a.token, apiUrl: a.apiUrl });
  const out = /* @__PURE__ */ new Map();
  try {
    const issues = await listProgressIssues(gh, where);
    const logins = [...new Set(issues.flatMap((i) => markedLearner(i.body) ?? []))];
    for (const login of logins) out.set(login, (await loadLedger(gh, where, login, issues)).records);
  } catch (e) {
    throw githubProblem(e, a, "read", "");
  }
  return out;
}
function githubProblem(e, a, access, then) {
  const status = e.status;
  if (!status) return e;
  return new UsageError(`Expected to ${access} the issues of ${a.repo} at ${a.apiUrl}; GitHub answered ${status}. Check --repo, --api-url and that the token can ${access} issues.${then}`);
}
export {
  progressCommand,
  rebuildCommand
};
