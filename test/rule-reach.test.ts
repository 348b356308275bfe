import assert from 'node:assert/strict';
import { LintSession } from '../core/lint/lint-session.js';
import { REACHES, type Reach, type Rule } from '../core/lint/rule.js';
import { RULES } from '../core/lint/rules/index.js';

const TODAY = '2026-11-22';

type Files = Record<string, string>;

/** Edits that move what reaches across files: ids, prerequisites, types, the whole front matter. */
const EDITS: [RegExp, string][] = [
  [/^id: ([\w-]+)$/m, 'id: $1-renamed'],
  [/^prerequisites: \[[^\]\n]*\]$/m, 'prerequisites: []'],
  [/^type: \w+$/m, 'type: module'],
  [/^type: \w+$/m, 'type: track'],
];

function lintWith(rules: readonly Rule[], files: Files) {
  const session = new LintSession(rules);
  for (const [path, text] of Object.entries(files)) session.setFile(path, text);
  return { session, diagnostics: session.lint(TODAY).diagnostics };
}

const sorted = (m: ReadonlyMap<string, { file: string; line: number; message: string }[]>) =>
  [...m]
    .filter(([, list]) => list.length)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, list]) => [file, list.map((d) => `${d.line} ${d.message}`)]);

/**
 * One file of a workspace changed, from `before` to `after`: each file's text as a change
 * of it would leave it, with the file emptied (its item gone, or not there yet) among them.
 */
function* changes(files: Files): Generator<{ path: string; before: Files; after: Files }> {
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith('.md')) continue;
    const emptied = { ...files, [path]: '' };
    yield { path, before: emptied, after: files };
    yield { path, before: files, after: emptied };
    for (const [pattern, replacement] of EDITS) {
      const next = text.replace(pattern, replacement);
      if (next !== text) yield { path, before: files, after: { ...files, [path]: next } };
    }
  }
}

/** Where linting only `rules` again after one file changed differs from linting everything afresh. */
function staleAfterChanges(rules: readonly Rule[], workspaces: readonly Files[]): string[] {
  const stale: string[] = [];
  for (const files of workspaces) {
    for (const { path, before, after } of changes(files)) {
      const { session } = lintWith(rules, before);
      session.setFile(path, after[path]!, { editing: true });
      const incremental = sorted(session.lint(TODAY).diagnostics);
      const full = sorted(lintWith(rules, after).diagnostics);
      if (JSON.stringify(incremental) !== JSON.stringify(full))
        stale.push(`${path}: ${JSON.stringify(incremental)} ≠ ${JSON.stringify(full)}`);
    }
  }
  return stale;
}

const withReach = (rule: Rule, reach: Reach): Rule => ({ ...rule, meta: { ...rule.meta, reach } });

/** Every reach narrower than this one: a rule that needs this reach goes stale with any of them. */
const NARROWER: Record<Reach, Reach[]> = {
  file: [],
  ids: ['file'],
  'known-ids': ['file', 'ids'],
  prerequisites: ['file', 'ids'],
  tracks: ['file', 'ids', 'prerequisites'],
  workspace: ['file', 'ids', 'known-ids', 'prerequisites', 'tracks'],
};

const module = (id: string, extra = '') =>
  `---\ntype: module\nid: ${id}\ntitle: ${id}\nowner: alice\n${extra}---\n# ${id}\n`;

/** A rule no reach but the workspace's fits: with three items or more, each says how many there are. */
const itemCount: Rule = {
  meta: {
    id: 'item-count',
    description: 'Counts the items of the workspace.',
    severity: 'warning',
    rationale: 'A test of the workspace reach.',
    reach: 'workspace',
  },
  examples: [
    {
      title: 'Three modules',
      files: { 'a.md': module('a'), 'b.md': module('b'), 'c.md': module('c') },
      expect: [],
    },
  ],
  check(ctx) {
    const count = [...ctx.index.items()].length;
    if (count < 3) return;
    for (const item of ctx.items())
      ctx.report({ file: item.file, span: item.idSpan, message: `${count} items` });
  },
};

/** Workspaces beyond a rule's examples, where they are too small to show how far it reaches. */
const MORE: Record<string, Files[]> = {
  // A cycle of three: the item across from an edited one neither shares nor names its id.
  'prerequisite-cycle': [
    {
      'a.md': module('a', 'prerequisites: [b]\n'),
      'b.md': module('b', 'prerequisites: [c]\n'),
      'c.md': module('c', 'prerequisites: [a]\n'),
    },
  ],
};

describe('what rules declare their findings reach across files (RuleMeta.reach)', () => {
  it('every rule declares one of the known reaches', () => {
    for (const rule of RULES)
      assert.ok(
        (REACHES as readonly string[]).includes(rule.meta.reach),
        `${rule.meta.id}: reach ${String(rule.meta.reach)}`,
      );
  });

  it('the rules and the test rule below declare every reach there is, so the checks here cover each', () => {
    const declared = new Set([...RULES, itemCount].map((r) => r.meta.reach));
    assert.deepEqual(
      [...REACHES].filter((r) => !declared.has(r)),
      [],
    );
  });

  for (const rule of [...RULES, itemCount]) {
    describe(`${rule.meta.id} (reach: ${rule.meta.reach})`, () => {
      const workspaces = [...rule.examples.map((e) => e.files), ...(MORE[rule.meta.id] ?? [])];

      it('linted alone, an edit to any file of its examples then re-linted gives what a full lint gives', () => {
        assert.deepEqual(staleAfterChanges([rule], workspaces), []);
      });

      // Else the check above could pass however little the rule declared.
      for (const narrower of NARROWER[rule.meta.reach]) {
        it(`declared as reaching only "${narrower}", its examples show it going stale`, () => {
          assert.notDeepEqual(staleAfterChanges([withReach(rule, narrower)], workspaces), []);
        });
      }
    });
  }
});
