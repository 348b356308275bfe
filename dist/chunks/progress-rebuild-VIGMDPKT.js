import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  info,
  listProgressIssues,
  loadLedger
} from "./chunk-SZPXPGKT.js";
import "./chunk-VS3ERUQG.js";
import {
  progressBody,
  rolesOf
} from "./chunk-EGJOPX3H.js";
import {
  markedLearner
} from "./chunk-2GDN6ZWL.js";
import "./chunk-4XER3IFK.js";
import "./chunk-4D2OE2KG.js";
import {
  loadIndex
} from "./chunk-YMXA3CNF.js";
import {
  resolveTargets
} from "./chunk-E3FWTF4R.js";
import "./chunk-3EZ7HMQY.js";
import "./chunk-EIFYVTYX.js";
import "./chunk-MJ7R2TOD.js";
import "./chunk-S6DZV6XD.js";
import "./chunk-LWN357S5.js";
import "./chunk-JEF32JUO.js";
import "./chunk-62XP5XG5.js";
import "./chunk-N6VMDUHI.js";
import "./chunk-B5AU765K.js";

// action/progress-rebuild.ts
async function rebuildProgress(ctx, gh, today, log = info) {
  const { index, config } = await loadIndex({ cwd: ctx.workspace, cache: false, version: "action", targets: resolveTargets(ctx.workspace, [ctx.curricula]) });
  const issues = await listProgressIssues(gh, ctx);
  const logins = [...new Set(issues.flatMap((i) => markedLearner(i.body) ?? []))].sort();
  let rewritten = 0;
  for (const login of logins) {
    const ledger = await loadLedger(gh, ctx, login, issues);
    if (!ledger.issue) continue;
    const body = progressBody(login, rolesOf(login, config), index, ledger, today);
    if (body === ledger.issue.body) continue;
    rewritten++;
    if (ctx.dryRun) log(`Dry run: would rewrite the progress body of @${login} (#${ledger.issue.number}).`);
    else await gh.rest.issues.update({ owner: ctx.owner, repo: ctx.repo, issue_number: ledger.issue.number, body });
  }
  return { learners: logins.length, rewritten };
}
export {
  rebuildProgress
};
