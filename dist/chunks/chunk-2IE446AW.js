import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  LintCache,
  readWorkspace
} from "./chunk-TXYMICIS.js";
import {
  RULES
} from "./chunk-QFWQOQIA.js";
import {
  parseFile
} from "./chunk-N3OL75BO.js";
import {
  defaultConfig,
  parseConfig
} from "./chunk-M2UM27YG.js";
import {
  diagnosticAt
} from "./chunk-CNBQZD56.js";

// cli/analyse.ts
import { resolve } from "node:path";

// core/lint/engine.ts
function compareDiagnostics(a, b) {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
function runRules(rules, index, config, options) {
  const out = [];
  const only = options.only;
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id] ?? rule.meta.severity;
    if (setting === "off") continue;
    rule.check({
      index,
      config,
      today: options.today,
      items: function* () {
        for (const item of index.items()) if (!only || only.has(item.file)) yield item;
      },
      report(r) {
        if (only && !only.has(r.file) && r.file !== config.file) return;
        out.push(diagnosticAt(r.file, r.span, rule.meta.id, setting, r.message, r.fix));
      }
    });
  }
  return out.sort(compareDiagnostics);
}

// core/workspace/workspace-index.ts
var WorkspaceIndex = class {
  files = /* @__PURE__ */ new Map();
  byId = /* @__PURE__ */ new Map();
  reverse = /* @__PURE__ */ new Map();
  /** Every path that exists (content or not), for checking relative links. */
  knownPaths = /* @__PURE__ */ new Set();
  constructor(models = [], knownPaths = []) {
    for (const p of knownPaths) this.addKnownPath(p);
    for (const m of models) this.update(m);
  }
  /** A path and its folders: a link may name a folder. */
  addKnownPath(path) {
    for (let p = path; p && p !== "." && !this.knownPaths.has(p); p = p.slice(0, Math.max(0, p.lastIndexOf("/")))) this.knownPaths.add(p);
  }
  update(model) {
    this.remove(model.file);
    this.files.set(model.file, model);
    this.addKnownPath(model.file);
    const item = model.item;
    if (!item) return;
    push(this.byId, item.id, item);
    for (const ref of item.references) push(this.reverse, ref.id, { from: item, ref });
  }
  remove(file) {
    const old = this.files.get(file)?.item;
    this.files.delete(file);
    if (!old) return;
    drop(this.byId, old.id, (i) => i === old);
    for (const ref of old.references) drop(this.reverse, ref.id, (r) => r.from === old);
  }
  /** Every item with this id: more than one is a duplicate-id problem. */
  itemsWithId(id) {
    return this.byId.get(id) ?? [];
  }
  item(id) {
    return this.byId.get(id)?.[0];
  }
  referencesTo(id) {
    return this.reverse.get(id) ?? [];
  }
  *items() {
    for (const m of this.files.values()) if (m.item) yield m.item;
  }
  /** Checkpoints whose `module:` is this module, in file order. */
  checkpointsOf(moduleId) {
    return this.referencesTo(moduleId).filter((r) => r.ref.field === "module" && r.from.type !== "track" && r.from.type !== "module").map((r) => r.from);
  }
};
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function drop(map, key, match) {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((v) => !match(v));
  if (kept.length) map.set(key, kept);
  else map.delete(key);
}

