import {
  frontMatterCompletions,
  type Completion,
  type KnownIds,
} from './front-matter-completion.js';

const TOP_KEY = /^([A-Za-z_]+):/;
const LIST_ITEM = /^\s*-(\s|$)/;

const idOf = (token: string) => token.trim().replace(/^['"]|['"]$/g, '');

/** The ids of a flow list (`[a, b]`) on a line, but the one the cursor is in (being typed). */
function flowIds(text: string, character: number): string[] {
  const open = text.indexOf('[');
  if (open === -1 || open >= character) return [];
  const close = text.indexOf(']', open);
  const inner = text.slice(open + 1, close === -1 ? undefined : close);
  const out: string[] = [];
  let at = open + 1;
  for (const token of inner.split(',')) {
    const end = at + token.length;
    if (!(character >= at && character <= end)) out.push(idOf(token));
    at = end + 1;
  }
  return out.filter(Boolean);
}

/** The ids of the block list (`- a` lines) under the key on line `keyLine`, but the cursor's line. */
function blockIds(lines: readonly string[], keyLine: number, cursor: number): string[] {
  const out: string[] = [];
  for (let i = keyLine + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    if (!LIST_ITEM.test(l)) break;
    if (i !== cursor) out.push(idOf(l.replace(LIST_ITEM, '')));
  }
  return out.filter(Boolean);
}

/**
 * Completions at a place in front matter (or enablekit.yml), read from its lines as they
 * are: the file's type and own id, the keys written, and under a list field the ids
 * listed already, in flow (`[a, b]`) or block (`- a`) style. `lines` are the lines
 * between the fences (all of enablekit.yml), `line` the cursor's among them.
 */
export function completionsAt(o: {
  lines: readonly string[];
  line: number;
  character: number;
  config?: boolean;
  ids: KnownIds;
}): Completion[] {
  const text = o.lines[o.line] ?? '';
  const present = o.lines.flatMap((l, i) =>
    i === o.line ? [] : (TOP_KEY.exec(l)?.slice(1, 2) ?? []),
  );
  const first = (re: RegExp) => o.lines.map((l) => re.exec(l)?.[1]).find(Boolean);
  const type = first(/^type:\s*['"]?([\w-]+)/);
  const self = first(/^id:\s*['"]?([\w.-]+)/);
  let under: string | undefined;
  let listed: string[] = [];
  if (LIST_ITEM.test(text)) {
    // The key whose block list this item is in: the nearest key line above, past other items.
    for (let i = o.line - 1; i >= 0; i--) {
      const l = o.lines[i]!;
      if (l.trim() === '' || LIST_ITEM.test(l)) continue;
      const key = /^([A-Za-z_]+):\s*(#.*)?$/.exec(l)?.[1];
      if (key) {
        under = key;
        listed = blockIds(o.lines, i, o.line);
      }
      break;
    }
  } else if (TOP_KEY.test(text)) {
    listed = flowIds(text, o.character);
    // `key:` with items on the lines below: a value written here would clash with them; the
    // next id goes on a `- ` line of its own.
    if (/^[A-Za-z_]+:\s*$/.test(text) && blockIds(o.lines, o.line, -1).length) return [];
  }
  // An id's dashes are part of the word typed, where an editor's own words end at them.
  const replace = /[\w.-]*$/.exec(text.slice(0, o.character))![0].length;
  const found = frontMatterCompletions({
    type,
    ...(o.config ? { config: true } : {}),
    line: text.slice(0, o.character),
    present,
    ids: o.ids,
    ...(self ? { self } : {}),
    listed,
    ...(under ? { under } : {}),
  });
  return found.map((c) => ({ ...c, replace }));
}
