import type { ItemType } from '../model.js';
import { didYouMean } from '../text/did-you-mean.js';

/** A module a new item may name: its id and its file, relative to the curricula's folder with '/'. */
export interface ModuleOption {
  id: string;
  file: string;
}

/**
 * What to write as a new item's `module:`, decided the same way by `enablekit new` and the
 * editor's New commands (each words it for its user):
 * - `none`: a module or a track with no module given needs no choice;
 * - `given`: the module named is one of the curricula's;
 * - `unknown`: the module named is none of them (`near`: the likely one meant);
 * - `only-in-folder`: none named, and the new file's folder holds exactly one module;
 * - `ask`: none named and no single module in the folder.
 * `modules` (for the last two) lists the curricula's modules to offer, those in the folder first.
 * A placeholder or a typo there would leave the checkpoint out of every track's progress.
 */
export type ModuleChoice =
  | { kind: 'none' }
  | { kind: 'given'; module: string }
  | { kind: 'unknown'; given: string; near?: string; known: string[] }
  | { kind: 'only-in-folder'; module: string; modules: ModuleOption[] }
  | { kind: 'ask'; inFolder: string[]; modules: ModuleOption[] };

/** Whether `file` is in `folder` or below it ('' is the curricula's folder). */
function within(file: string, folder: string): boolean {
  return folder === '' || folder === '.' || file.startsWith(`${folder.replace(/\/$/, '')}/`);
}

const byId = (a: ModuleOption, b: ModuleOption) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The curricula's modules, those in `folder` (or below) first, each group by id: the order to offer them in. */
export function modulesNearest(modules: readonly ModuleOption[], folder: string): ModuleOption[] {
  const sorted = [...modules].sort(byId);
  return [
    ...sorted.filter((m) => within(m.file, folder)),
    ...sorted.filter((m) => !within(m.file, folder)),
  ];
}

/**
 * `folder`: where the new file goes, relative to the curricula's folder with '/' (a path
 * starting with '..' is outside it and holds none of its modules).
 */
export function chooseModule(
  type: ItemType,
  given: string | undefined,
  modules: readonly ModuleOption[],
  folder: string,
): ModuleChoice {
  if (type === 'module' || (type === 'track' && given === undefined)) return { kind: 'none' };
  const known = [...new Set(modules.map((m) => m.id))].sort();
  if (given !== undefined) {
    if (known.includes(given)) return { kind: 'given', module: given };
    const near = didYouMean(given, known);
    return { kind: 'unknown', given, known, ...(near ? { near } : {}) };
  }
  const nearest = modulesNearest(modules, folder);
  const inFolder = nearest.filter((m) => within(m.file, folder)).map((m) => m.id);
  if (inFolder.length === 1)
    return { kind: 'only-in-folder', module: inFolder[0]!, modules: nearest };
  return { kind: 'ask', inFolder, modules: nearest };
}
