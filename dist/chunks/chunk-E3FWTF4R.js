import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  CONFIG_FILE,
  UsageError,
  configCandidates,
  toPosix,
  walk
} from "./chunk-S6DZV6XD.js";

// cli/lint-cache.ts
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { dirname } from "node:path";
function hashBytes(bytes) {
  return createHash("sha1").update(bytes).digest("base64");
}
var LintCache = class {
  constructor(path, salt) {
    this.path = path;
    this.salt = salt;
    if (!path) return;
    try {
      const data = JSON.parse(readFileSync(path, "utf8"));
      if (data.salt === salt && data.entries) this.entries = data.entries;
    } catch {
    }
  }
  path;
  salt;
  entries = {};
  dirty = false;
  get(file, hash) {
    const e = this.entries[file];
    return e && e.hash === hash ? e.model : void 0;
  }
  set(file, hash, model) {
    this.entries[file] = { hash, model };
    this.dirty = true;
  }
  /** Drop entries for files that no longer exist. */
  retain(files) {
    for (const f of Object.keys(this.entries)) {
      if (!files.has(f)) {
        delete this.entries[f];
        this.dirty = true;
      }
    }
  }
  save() {
    if (!this.path || !this.dirty) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ salt: this.salt, entries: this.entries }));
      renameSync(tmp, this.path);
    } catch {
    }
  }
};

// cli/workspace-files.ts
import { existsSync, readFileSync as readFileSync2, statSync } from "node:fs";
import { dirname as dirname2, join, relative, resolve } from "node:path";
var CURRICULA_FOLDER = "curricula";
function withConfig(cwd, targets, configPath) {
  return { targets, configPath, configRel: toPosix(relative(cwd, configPath)), configText: readFileSync2(configPath, "utf8") };
}
function resolveTargets(cwd, paths) {
  const targets = (paths.length ? paths : ["."]).map((p) => resolve(cwd, p));
  for (const t of targets) if (!existsSync(t)) throw new UsageError(`Expected a file or folder at ${relative(cwd, t) || t}; found nothing. Check the path (for the Action, the curricula input).`);
  const start = targets[0];
  const dir = statSync(start).isDirectory() ? start : dirname2(start);
  const configPath = configCandidates(toPosix(dir)).find((p) => existsSync(p));
  if (configPath) return withConfig(cwd, targets, configPath);
  const nested = join(dir, CURRICULA_FOLDER, CONFIG_FILE);
  if (targets.length === 1 && dir === start && existsSync(nested)) return withConfig(cwd, [dirname2(nested)], nested);
  return { targets, lookedFrom: toPosix(relative(cwd, dir)) || "." };
}
function findCurricula(dir) {
  for (let cur = resolve(dir); ; cur = dirname2(cur)) {
    if (existsSync(join(cur, CONFIG_FILE))) return cur;
    if (existsSync(join(cur, CURRICULA_FOLDER, CONFIG_FILE))) return join(cur, CURRICULA_FOLDER);
    if (dirname2(cur) === cur) return void 0;
  }
}
function noConfigMessage(lookedFrom) {
  return `Expected ${CONFIG_FILE} in ${lookedFrom} or a folder above it; found none, so roles, features and policies are the defaults and roles: and covers: are not checked. Create ${CONFIG_FILE} at the root of your curricula (see docs/format.md#enablekityml), or run from inside a curricula folder.`;
}
function readWorkspace(cwd, t, ignore) {
  const root = t.configPath ? dirname2(t.configPath) : void 0;
  const roots = root ? [root, ...t.targets.filter((x) => relative(root, x).startsWith(".."))] : t.targets;
  const files = walk(roots, cwd, ignore, root ?? cwd);
  const wanted = t.targets.map((x) => toPosix(relative(cwd, x)));
  const inTargets = (f) => wanted.some((w) => w === "" || f === w || f.startsWith(`${w}/`));
  const only = new Set(files.markdown.filter(inTargets));
  if (t.configRel && inTargets(t.configRel)) only.add(t.configRel);
  const bytes = /* @__PURE__ */ new Map();
  const hashes = /* @__PURE__ */ new Map();
  for (const file of files.markdown) {
    try {
      const b = readFileSync2(resolve(cwd, file));
      bytes.set(file, b);
      hashes.set(file, hashBytes(b));
    } catch {
      hashes.set(file, "unreadable");
    }
  }
  return { ...files, only, bytes, hashes };
}

export {
  LintCache,
  resolveTargets,
  findCurricula,
  noConfigMessage,
  readWorkspace
};
