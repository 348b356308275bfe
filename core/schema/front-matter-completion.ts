import common from '../../schemas/common.schema.json' with { type: 'json' };
import track from '../../schemas/track.schema.json' with { type: 'json' };
import module from '../../schemas/module.schema.json' with { type: 'json' };
import quiz from '../../schemas/quiz.schema.json' with { type: 'json' };
import scenario from '../../schemas/scenario.schema.json' with { type: 'json' };
import reflection from '../../schemas/reflection.schema.json' with { type: 'json' };
import survey from '../../schemas/survey.schema.json' with { type: 'json' };
import config from '../../schemas/config.schema.json' with { type: 'json' };
import { ITEM_TYPES, REFERENCE_FIELDS, type ItemType } from '../model.js';

interface SchemaNode {
  $ref?: string;
  description?: string;
  const?: unknown;
  enum?: unknown[];
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

const SCHEMAS: Record<ItemType | 'config', SchemaNode> = {
  track,
  module,
  quiz,
  scenario,
  reflection,
  survey,
  config,
};

export interface Completion {
  label: string;
  kind: 'key' | 'value';
  /** What the schema says of it. */
  documentation?: string;
  detail?: string;
  insertText: string;
  /** How many characters before the cursor it replaces: the id or key typed so far (`product-t`). */
  replace?: number;
}

/** Ids the workspace knows, for fields that name one: modules, tracks, checkpoints, roles, features. */
export type KnownIds = (
  kind: 'module' | 'track' | 'checkpoint' | 'role' | 'feature',
) => readonly string[];

/** Which kind of id a field names, per item type (as the parser reads and the unknown-reference rule checks them). */
function idKind(type: ItemType | 'config', key: string): Parameters<KnownIds>[0] | undefined {
  return type === 'config' ? undefined : REFERENCE_FIELDS[type][key];
}

/** A schema node with its `$ref` (into common.schema.json) followed, keeping the nearer description. */
function resolve(node: SchemaNode): SchemaNode {
  let n = node;
  for (let hops = 0; n.$ref && hops < 5; hops++) {
    const path = n.$ref.replace(/^common\.schema\.json#\/|^#\//, '').split('/');
    let target: unknown = common;
    for (const segment of path) target = (target as Record<string, unknown> | undefined)?.[segment];
    if (!target) break;
    n = {
      ...(target as SchemaNode),
      description: n.description ?? (target as SchemaNode).description,
    };
  }
  return n;
}

/**
 * Completions in front matter (or enablekit.yml) from the schemas that validate it: at the
 * start of a top-level line, the keys not written yet; after `key:`, the values the key
 * allows, or the ids the workspace knows for fields that name one. `line` is the text of
 * the line before the cursor; `type` the file's `type:` (undefined for enablekit.yml).
 * With `under`, the line is an item (`  - `) of that key's block list. An id is offered
 * only under a key the item's type has, never the item's own (`self`) nor one listed
 * already (`listed`), and a list field's first id is written as a list (`[id]`).
 */
export function frontMatterCompletions(o: {
  type: string | undefined;
  config?: boolean;
  line: string;
  present: readonly string[];
  ids: KnownIds;
  /** The item's own id: never its own prerequisite. */
  self?: string;
  /** Ids written in the field already, before and after the cursor. */
  listed?: readonly string[];
  /** The key whose block list the line is an item of. */
  under?: string;
}): Completion[] {
  const name = o.config
    ? 'config'
    : (ITEM_TYPES as readonly string[]).includes(o.type ?? '')
      ? (o.type as ItemType)
      : undefined;
  const keyAt = /^([A-Za-z_]*)$/.exec(o.line);
  if (keyAt) {
    if (!name)
      return o.present.includes('type')
        ? []
        : [
            {
              label: 'type',
              kind: 'key',
              documentation: `What this file is: ${ITEM_TYPES.join(', ')}.`,
              insertText: 'type: ',
            },
          ];
    const schema = SCHEMAS[name];
    return Object.entries(schema.properties ?? {})
      .filter(([key]) => !o.present.includes(key))
      .map(([key, node]) => {
        const doc = resolve(node).description;
        return {
          label: key,
          kind: 'key',
          ...(doc ? { documentation: doc } : {}),
          ...(schema.required?.includes(key) ? { detail: 'required' } : {}),
          insertText: `${key}: `,
        };
      });
  }
  const valueAt = /^([A-Za-z_]+):\s*(\[(?:[^\]]*,)?)?\s*[\w.-]*$/.exec(o.line);
  const itemAt = o.under !== undefined && /^\s+-\s+[\w.-]*$/.test(o.line);
  if (!valueAt && !itemAt) return [];
  const key = valueAt ? valueAt[1]! : o.under!;
  const value = (label: string, documentation?: string, insertText = label): Completion => ({
    label,
    kind: 'value',
    insertText,
    ...(documentation ? { documentation } : {}),
  });
  if (key === 'type' && !o.config) return valueAt ? ITEM_TYPES.map((t) => value(t)) : [];
  if (!name) return [];
  // Only a key the item's type has: a module has no roles, whatever is written under it.
  const field = SCHEMAS[name].properties?.[key];
  if (!field) return [];
  const node = resolve(field);
  const kind = idKind(name, key);
  if (kind && !o.config) {
    const skip = new Set([
      ...(o.listed ?? []),
      ...(kind === 'role' || kind === 'feature' ? [] : [o.self ?? '']),
    ]);
    // After `key: ` with no list begun, a list field's value is written as one.
    const asList = node.type === 'array' && valueAt !== null && !valueAt[2];
    return [...new Set(o.ids(kind))]
      .filter((id) => !skip.has(id))
      .sort()
      .map((id) => value(id, undefined, asList ? `[${id}]` : id));
  }
  if (!valueAt) return [];
  if (
    typeof node.const === 'string' ||
    typeof node.const === 'number' ||
    typeof node.const === 'boolean'
  )
    return [value(String(node.const), node.description)];
  if (node.enum) return node.enum.map((v) => value(String(v), node.description));
  if (node.type === 'boolean') return [value('true'), value('false')];
  return [];
}
