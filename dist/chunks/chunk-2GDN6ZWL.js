import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  ACTIONS_BOT,
  writtenBy
} from "./chunk-4XER3IFK.js";
import {
  escapeMarkdown
} from "./chunk-4D2OE2KG.js";

// core/progress/records.ts
var RESULT_KINDS = ["quiz", "mock", "reflection"];
var RECORD_KINDS = [...RESULT_KINDS, "participation", "appraisal"];
var CLAIM_REF = "claim";
var isClaim = (r) => r.kind === "quiz" && r.ref === CLAIM_REF;
var recordKey = (r) => `${r.checkpoint}#${r.pr}@${r.sha}${r.ref ? `/${r.ref}` : ""}`;
var isResult = (r) => RESULT_KINDS.includes(r.kind);
function dedupeRecords(records) {
  const seen = /* @__PURE__ */ new Map();
  for (const r of records) if (!seen.has(recordKey(r))) seen.set(recordKey(r), r);
  return [...seen.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (recordKey(a) < recordKey(b) ? -1 : 1));
}
var resultsOf = (records, login) => dedupeRecords(records).filter((r) => isResult(r) && r.learner.toLowerCase() === login.toLowerCase());

// core/text/hidden-json.ts
function hiddenJson(tag, data) {
  return `<!-- enablekit:${tag} ${JSON.stringify(data).replace(/--/g, "-\\u002d")} -->`;
}
function readHiddenJson(tag, body) {
  const out = [];
  for (const m of (body ?? "").matchAll(new RegExp(`<!-- enablekit:${tag} (\\{[^\\n]*?\\}) -->`, "g"))) {
    try {
      out.push(JSON.parse(m[1]));
    } catch {
    }
  }
  return out;
}

// core/progress/ledger.ts
var PROGRESS_LABEL = "enablekit:progress";
var progressMarker = (login) => `<!-- enablekit:progress learner=${login.toLowerCase()} -->`;
var progressTitle = (login) => `Training progress: @${login}`;
var markedLearner = (body) => /<!-- enablekit:progress learner=([^ ]+) -->/.exec(body ?? "")?.[1];
function progressIssuesOf(issues, login, writer = ACTIONS_BOT) {
  const marker = progressMarker(login);
  return issues.filter((i) => !i.pull_request && writtenBy(i.user, writer) && (i.body ?? "").includes(marker)).sort((a, b) => a.number - b.number);
}
function ledgerComment(c, writer = ACTIONS_BOT) {
  return { id: c.id, body: c.body ?? "", byEnablekit: writtenBy(c.user, writer), createdAt: c.created_at, updatedAt: c.updated_at, ...c.html_url ? { url: c.html_url } : {} };
}
function recordComment(records) {
  return records.map((r) => `${recordLine(r)}
${hiddenJson("record", r)}`).join("\n\n");
}
function recordLine(r) {
  const id = `**${escapeMarkdown(r.checkpoint, 100)}**`;
  const who = (login) => login ? `@${escapeMarkdown(login, 40)}` : "someone";
  switch (r.kind) {
    case "quiz":
      if (isClaim(r)) return `${id}: an attempt in #${r.pr} at ${r.sha.slice(0, 7)}, placed in the order the records were stored before it is graded.`;
      if (r.refused) return `${id}: the attempt in #${r.pr} at ${r.sha.slice(0, 7)} does not count: ${r.refused === "cooldown" ? "it came inside the retake cooldown" : "it came after the attempts allowed"}, counted in the order the records were stored.`;
      return `${id}: ${r.passed ? "Passed" : "Not passed yet"}${r.percent === void 0 ? "" : `: ${r.percent}%`}${r.attempt ? ` (attempt ${r.attempt})` : ""}, in #${r.pr} at ${r.sha.slice(0, 7)}.`;
    case "mock":
      return `${id}: ${r.passed ? "Pass" : "Fail"}${r.attempt ? ` (attempt ${r.attempt})` : ""}, graded by ${who(r.reviewer)} in #${r.pr}.`;
    case "reflection":
      return `${id}: ${r.passed ? "Complete" : "Not complete yet"}, in #${r.pr} at ${r.sha.slice(0, 7)}.`;
    case "participation":
      return `${id}: ${r.side === "gave" ? `replied to ${who(r.peer)}'s reflection` : `${who(r.peer)} replied to this reflection`} in #${r.pr}.`;
    case "appraisal":
      return `${id}: ${r.as ?? ""} appraisal by ${who(r.reviewer)} recorded.`;
  }
}
var isString = (v) => typeof v === "string";
function isRecord(v) {
  const r = v;
  const kinds = RECORD_KINDS;
  return !!r && typeof r === "object" && isString(r.learner) && isString(r.checkpoint) && kinds.includes(r.kind) && Number.isInteger(r.pr) && isString(r.sha) && isString(r.at) && typeof r.passed === "boolean" && !Number.isNaN(Date.parse(r.at)) && (r.ref === void 0 || isString(r.ref)) && (r.seq === void 0 || Number.isInteger(r.seq) && r.seq > 0);
}
function readRecords(body) {
  return readHiddenJson("record", body).filter(isRecord);
}
function readLedger(comments, learner) {
  const records = [];
  const stored = [];
  const flagged = [];
  const seqs = /* @__PURE__ */ new Set();
  for (const c of [...comments].sort((a, b) => a.id - b.id)) {
    const found = readRecords(c.body);
    if (!found.length) continue;
    const note = c.url ? { url: c.url } : {};
    if (!c.byEnablekit) {
      flagged.push({ comment: c.id, why: "not-written-by-enablekit", ...note });
      continue;
    }
    for (const r of found) if (r.seq) seqs.add(r.seq);
    const mine = found.filter((r) => r.learner.toLowerCase() === learner.toLowerCase());
    if (c.updatedAt !== c.createdAt) {
      flagged.push({ comment: c.id, why: "edited", ...note });
      stored.push(...mine.filter((r) => r.kind === "quiz" && !r.refused).map((r) => ({ ...r, passed: false })));
    } else {
      records.push(...mine);
      stored.push(...mine.filter((r) => r.kind === "quiz"));
    }
  }
  const voided = new Set(records.filter((r) => r.refused && r.kind === "quiz").map(attemptKey));
  const counted = records.filter((r) => !r.refused && !isClaim(r) && !(r.kind === "quiz" && voided.has(attemptKey(r))));
  const top = Math.max(0, ...seqs);
  const missing = Array.from({ length: top }, (_, k) => k + 1).filter((n) => !seqs.has(n));
  return { records: dedupeRecords(counted), stored, flagged, nextSeq: top + 1, ...missing.length ? { missing } : {} };
}
var attemptKey = (r) => `${r.checkpoint}@${r.sha}`;

// core/progress/appraisal-lines.ts
function appraisalLines(records, track, heading = "**Appraisals**") {
  const appraisals = dedupeRecords(records).filter((r) => r.kind === "appraisal" && r.checkpoint === track);
  if (!appraisals.length) return [];
  return ["", heading, "", ...appraisals.map((a) => `- ${a.as ?? ""}, @${escapeMarkdown(a.reviewer ?? "", 40)} on ${a.at.slice(0, 10)}: ${escapeMarkdown((a.notes ?? "").replace(/\s+/g, " "), 1e3)}`)];
}

export {
  isClaim,
  recordKey,
  resultsOf,
  hiddenJson,
  readHiddenJson,
  PROGRESS_LABEL,
  progressMarker,
  progressTitle,
  markedLearner,
  progressIssuesOf,
  ledgerComment,
  recordComment,
  readLedger,
  appraisalLines
};
