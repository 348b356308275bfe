import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { configCandidates } from '../core/config/config-candidates.js';
import { parseConfig } from '../core/config/config.js';
import { toPosix } from './walk.js';
import { dirname, relative, resolve } from 'node:path';
import { ITEM_TYPES, type ItemType } from '../core/model.js';
import { newItemText } from '../core/templates/new-item.js';
import { UsageError } from './usage-error.js';

export interface NewArgs {
  type: string | undefined;
  id: string | undefined;
  dir: string;
  cwd: string;
  today: string;
  owner?: string;
  module?: string;
}

export function newCommand(a: NewArgs): string {
  if (!a.type || !(ITEM_TYPES as readonly string[]).includes(a.type)) {
    throw new UsageError(`Expected "enablekit new <${ITEM_TYPES.join('|')}> <id>"; found type ${a.type ? `"${a.type}"` : 'missing'}. Name one of those types.`);
  }
  if (!a.id || !/^[a-z0-9][a-z0-9-]*$/.test(a.id)) {
    throw new UsageError(`Expected an id of lowercase letters, digits and dashes, such as ticket-triage; found ${a.id ? `"${a.id}"` : 'none'}. Pass one after the type.`);
  }
  const path = resolve(a.cwd, a.dir, `${a.id}.md`);
  if (existsSync(path)) throw new UsageError(`Expected no file at ${relative(a.cwd, path)}; found one already. Pick another id or delete that file; nothing was overwritten.`);
  mkdirSync(dirname(path), { recursive: true });
  // A new item is written against the product version it is about: the one enablekit.yml names.
  const configPath = configCandidates(toPosix(dirname(path))).find((p) => existsSync(p));
  const productVersion = configPath ? parseConfig(configPath, readFileSync(configPath, 'utf8')).productVersion : undefined;
  writeFileSync(path, newItemText(a.type as ItemType, { id: a.id, today: a.today, ...(a.owner ? { owner: a.owner } : {}), ...(a.module ? { module: a.module } : {}), ...(productVersion ? { productVersion } : {}) }), { flag: 'wx' });
  return `Created ${relative(a.cwd, path)}. Edit it, then run "enablekit lint".\n`;
}
