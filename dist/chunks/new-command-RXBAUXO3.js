import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  defaultConfig,
  parseConfig
} from "./chunk-MJ7R2TOD.js";
import {
  UsageError,
  configCandidates,
  toPosix,
  walk
} from "./chunk-S6DZV6XD.js";
import {
  PLACEHOLDER_OWNER,
  newItemText
} from "./chunk-LWN357S5.js";
import {
  parseFile
} from "./chunk-JEF32JUO.js";
import "./chunk-62XP5XG5.js";
import {
  ITEM_TYPES,
  didYouMean
} from "./chunk-N6VMDUHI.js";
import "./chunk-B5AU765K.js";

// cli/new-command.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

// core/templates/module-choice.ts
function within(file, folder) {
  return folder === "" || folder === "." || file.startsWith(`${folder.replace(/\/$/, "")}/`);
}
var byId = (a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
function modulesNearest(modules, folder) {
  const sorted = [...modules].sort(byId);
  return [...sorted.filter((m) => within(m.file, folder)), ...sorted.filter((m) => !within(m.file, folder))];
}
function chooseModule(type, given, modules, folder) {
  if (type === "module" || type === "track" && given === void 0) return { kind: "none" };
  const known = [...new Set(modules.map((m) => m.id))].sort();
  if (given !== void 0) {
    if (known.includes(given)) return { kind: "given", module: given };
    const near = didYouMean(given, known);
    return { kind: "unknown", given, known, ...near ? { near } : {} };
  }
  const nearest = modulesNearest(modules, folder);
  const inFolder = nearest.filter((m) => within(m.file, folder)).map((m) => m.id);
  if (inFolder.length === 1) return { kind: "only-in-folder", module: inFolder[0], modules: nearest };
  return { kind: "ask", inFolder, modules: nearest };
}

// cli/new-command.ts
function modulesUnder(root, cwd, ignore) {
  const out = [];
  for (const file of walk([root], cwd, ignore, root).markdown) {
    const path = resolve(cwd, file);
    let text;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      continue;
    }
    if (!/^type:[ \t]*['"]?module\b/m.test(text)) continue;
    const item = parseFile(file, text, { metadataOnly: true }).model.item;
    if (item?.type === "module" && item.id) out.push({ id: item.id, path });
  }
  return out.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function listed(ids) {
  return ids.length > 12 ? `${ids.slice(0, 12).join(", ")} and ${ids.length - 12} more` : ids.join(", ");
}
function moduleFor(type, given, dir, curricula, cwd, ignore) {
  if (type === "module" || type === "track" && given === void 0) return {};
  const modules = modulesUnder(curricula, cwd, ignore);
  const where = toPosix(relative(cwd, curricula)) || ".";
  const dirRel = toPosix(relative(cwd, dir)) || ".";
  const choice = chooseModule(type, given, modules.map((m) => ({ id: m.id, file: toPosix(relative(curricula, m.path)) })), toPosix(relative(curricula, dir)));
  switch (choice.kind) {
    case "none":
      return {};
    case "given":
      return { module: choice.module };
    case "unknown":
      if (!choice.known.length) throw new UsageError(`Expected --module to name a module of the curricula in ${where}; found "${choice.given}", and no modules there. Create it first with "enablekit new module ${choice.given}".`);
      throw new UsageError(`Expected --module to name a module of the curricula in ${where}; found "${choice.given}".${choice.near ? ` Did you mean "${choice.near}"?` : ""} Known modules: ${listed(choice.known)}.`);
    case "only-in-folder":
      return { module: choice.module, note: `Set module: ${choice.module}, the only module in ${dirRel}; pass --module <id> to name another.` };
    case "ask": {
      const found = choice.inFolder.length ? `${choice.inFolder.length} modules in ${dirRel} (${listed(choice.inFolder)})` : modules.length ? `no module in ${dirRel}` : `no modules in the curricula (${where})`;
      const todo = modules.length ? "Pass --module <id>" : `Create one first with "enablekit new module <id>", then pass --module <id>`;
      throw new UsageError(`Expected --module <id> naming the module this ${type} checks; found none given and ${found}. ${todo}.`);
    }
  }
}
function newCommand(a) {
  if (!a.type || !ITEM_TYPES.includes(a.type)) {
    throw new UsageError(`Expected "enablekit new <${ITEM_TYPES.join("|")}> <id>"; found type ${a.type ? `"${a.type}"` : "missing"}. Name one of those types.`);
  }
  if (!a.id || !/^[a-z0-9][a-z0-9-]*$/.test(a.id)) {
    throw new UsageError(`Expected an id of lowercase letters, digits and dashes, such as ticket-triage; found ${a.id ? `"${a.id}"` : "none"}. Pass one after the type.`);
  }
  const type = a.type;
  const dir = resolve(a.cwd, a.dir);
  const path = resolve(dir, `${a.id}.md`);
  if (existsSync(path)) throw new UsageError(`Expected no file at ${relative(a.cwd, path)}; found one already. Pick another id or delete that file; nothing was overwritten.`);
  const configPath = configCandidates(toPosix(dir)).find((p) => existsSync(p));
  const config = configPath ? parseConfig(configPath, readFileSync(configPath, "utf8")) : defaultConfig();
  const { module, note } = moduleFor(type, a.module, dir, configPath ? dirname(configPath) : dir, a.cwd, config.ignore);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, newItemText(type, { id: a.id, today: a.today, ...a.owner ? { owner: a.owner } : {}, ...module ? { module } : {}, ...config.productVersion ? { productVersion: config.productVersion } : {} }), { flag: "wx" });
  const notes = [note, a.owner ? void 0 : `owner: is the placeholder "${PLACEHOLDER_OWNER}"; replace it with a GitHub login or org/team, or pass --owner <login> (lint warns until then).`];
  return `Created ${relative(a.cwd, path)}. Edit it, then run "enablekit lint".
${notes.filter(Boolean).map((n) => `${n}
`).join("")}`;
}
export {
  newCommand
};