// cli/parse-pool.ts
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
var PARALLEL_THRESHOLD_BYTES = 256 * 1024;
var BATCH = 16;
async function parseAll(jobs, maxFileSize, onProgress) {
  const { runParseJob } = await import("./parse-job-WNLQAIVX.js");
  const results = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const take = () => {
    const batch = [];
    while (batch.length < BATCH && next < jobs.length) batch.push(next++);
    return batch;
  };
  const totalBytes = jobs.reduce((s, j) => s + j.bytes.length, 0);
  const workerFile = fileURLToPath(new URL("./parse-worker.js", import.meta.url));
  const workerCount = totalBytes >= PARALLEL_THRESHOLD_BYTES && existsSync(workerFile) ? Math.min(3, availableParallelism() - 1) : 0;
  const workers = Array.from({ length: workerCount }, () => {
    const worker = new Worker(workerFile, { workerData: { maxFileSize } });
    return new Promise((resolve2, reject) => {
      let batch = take();
      const send = () => {
        if (batch.length === 0) {
          void worker.terminate().then(() => resolve2());
          return;
        }
        worker.postMessage(batch.map((i) => jobs[i]));
      };
      worker.on("message", (models) => {
        batch.forEach((i, k) => results[i] = models[k]);
        done += batch.length;
        onProgress(done);
        batch = take();
        send();
      });
      worker.on("error", reject);
      send();
    });
  });
  const local = (async () => {
    for (let batch = take(); batch.length; batch = take()) {
      for (const i of batch) results[i] = runParseJob(jobs[i], maxFileSize);
      done += batch.length;
      onProgress(done);
      if (workerCount) await new Promise((r) => setImmediate(r));
    }
  })();
  await Promise.all([local, ...workers]);
  return results;
}

// cli/progress-bar.ts
var ProgressBar = class {
  constructor(total, label, stream = process.stderr) {
    this.total = total;
    this.label = label;
    this.stream = stream;
  }
  total;
  label;
  stream;
  started = Date.now();
  shown = false;
  update(done) {
    if (!this.stream.isTTY || Date.now() - this.started < 1e3) return;
    this.shown = true;
    const width = 30;
    const filled = Math.round(done / Math.max(1, this.total) * width);
    this.stream.write(`\r${this.label} [${"=".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${this.total}`);
  }
  finish() {
    if (this.shown) this.stream.write("\r\x1B[2K");
  }
};

// cli/analyse.ts
var MODEL_VERSION = 2;
function loadConfig(t) {
  return t.configRel && t.configText !== void 0 ? parseConfig(t.configRel, t.configText) : defaultConfig();
}
async function loadModels(o) {
  const { config, files } = o;
  if (o.metadataOnly) {
    return files.markdown.map((file) => {
      const bytes = files.bytes.get(file);
      return bytes ? parseFile(file, bytes, { maxFileSize: config.maxFileSize, metadataOnly: true }).model : { file, problems: [] };
    });
  }
  const cache = new LintCache(o.cache ? resolve(o.cwd, ".enablekit-cache", "models.json") : void 0, `${o.version}:${MODEL_VERSION}:${config.maxFileSize}`);
  const models = [];
  const misses = [];
  for (const file of files.markdown) {
    const bytes = files.bytes.get(file);
    if (!bytes) {
      models.push({ file, problems: [{ code: "encoding", span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, message: "Expected a readable file; found one that could not be read. Check its permissions." }] });
      continue;
    }
    const hit = cache.get(file, files.hashes.get(file));
    if (hit) models.push(hit);
    else misses.push({ file, bytes });
  }
  if (misses.length) {
    const bar = new ProgressBar(misses.length, "Parsing");
    const parsed = await parseAll(misses, config.maxFileSize, (n) => bar.update(n));
    bar.finish();
    parsed.forEach((m, k) => {
      models.push(m);
      cache.set(misses[k].file, files.hashes.get(misses[k].file), m);
    });
  }
  cache.retain(new Set(files.markdown));
  cache.save();
  return models;
}
async function analyse(o) {
  const models = await loadModels(o);
  const index = new WorkspaceIndex(models, o.files.all);
  const diagnostics = runRules(RULES, index, o.config, { today: o.today, only: o.files.only });
  const counts = { track: 0, module: 0, quiz: 0, scenario: 0, reflection: 0 };
  for (const m of models) if (m.item && o.files.only.has(m.file)) counts[m.item.type]++;
  return { diagnostics, counts };
}
async function loadIndex(o) {
  const config = loadConfig(o.targets);
  const files = readWorkspace(o.cwd, o.targets, config.ignore);
  const models = await loadModels({ ...o, config, files });
  return { config, index: new WorkspaceIndex(models, files.all) };
}

export {
  MODEL_VERSION,
  loadConfig,
  loadModels,
  analyse,
  loadIndex
};
