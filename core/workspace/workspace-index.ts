import type { FileModel, Item, Reference } from '../model.js';

export interface ReverseReference {
  from: Item;
  ref: Reference;
}

/**
 * All files' models with lookups by id and by reference. Updating one file replaces
 * only what that file contributed, so an editor can re-index on each keystroke.
 */
export class WorkspaceIndex {
  readonly files = new Map<string, FileModel>();
  private readonly byId = new Map<string, Item[]>();
  private readonly reverse = new Map<string, ReverseReference[]>();
  /** Every path that exists (content or not), for checking relative links. */
  readonly knownPaths = new Set<string>();

  constructor(models: Iterable<FileModel> = [], knownPaths: Iterable<string> = []) {
    for (const p of knownPaths) this.addKnownPath(p);
    for (const m of models) this.update(m);
  }

  /** A path and its folders: a link may name a folder. */
  addKnownPath(path: string): void {
    for (
      let p = path;
      p && p !== '.' && !this.knownPaths.has(p);
      p = p.slice(0, Math.max(0, p.lastIndexOf('/')))
    )
      this.knownPaths.add(p);
  }

  update(model: FileModel): void {
    this.remove(model.file);
    this.files.set(model.file, model);
    this.addKnownPath(model.file);
    const item = model.item;
    if (!item) return;
    push(this.byId, item.id, item);
    for (const ref of item.references) push(this.reverse, ref.id, { from: item, ref });
  }

  remove(file: string): void {
    const old = this.files.get(file)?.item;
    this.files.delete(file);
    if (!old) return;
    drop(this.byId, old.id, (i) => i === old);
    for (const ref of old.references) drop(this.reverse, ref.id, (r) => r.from === old);
  }

  /** Every item with this id: more than one is a duplicate-id problem. */
  itemsWithId(id: string): Item[] {
    return this.byId.get(id) ?? [];
  }

  item(id: string): Item | undefined {
    return this.byId.get(id)?.[0];
  }

  referencesTo(id: string): ReverseReference[] {
    return this.reverse.get(id) ?? [];
  }

  *items(): Iterable<Item> {
    for (const m of this.files.values()) if (m.item) yield m.item;
  }

  /** Checkpoints whose `module:` is this module, in file order. */
  checkpointsOf(moduleId: string): Item[] {
    return this.referencesTo(moduleId)
      .filter(
        (r) => r.ref.field === 'module' && r.from.type !== 'track' && r.from.type !== 'module',
      )
      .map((r) => r.from);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function drop<T>(map: Map<string, T[]>, key: string, match: (v: T) => boolean): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((v) => !match(v));
  if (kept.length) map.set(key, kept);
  else map.delete(key);
}
