import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  loadIndex
} from "./chunk-YMXA3CNF.js";
import {
  resolveTargets
} from "./chunk-E3FWTF4R.js";
import "./chunk-3EZ7HMQY.js";
import {
  freshnessVerdict,
  parseVersion
} from "./chunk-EIFYVTYX.js";
import "./chunk-MJ7R2TOD.js";
import {
  UsageError,
  require_picomatch
} from "./chunk-S6DZV6XD.js";
import "./chunk-LWN357S5.js";
import "./chunk-JEF32JUO.js";
import {
  toLf
} from "./chunk-62XP5XG5.js";
import "./chunk-N6VMDUHI.js";
import {
  __toESM
} from "./chunk-B5AU765K.js";

// cli/stale-command.ts
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

// core/freshness/product-changes.ts
var import_picomatch = __toESM(require_picomatch(), 1);
function featuresFromChanges(config, changes) {
  const out = /* @__PURE__ */ new Map();
  for (const f of config.features.values()) {
    const labels = new Set(f.labels.map((l) => l.toLowerCase()));
    const pull = labels.size ? changes.pulls.find((p) => p.labels.some((l) => labels.has(l.toLowerCase()))) : void 0;
    if (pull) {
      const label = pull.labels.find((l) => labels.has(l.toLowerCase()));
      out.set(f.id, `pull request #${pull.number} labelled "${label}"`);
      continue;
    }
    if (!f.paths.length) continue;
    const match = (0, import_picomatch.default)(f.paths, { dot: true });
    const path = changes.paths.find((p) => match(p));
    if (path) out.set(f.id, `changed path ${path}`);
  }
  return out;
}

// core/freshness/touched-features.ts
var FEATURE_SOURCES = ["explicit", "notes", "pulls"];
function touchedFeatures(config, evidence, order = FEATURE_SOURCES) {
  const features = /* @__PURE__ */ new Map();
  const unknown = [];
  const add = (found) => {
    for (const [id, from] of found) if (!features.has(id)) features.set(id, from);
  };
  for (const source of order) {
    if (source === "explicit") {
      const found = /* @__PURE__ */ new Map();
      for (const id of (evidence.explicit ?? []).map((s) => s.trim()).filter(Boolean)) {
        if (config.features.has(id)) found.set(id, "explicit list");
        else unknown.push(id);
      }
      add(found);
    } else if (source === "notes") add(featuresInNotes(config, evidence.notes ?? ""));
    else if (evidence.changes) add(featuresFromChanges(config, evidence.changes));
  }
  return { features, unknown };
}
function featuresInNotes(config, notes) {
  const found = /* @__PURE__ */ new Map();
  const text = ` ${toLf(notes).toLowerCase()} `;
  for (const f of config.features.values()) {
    const names = [f.id, ...f.aliases].map((n) => n.toLowerCase());
    const hit = names.find((n) => new RegExp(`(^|[^a-z0-9-])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^a-z0-9-]|$)`).test(text));
    if (hit) found.set(f.id, `release notes ("${hit}")`);
  }
  return found;
}

// cli/stale-command.ts
async function staleCommand(a) {
  if (!["stylish", "json"].includes(a.format)) throw new UsageError(`Expected --format to be stylish or json; found "${a.format}".`);
  if (a.release && !parseVersion(a.release)) throw new UsageError(`Expected --release to be a version tag such as v4.3.0; found "${a.release}". Pass the release's semver tag.`);
  if (!a.release && (a.features || a.notes)) throw new UsageError("Expected --release with --features or --notes; found no release. Name the release they belong to.");
  const notesPath = a.notes ? resolve(a.cwd, a.notes) : void 0;
  if (notesPath && !existsSync(notesPath)) throw new UsageError(`Expected release notes at ${a.notes}; found nothing. Check the path.`);
  const targets = resolveTargets(a.cwd, a.paths);
  const { index, config } = await loadIndex({ cwd: a.cwd, cache: a.cache, version: a.version, targets, metadataOnly: true });
  let release;
  const header = [];
  if (a.release) {
    const { features, unknown } = touchedFeatures(config, { explicit: (a.features ?? "").split(","), notes: notesPath ? readFileSync(notesPath, "utf8") : "" });
    if (unknown.length) header.push(`Not in the feature registry, ignored: ${unknown.join(", ")}.`);
    release = { tag: a.release, features };
    header.push(features.size ? `Release ${a.release} touched: ${[...features].map(([f, from]) => `${f} (${from})`).join(", ")}.` : `Release ${a.release} touched no feature in the registry.`);
  }
  const verdicts = [...index.items()].map((item) => freshnessVerdict(item, config, a.today, release)).filter((v) => v.status === "stale");
  verdicts.sort((x, y) => x.item.file < y.item.file ? -1 : x.item.file > y.item.file ? 1 : 0);
  const exitCode = verdicts.length ? 1 : 0;
  if (a.format === "json") {
    return {
      stdout: `${JSON.stringify(verdicts.map((v) => ({ file: v.item.file, line: v.item.idSpan.start.line, id: v.item.id, type: v.item.type, owner: v.item.freshness.owner ?? null, reasons: v.reasons })), null, 2)}
`,
      exitCode
    };
  }
  const lines = verdicts.map((v) => `${v.item.file}:${v.item.idSpan.start.line}  ${v.item.type} "${v.item.id}"  owner ${v.item.freshness.owner ?? "(none)"}
${v.reasons.map((r) => `  - ${r.message}`).join("\n")}`);
  const summary = verdicts.length ? `${verdicts.length} stale item${verdicts.length === 1 ? "" : "s"}. Review each against the release, then mark it verified: set verified: {version, date} (the editor's "Mark verified" quick fix does it).` : "No stale items.";
  return { stdout: `${[...header, ...lines, summary].join("\n")}
`, exitCode };
}
export {
  staleCommand
};
