import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { configCandidates } from '../core/config/config-candidates.js';
import { defaultConfig, parseConfig } from '../core/config/config.js';
import { toPosix, walk } from '../host/walk.js';
import { dirname, relative, resolve } from 'node:path';
import { ITEM_TYPES, type ItemType } from '../core/model.js';
import { parseFile } from '../core/parse/parse-file.js';
import { chooseModule } from '../core/templates/module-choice.js';
import { newItemText, PLACEHOLDER_OWNER } from '../core/templates/new-item.js';
import { UsageError } from '../host/usage-error.js';
import { curriculaToday } from '../core/config/clock.js';

export interface NewArgs {
  type: string | undefined;
  id: string | undefined;
  dir: string;
  cwd: string;
  /** --today: date the item as of this day instead of today in the curricula's time zone. */
  today?: string;
  now: Date;
  owner?: string;
  module?: string;
  /** A survey's track (--track). */
  track?: string;
  /** An imported quiz's title and questions (see newItemText). */
  title?: string;
  questions?: string;
}

interface KnownModule {
  id: string;
  /** Absolute path of its file. */
  path: string;
}

/** The modules of the curricula: under enablekit.yml's folder, or under `root` without one. */
export function modulesUnder(root: string, cwd: string, ignore: string[]): KnownModule[] {
  const out: KnownModule[] = [];
  for (const file of walk([root], cwd, ignore, root).markdown) {
    const path = resolve(cwd, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    // Front matter only: whether it is a module, and its id.
    if (!/^type:[ \t]*['"]?module\b/m.test(text)) continue;
    const item = parseFile(file, text, { metadataOnly: true }).model.item;
    if (item?.type === 'module' && item.id) out.push({ id: item.id, path });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function listed(ids: string[]): string {
  return ids.length > 12
    ? `${ids.slice(0, 12).join(', ')} and ${ids.length - 12} more`
    : ids.join(', ');
}

/**
 * The module a new checkpoint (or track) names, chosen by core's chooseModule: --module when
 * it names a known module; without it, for a checkpoint, the only module in --dir. Anything
 * else is refused, since a placeholder or a typo there leaves the checkpoint out of every track's progress.
 */
function moduleFor(
  type: ItemType,
  given: string | undefined,
  dir: string,
  curricula: string,
  cwd: string,
  ignore: string[],
): { module?: string; note?: string } {
  if (type === 'module' || type === 'survey' || (type === 'track' && given === undefined))
    return {};
  const modules = modulesUnder(curricula, cwd, ignore);
  const where = toPosix(relative(cwd, curricula)) || '.';
  const dirRel = toPosix(relative(cwd, dir)) || '.';
  const choice = chooseModule(
    type,
    given,
    modules.map((m) => ({ id: m.id, file: toPosix(relative(curricula, m.path)) })),
    toPosix(relative(curricula, dir)),
  );
  switch (choice.kind) {
    case 'none':
      return {};
    case 'given':
      return { module: choice.module };
    case 'unknown':
      if (!choice.known.length)
        throw new UsageError(
          `Expected --module to name a module of the curricula in ${where}; found "${choice.given}", and no modules there. Create it first with "enablekit new module ${choice.given}".`,
        );
      throw new UsageError(
        `Expected --module to name a module of the curricula in ${where}; found "${choice.given}".${choice.near ? ` Did you mean "${choice.near}"?` : ''} Known modules: ${listed(choice.known)}.`,
      );
    case 'only-in-folder':
      return {
        module: choice.module,
        note: `Set module: ${choice.module}, the only module in ${dirRel}; pass --module <id> to name another.`,
      };
    case 'ask': {
      const found = choice.inFolder.length
        ? `${choice.inFolder.length} modules in ${dirRel} (${listed(choice.inFolder)})`
        : modules.length
          ? `no module in ${dirRel}`
          : `no modules in the curricula (${where})`;
      const todo = modules.length
        ? 'Pass --module <id>'
        : `Create one first with "enablekit new module <id>", then pass --module <id>`;
      throw new UsageError(
        `Expected --module <id> naming the module this ${type} checks; found none given and ${found}. ${todo}.`,
      );
    }
  }
}

export function newCommand(a: NewArgs): string {
  if (!a.type || !(ITEM_TYPES as readonly string[]).includes(a.type)) {
    throw new UsageError(
      `Expected "enablekit new <${ITEM_TYPES.join('|')}> <id>"; found type ${a.type ? `"${a.type}"` : 'missing'}. Name one of those types.`,
    );
  }
  if (!a.id || !/^[a-z0-9][a-z0-9-]*$/.test(a.id)) {
    throw new UsageError(
      `Expected an id of lowercase letters, digits and dashes, such as ticket-triage; found ${a.id ? `"${a.id}"` : 'none'}. Pass one after the type.`,
    );
  }
  const type = a.type as ItemType;
  const dir = resolve(a.cwd, a.dir);
  const path = resolve(dir, `${a.id}.md`);
  if (existsSync(path))
    throw new UsageError(
      `Expected no file at ${relative(a.cwd, path)}; found one already. Pick another id or delete that file; nothing was overwritten.`,
    );
  // A new item is written against the product version enablekit.yml names, and its modules are that curricula's.
  const configPath = configCandidates(toPosix(dir)).find((p) => existsSync(p));
  const config = configPath
    ? parseConfig(configPath, readFileSync(configPath, 'utf8'))
    : defaultConfig();
  const { module, note } = moduleFor(
    type,
    a.module,
    dir,
    configPath ? dirname(configPath) : dir,
    a.cwd,
    config.ignore,
  );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    newItemText(type, {
      id: a.id,
      today: curriculaToday(config, a.now, a.today),
      ...(a.owner ? { owner: a.owner } : {}),
      ...(module ? { module } : {}),
      ...(a.track ? { track: a.track } : {}),
      ...(a.title ? { title: a.title } : {}),
      ...(a.questions ? { questions: a.questions } : {}),
      ...(config.productVersion ? { productVersion: config.productVersion } : {}),
    }),
    { flag: 'wx' },
  );
  const notes = [
    note,
    type === 'survey' && !a.track
      ? 'track: is the placeholder "track-id"; name the track the survey asks about, or pass --track <id>.'
      : undefined,
    a.owner
      ? undefined
      : `owner: is the placeholder "${PLACEHOLDER_OWNER}"; replace it with a GitHub login or org/team, or pass --owner <login> (lint warns until then).`,
  ];
  return `Created ${relative(a.cwd, path)}. Edit it, then run "enablekit lint".\n${notes
    .filter(Boolean)
    .map((n) => `${n}\n`)
    .join('')}`;
}
