import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  LintCache,
  readWorkspace
} from "./chunk-E3FWTF4R.js";
import {
  parseAll
} from "./chunk-3EZ7HMQY.js";
import {
  RULES
} from "./chunk-EIFYVTYX.js";
import {
  defaultConfig,
  parseConfig
} from "./chunk-MJ7R2TOD.js";
import {
  choiceLabel,
  diagnosticAt,
  hasWrittenType,
  parseFile,
  require_dist
} from "./chunk-JEF32JUO.js";
import {
  inForm,
  textForm,
  toLf
} from "./chunk-62XP5XG5.js";
import {
  QUESTION_TYPES
} from "./chunk-N6VMDUHI.js";
import {
  __toESM
} from "./chunk-B5AU765K.js";

// cli/analyse.ts
import { resolve as resolve2 } from "node:path";

// core/lint/engine.ts
var lastOnSpan = /* @__PURE__ */ new WeakMap();
function reportedAgain(file, span, ruleId, severity, message, fix) {
  const d = lastOnSpan.get(span);
  if (d && d.fix === fix && d.message === message && d.ruleId === ruleId && d.severity === severity && d.file === file && d.line === span.start.line && d.column === span.start.column && d.endLine === span.end.line && d.endColumn === span.end.column) return d;
  const fresh = diagnosticAt(file, span, ruleId, severity, message, fix);
  lastOnSpan.set(span, fresh);
  return fresh;
}
function compareDiagnostics(a, b) {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
function runRules(rules, index, config, options) {
  const out = [];
  const only = options.only;
  const items = only ? [...only].flatMap((f) => index.files.get(f)?.item ?? []) : void 0;
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id] ?? rule.meta.severity;
    if (setting === "off") continue;
    rule.check({
      index,
      config,
      today: options.today,
      items: () => items ?? index.items(),
      report(r) {
        if (only && !only.has(r.file) && r.file !== config.file) return;
        out.push(only ? reportedAgain(r.file, r.span, rule.meta.id, setting, r.message, r.fix) : diagnosticAt(r.file, r.span, rule.meta.id, setting, r.message, r.fix));
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

// cli/quiz-keys.ts
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

// core/sealing/key-file.ts
var import_yaml = __toESM(require_dist(), 1);
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
var HEADER = "# enablekit sealed answer key. Encrypted with AES-256-GCM; do not edit: any change is detected and grading stops.";
function derive(secret, salt) {
  return scryptSync(secret, salt, 32, { N: 1 << 14, r: 8, p: 1 });
}
var PAD_BUCKET_MIN = 1024;
function paddedJson(payload) {
  const json = JSON.stringify({ key: payload.key, shape: payload.shape, source: payload.source });
  const size = new TextEncoder().encode(json).length + ',"pad":""'.length;
  let bucket = PAD_BUCKET_MIN;
  while (bucket < size) bucket *= 2;
  return `${json.slice(0, -1)},"pad":"${" ".repeat(bucket - size)}"}`;
}
function sealPayload(payload, secret) {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derive(secret, salt), iv);
  cipher.setAAD(Buffer.from(`enablekit:${payload.key.quiz}`));
  const data = Buffer.concat([cipher.update(paddedJson(payload), "utf8"), cipher.final()]);
  return [HEADER, "enablekit: sealed-key", "version: 1", `quiz: ${payload.key.quiz}`, "cipher: aes-256-gcm", "kdf: scrypt", `salt: ${salt.toString("base64")}`, `iv: ${iv.toString("base64")}`, `tag: ${cipher.getAuthTag().toString("base64")}`, `data: ${data.toString("base64")}`, ""].join("\n");
}
function openPayload(fileText, secret, quizId) {
  let f;
  try {
    f = (0, import_yaml.parse)(toLf(fileText)) ?? {};
  } catch {
    return { ok: false, reason: "malformed", message: 'Expected a sealed key file (YAML written by "enablekit seal"); found text that is not YAML. Seal the quiz again.' };
  }
  const b64 = (k) => typeof f[k] === "string" ? Buffer.from(f[k], "base64") : void 0;
  const [salt, iv, tag, data] = [b64("salt"), b64("iv"), b64("tag"), b64("data")];
  if (f.enablekit !== "sealed-key" || f.version !== 1 || f.cipher !== "aes-256-gcm" || !salt || !iv || !tag || !data || tag.length !== 16) {
    return { ok: false, reason: "malformed", message: 'Expected a sealed key file written by "enablekit seal" (enablekit: sealed-key, version 1, aes-256-gcm); found something else. Seal the quiz again.' };
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", derive(secret, salt), iv);
    decipher.setAAD(Buffer.from(`enablekit:${quizId}`));
    decipher.setAuthTag(tag);
    const text = Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
    return { ok: true, payload: JSON.parse(text) };
  } catch {
    return { ok: false, reason: "tampered", message: `Expected the key of "${quizId}" to open with the configured secret; found it does not authenticate: the file was changed, belongs to another quiz, or the secret is not the one it was sealed with. Restore the key file from git, or check the secret.` };
  }
}

// core/sealing/quiz-key.ts
var cryptoRandom = (into) => globalThis.crypto.getRandomValues(into);
function randomOrder(items, random = cryptoRandom) {
  const out = [...items];
  const word = new Uint32Array(1);
  for (let i = out.length - 1; i > 0; i--) {
    const bound = i + 1;
    const limit = 4294967296 - 4294967296 % bound;
    let r;
    do
      r = random(word)[0];
    while (r >= limit);
    const j = r % bound;
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
var ACCEPTED = /^\s*accepted(\s+answers?)?\s*:?\s*$/i;
function sealQuiz(quiz, text, keyFile, random = cryptoRandom) {
  if (quiz.key) return { ok: false, line: 1, message: `Expected a quiz with its answers in it; found it sealed already (key: ${quiz.key}). Unseal it first to change it.` };
  const lines = text.split("\n");
  const drop2 = /* @__PURE__ */ new Set();
  const dropSpan = (s) => {
    for (let l = s.start.line; l <= s.end.line; l++) drop2.add(l - 1);
  };
  const key = { quiz: quiz.id, answers: {} };
  for (const q of quiz.questions) {
    if (!q.id) return { ok: false, line: q.span.start.line, message: `Expected every question to have an id (<!-- question id=... -->) before sealing; found "${q.prompt}" without one. The key names answers by question id.` };
    const k = { type: q.type };
    if (q.type === "single" || q.type === "multiple") {
      k.correct = q.choices.filter((c) => c.checked).map((c) => c.letter);
      for (const c of q.choices) {
        const from = c.span.start.line - 1;
        const item = lines.slice(from, c.span.end.line).join("\n").replace(/^(\s*(?:[-*+]|\d+[.)])\s+)\[[xX]\]/, "$1[ ]").split("\n");
        lines.splice(from, item.length, ...item);
        if (c.feedback) {
          (k.feedback ??= {})[c.letter] = c.feedback.text;
          dropSpan(c.feedback.span);
        }
      }
    } else if (q.type === "text") {
      k.accepted = q.accepted.length ? q.accepted.map((a) => a.value) : q.answerText ? [q.answerText.value] : [];
      if (q.accepted.length) {
        let first = q.accepted[0].span.start.line - 1;
        while (first > 0 && !ACCEPTED.test(lines[first])) first--;
        for (let l = first; l < q.accepted.at(-1).span.end.line; l++) drop2.add(l);
      }
      if (q.answerText) dropSpan(q.answerText.span);
    } else if (q.type === "numeric" && q.numeric) {
      k.value = q.numeric.value;
      if (q.numeric.tolerance) k.tolerance = q.numeric.tolerance;
      if (q.numeric.unit) k.unit = q.numeric.unit;
      dropSpan(q.numeric.span);
    } else if (q.type === "ordering") {
      const long = q.items.find((i) => i.span.end.line > i.span.start.line);
      if (long) return { ok: false, line: long.span.start.line, message: `Expected each item to put in order on one line before sealing; found "${long.text.replace(/\s+/g, " ")}" on lines ${long.span.start.line}-${long.span.end.line} of question "${q.id}". Write each item on one line, and seal again.` };
      const shown = randomOrder(q.items.map((i) => i.text), random);
      k.order = q.items.map((i) => choiceLabel(shown.indexOf(i.text)));
      q.items.forEach((item, n) => {
        const at = item.span.start.line - 1;
        lines[at] = lines[at].replace(/^(\s*\d+[.)]\s+).*$/, `$1${shown[n]}`);
      });
    }
    if (q.explanation) {
      k.explanation = q.explanation.text;
      dropSpan(q.explanation.span);
    }
    key.answers[q.id] = k;
    if (!hasWrittenType(q) && q.metaSpan && !lines.slice(q.metaSpan.start.line - 1, q.metaSpan.end.line).some((l) => /\btype=/.test(l))) {
      const at = q.metaSpan.start.line - 1;
      lines[at] = lines[at].replace(/<!--(\s*)question\b/, `<!--$1question type=${q.type}`);
    }
  }
  const kept = lines.filter((_, i) => !drop2.has(i));
  const tidy = kept.filter((l, i) => !(l.trim() === "" && kept[i - 1]?.trim() === ""));
  const close = tidy.indexOf("---", 1);
  if (close === -1) return { ok: false, line: 1, message: "Expected front matter between --- lines; found none. Fix the quiz before sealing." };
  tidy.splice(close, 0, `key: ${keyFile}`);
  return { ok: true, key, sealedText: tidy.join("\n") };
}
function applyKey(quiz, key) {
  const questions = quiz.questions.map((q) => {
    const k = q.id ? key.answers[q.id] : void 0;
    if (!k) return q;
    const kept = k.type && QUESTION_TYPES.includes(k.type) ? k.type : void 0;
    const type = kept ?? (hasWrittenType(q) ? q.type : typeFromKey(k) ?? q.type);
    const choices = q.choices.map((c) => ({ ...c, checked: (k.correct ?? []).includes(c.letter), ...k.feedback?.[c.letter] !== void 0 ? { feedback: { text: k.feedback[c.letter], span: c.span } } : {} }));
    const byLetter = new Map(q.items.map((i) => [i.letter, i]));
    const items = k.order ? k.order.flatMap((l) => byLetter.has(l) ? [byLetter.get(l)] : []) : q.items;
    return {
      ...q,
      type,
      choices,
      accepted: (k.accepted ?? []).map((value) => ({ value, span: q.span })),
      ...k.value !== void 0 ? { numeric: { value: k.value, tolerance: k.tolerance ?? 0, ...k.unit ? { unit: k.unit } : {}, span: q.span } } : {},
      items,
      ...k.explanation !== void 0 ? { explanation: { text: k.explanation, span: q.span } } : {}
    };
  });
  return { ...quiz, questions, keyApplied: true };
}
function typeFromKey(k) {
  if (k.order) return "ordering";
  if (k.value !== void 0) return "numeric";
  if (k.accepted) return "text";
  if (k.correct) return k.correct.length > 1 ? "multiple" : "single";
  return void 0;
}
function quizShape(quiz) {
  return quiz.questions.map((q) => `${q.id}:${q.type}:${q.choices.map((c) => c.text).join("|")}:${q.items.map((i) => i.text).join("|")}`).join("\n");
}

// core/sealing/sealed-leaks.ts
function sealedLeak(sealed) {
  for (const q of sealed.questions) {
    const name = q.id ?? q.prompt;
    const leak = (what) => ({ question: name, message: `Expected no answers left in the sealed quiz; found ${what} of question "${name}" still in it, written in a way sealing does not take out. Write it the usual way ("enablekit lint" on the quiz says how), and seal again.` });
    const ticked = q.choices.find((c) => c.checked);
    if (ticked) return leak(`the tick of choice ${ticked.letter}`);
    const fed = q.choices.find((c) => c.feedback);
    if (fed?.feedback) return leak(`the feedback under choice ${fed.letter}`);
    if (q.accepted[0]) return leak("an accepted answer");
    if (q.answerText) return leak('the "Answer:" line');
    if (q.explanation) return leak("the explanation");
  }
  return void 0;
}

// core/sealing/seal.ts
var keyFileName = (quizFile) => `${quizFile.split("/").pop().replace(/\.md$/i, "")}.key.yml`;
var keyFilePath = (quizFile, key) => quizFile.includes("/") ? `${quizFile.slice(0, quizFile.lastIndexOf("/") + 1)}${key}` : key;
function seal(file, source, secret, random) {
  const form = textForm(source);
  const text = toLf(source);
  const item = parseFile(file, text).model.item;
  if (item?.type !== "quiz") return { ok: false, line: 1, message: `Expected a quiz to seal; found ${item ? `a ${item.type}` : "no item"}. Name quiz files only.` };
  const keyFile = keyFileName(file);
  const r = sealQuiz(item, text, keyFile, random);
  if (!r.ok) return r;
  const sealedModel = parseFile(file, r.sealedText).model.item;
  const leak = sealedLeak(sealedModel);
  if (leak) return { ok: false, line: item.questions.find((q) => (q.id ?? q.prompt) === leak.question)?.span.start.line ?? 1, message: leak.message };
  const keyText = sealPayload({ key: r.key, shape: quizShape(sealedModel), source: text }, secret);
  return { ok: true, sealedText: inForm(r.sealedText, form), keyFile, keyText: inForm(keyText, { eol: form.eol, bom: false }) };
}
function openSealed(quiz, keyText, secret) {
  const r = openPayload(keyText, secret, quiz.id);
  if (!r.ok) return r;
  if (quizShape(quiz) !== r.payload.shape) {
    return { ok: false, reason: "changed", message: `Expected "${quiz.id}" as it was when sealed; found its questions or choices changed since, so the key's letters no longer match. Run "enablekit unseal" on the sealed version, make the change there, and seal again.` };
  }
  return { ok: true, quiz: applyKey(quiz, r.payload.key), source: toLf(r.payload.source) };
}
function unsealedFile(source, sealedText) {
  return inForm(toLf(source), textForm(sealedText));
}
function rotate(quiz, keyText, oldSecret, newSecret) {
  const r = openPayload(keyText, oldSecret, quiz.id);
  if (!r.ok) return r;
  const form = textForm(keyText);
  return { ok: true, keyText: inForm(sealPayload(r.payload, newSecret), form) };
}

// cli/quiz-keys.ts
function openQuizKey(cwd, quiz, secret) {
  if (!quiz.key) return { ok: true, quiz };
  const keyPath = keyFilePath(quiz.file, quiz.key);
  const at = `${quiz.file}:${quiz.keySpan?.start.line ?? 1}`;
  if (!secret) return { ok: false, reason: "no-secret", keyPath, message: `${at}: Expected the answer-key secret to open ${keyPath}; found none.` };
  const full = resolve(cwd, keyPath);
  if (!existsSync(full)) return { ok: false, reason: "missing", keyPath, message: `${at}: Expected the key file ${keyPath} that key: names; found none. Restore it from git, or remove key: and mark the answers in the quiz.` };
  const r = openSealed(quiz, readFileSync(full, "utf8"), secret);
  return r.ok ? { ok: true, quiz: r.quiz, source: r.source, keyPath } : { ok: false, reason: "unopened", keyPath, message: `${at}: ${r.message}` };
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
var MODEL_VERSION = 3;
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
  const cache = new LintCache(o.cache ? resolve2(o.cwd, ".enablekit-cache", "models.json") : void 0, `${o.version}:${MODEL_VERSION}:${config.maxFileSize}`);
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
    const parsed = await parseAll(misses, { maxFileSize: config.maxFileSize, ...o.jobs ? { threads: o.jobs } : {} }, (n) => bar.update(n));
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
  const sealed = { locked: 0, problems: [] };
  const models = (await loadModels(o)).map((m) => withKey(m, o.cwd, o.secret, sealed));
  const index = new WorkspaceIndex(models, o.files.all);
  const diagnostics = runRules(RULES, index, o.config, { today: o.today, only: o.files.only });
  const counts = { track: 0, module: 0, quiz: 0, scenario: 0, reflection: 0 };
  for (const m of models) if (m.item && o.files.only.has(m.file)) counts[m.item.type]++;
  return { diagnostics, counts, sealed };
}
function withKey(m, cwd, secret, note) {
  const quiz = m.item;
  if (quiz?.type !== "quiz" || !quiz.key) return m;
  const r = openQuizKey(cwd, quiz, secret);
  if (r.ok) return { ...m, item: r.quiz };
  if (r.reason === "no-secret") note.locked++;
  else note.problems.push(r.message);
  return m;
}
async function loadIndex(o) {
  const config = loadConfig(o.targets);
  const files = readWorkspace(o.cwd, o.targets, config.ignore);
  const models = await loadModels({ ...o, config, files });
  return { config, index: new WorkspaceIndex(models, files.all), only: files.only };
}

export {
  keyFilePath,
  seal,
  unsealedFile,
  rotate,
  openQuizKey,
  MODEL_VERSION,
  loadConfig,
  loadModels,
  analyse,
  loadIndex
};
