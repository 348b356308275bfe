import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  info,
  listProgressIssues,
  loadLedger
} from "./chunk-EY66ZIR2.js";
import "./chunk-2POIRLGB.js";
import {
  progressBody,
  rolesOf
} from "./chunk-2N3NEAFC.js";
import {
  markedLearner
} from "./chunk-JNDRBQNW.js";
import "./chunk-4D2OE2KG.js";
import {
  loadIndex
} from "./chunk-J4HSKOYX.js";
import {
  resolveTargets
} from "./chunk-TXYMICIS.js";
import "./chunk-VGWVQOPW.js";
import "./chunk-X7AHJ7VS.js";
import "./chunk-7MLHL3EW.js";
import "./chunk-I6GSWM5T.js";
import "./chunk-ZRGVDCSS.js";
import "./chunk-ZBVLYBTG.js";
import "./chunk-G2VFSW4V.js";
import "./chunk-UHH7OAYF.js";
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
