import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_FILE_SIZE,
  LineIndex,
  readFrontMatter,
  schemaProblems
} from "./chunk-JEF32JUO.js";
import {
  toLf
} from "./chunk-62XP5XG5.js";

// core/config/config.ts
var DEFAULT_POLICIES = { passMark: 80, attempts: 3, retakeCooldown: "24h", revealAnswers: "after-pass", reviewEvery: "180d", remindEvery: "7d", decimalMark: "." };
function defaultConfig() {
  return { roles: /* @__PURE__ */ new Map(), features: /* @__PURE__ */ new Map(), policies: { ...DEFAULT_POLICIES }, rules: {}, ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, problems: [] };
}
var obj = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : {};
var list = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
function parseConfig(file, source) {
  const text = toLf(source);
  const config = defaultConfig();
  config.file = file;
  const lines = new LineIndex(text);
  const wrapped = `---
${text}${text.endsWith("\n") ? "" : "\n"}---
`;
  const wrappedLines = new LineIndex(wrapped);
  const result = readFrontMatter(wrapped, 0, wrapped.length - 1, wrappedLines);
  const unwrap = (span) => {
    const s = Math.max(0, span.start.offset - 4);
    const e = Math.max(s, Math.min(text.length, span.end.offset - 4));
    return lines.span(s, e);
  };
  if (!result.ok) {
    config.problems.push({ code: "yaml", span: unwrap(result.span), message: result.message.replace("front matter", "enablekit.yml").replace("between the --- lines", "in enablekit.yml") });
    return config;
  }
  const data = result.value.data;
  for (const p2 of schemaProblems("config", result.value, "enablekit.yml")) config.problems.push({ ...p2, span: unwrap(p2.span) });
  const product = obj(data.product);
  if (typeof product.version === "string") config.productVersion = product.version;
  if (typeof product.repository === "string") config.productRepository = product.repository;
  for (const [id, raw] of Object.entries(obj(data.roles))) {
    const r = obj(raw);
    config.roles.set(id, { id, ...typeof r.title === "string" ? { title: r.title } : {}, learners: list(r.learners), teams: list(r.teams), reviewers: list(r.reviewers), managers: list(r.managers) });
  }
  for (const raw of Array.isArray(data.features) ? data.features : []) {
    const f = obj(raw);
    if (typeof f.id !== "string") continue;
    config.features.set(f.id, { id: f.id, ...typeof f.name === "string" ? { name: f.name } : {}, aliases: list(f.aliases), labels: list(f.labels), paths: list(f.paths) });
  }
  const p = obj(data.policies);
  if (typeof p.pass_mark === "number") config.policies.passMark = p.pass_mark;
  if (typeof p.attempts === "number") config.policies.attempts = p.attempts;
  if (typeof p.retake_cooldown === "string") config.policies.retakeCooldown = p.retake_cooldown;
  if (typeof p.reveal_answers === "string") config.policies.revealAnswers = p.reveal_answers;
  if (typeof p.review_every === "string") config.policies.reviewEvery = p.review_every;
  if (typeof p.remind_every === "string") config.policies.remindEvery = p.remind_every;
  if (p.decimal_mark === "." || p.decimal_mark === ",") config.policies.decimalMark = p.decimal_mark;
  const lint = obj(data.lint);
  for (const [rule, sev] of Object.entries(obj(lint.rules))) {
    if (sev === "error" || sev === "warning" || sev === "off") config.rules[rule] = sev;
  }
  config.ignore = list(lint.ignore);
  if (typeof lint.max_file_size === "number") config.maxFileSize = lint.max_file_size;
  return config;
}

export {
  defaultConfig,
  parseConfig
};
