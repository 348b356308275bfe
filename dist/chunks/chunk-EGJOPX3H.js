import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  appraisalLines,
  progressMarker,
  resultsOf
} from "./chunk-2GDN6ZWL.js";
import {
  escapeMarkdown
} from "./chunk-4D2OE2KG.js";

// core/progress/learner-status.ts
function rolesOf(login, config, extraRoles = []) {
  const l = login.toLowerCase();
  const roles = [...config.roles.values()].filter((r) => r.learners.some((x) => x.toLowerCase() === l)).map((r) => r.id);
  return [.../* @__PURE__ */ new Set([...roles, ...extraRoles])];
}
function learnerStatus(login, roles, index, records, today) {
  const mine = resultsOf(records, login);
  const tracks = [...index.items()].filter((i) => i.type === "track" && i.roles.some((r) => roles.includes(r)));
  tracks.sort((a, b) => a.phase === b.phase ? a.id.localeCompare(b.id) : a.phase === "foundation" ? -1 : 1);
  return tracks.map((t) => {
    const modules = t.modules.map((entry) => {
      const checkpoints = index.checkpointsOf(entry.module).map((c) => {
        const rs = mine.filter((r) => r.checkpoint === c.id);
        const scores = rs.flatMap((r) => r.percent === void 0 ? [] : [r.percent]);
        return { id: c.id, passed: rs.some((r) => r.passed), attempts: rs.length, ...scores.length ? { best: Math.max(...scores) } : {} };
      });
      const due = entry.window?.due ?? t.window?.due;
      const opens = entry.window?.opens ?? t.window?.opens;
      const passed = checkpoints.length > 0 && checkpoints.every((c) => c.passed);
      const tried = checkpoints.some((c) => c.attempts > 0);
      let state;
      if (checkpoints.length === 0) state = opens && opens > today ? "not-started" : "open";
      else if (passed) state = "passed";
      else if (due && due < today) state = "overdue";
      else if (checkpoints.some((c) => c.attempts > 0 && !c.passed)) state = "failed";
      else if (tried) state = "submitted";
      else state = opens && opens > today ? "not-started" : "open";
      return { module: entry.module, state, ...due ? { due } : {}, checkpoints };
    });
    const required = modules.filter((m, k) => m.checkpoints.length > 0 && !t.modules[k].optional);
    return { track: t.id, complete: required.length > 0 && required.every((m) => m.state === "passed"), modules };
  });
}

// core/review/participation.ts
function participationOf(records, login) {
  const mine = records.filter((r) => r.kind === "participation" && r.learner.toLowerCase() === login.toLowerCase());
  const keys = (side) => new Set(mine.filter((r) => r.side === side).map((r) => `${r.pr}/${r.ref}`)).size;
  return { gave: keys("gave"), received: keys("received"), peers: [...new Set(mine.flatMap((r) => r.peer ? [r.peer.toLowerCase()] : []))].sort() };
}

// core/progress/progress-body.ts
var STATE = {
  "not-started": "\u23F3 not open yet",
  open: "\u{1F4D6} open",
  submitted: "\u{1F4E8} submitted",
  failed: "\u{1F501} not passed yet",
  passed: "\u2705 passed",
  overdue: "\u26A0\uFE0F overdue"
};
function progressBody(login, roles, index, ledger, today, forIssue = true) {
  const tracks = learnerStatus(login, [...roles], index, ledger.records, today);
  const title = (id) => escapeMarkdown(index.item(id)?.title ?? id, 120);
  const intro = `Training progress of @${login}${roles.length ? ` (${roles.join(", ")})` : ""}, as of ${today}.`;
  const parts = forIssue ? [progressMarker(login), `${intro} This body is rewritten from the records below each time a result comes in; edit nothing here.`, ""] : [intro, ""];
  if (!tracks.length) parts.push(`No track is assigned to ${roles.length ? "these roles" : "this learner: add them to a role in enablekit.yml"}.`);
  for (const t of tracks) {
    parts.push(`### ${t.complete ? "\u2705 " : ""}${title(t.track)}`, "", "| module | status | due | checkpoints |", "|---|---|---|---|");
    for (const m of t.modules) {
      const cps = m.checkpoints.map((c) => `${title(c.id)}: ${c.passed ? "passed" : c.attempts ? "not passed" : "not taken"}${c.best !== void 0 ? `, best ${c.best}%` : ""}${c.attempts ? `, ${c.attempts} attempt${c.attempts > 1 ? "s" : ""}` : ""}`).join("<br>");
      parts.push(`| ${title(m.module)} | ${STATE[m.state]} | ${m.due ?? ""} | ${cps || "(reading only)"} |`);
    }
    parts.push(...appraisalLines(ledger.records, t.track), "");
  }
  const p = participationOf(ledger.records, login);
  if (p.gave || p.received) parts.push(`**Participation on reflections:** ${p.gave} repl${p.gave === 1 ? "y or reaction" : "ies or reactions"} given, ${p.received} received${p.peers.length ? ` (with ${p.peers.map((x) => `@${escapeMarkdown(x, 40)}`).join(", ")})` : ""}.`, "");
  if (ledger.flagged.length) {
    parts.push(`> [!WARNING]
> ${ledger.flagged.length} record${ledger.flagged.length > 1 ? "s were" : " was"} ignored: only the enablekit Action writes records, and a record edited after it was written is no result (its quiz attempt still counts, not as a pass).`, ...ledger.flagged.map((f) => `> - ${f.url ?? `comment ${f.comment}`}: ${f.why === "edited" ? "edited" : "not written by enablekit"}`), "");
  }
  parts.push(`<sub>${ledger.records.length} record${ledger.records.length === 1 ? "" : "s"}.</sub>`);
  return parts.join("\n");
}

export {
  rolesOf,
  learnerStatus,
  participationOf,
  progressBody
};
