import type { Config } from '../config/config.js';
import type { Item } from '../model.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import type { Fix, Severity, Span } from '../types.js';

/** A rule's page in docs/rules/, where SARIF and the editor link each diagnostic. */
export const ruleDocsUrl = (id: string) =>
  `https://github.com/enablekit/enablekit/blob/main/docs/rules/${id}.md`;

export interface RuleMeta {
  id: string;
  description: string;
  severity: Severity;
  /** Why the rule exists, for its docs page. */
  rationale: string;
  /** Whose findings a change to one file can alter: the editor's lint session re-lints that far (see Reach). */
  reach: Reach;
}

/**
 * What a change to one file's text can alter of this rule's findings in other files. The
 * editor's lint session (lint-session.ts) re-lints the changed file and, from the reaches
 * its rules declare, the files listed here. Every reach takes in that a file appeared or
 * went, enablekit.yml changed or the day turned: those re-lint the whole workspace. A rule
 * that declares too little goes stale in the editor (test/rule-reach.test.ts catches it).
 * - `file`: none; its findings in a file come from that file alone (and the config, and
 *   which paths exist).
 * - `ids`: the files with an item of the changed item's id, old or new, or a reference to it.
 * - `known-ids`: as `ids`, and when an id appears or goes, every file this rule reported
 *   on last time: its messages name the nearest known id.
 * - `prerequisites`: the items along the changed item's prerequisite chains, old and new,
 *   however long (a cycle runs along them).
 * - `tracks`: every track, when a track changes or a module's id or prerequisites do.
 * - `workspace`: every file, on any change; for a rule that fits none of the above.
 */
export type Reach = (typeof REACHES)[number];

export const REACHES = [
  'file',
  'ids',
  'known-ids',
  'prerequisites',
  'tracks',
  'workspace',
] as const;

/** A small workspace: file path → content. `enablekit.yml` in it is the config. */
export type ExampleFiles = Record<string, string>;

export interface RuleExample {
  title: string;
  files: ExampleFiles;
  /** Expected findings of this rule: `file:line` and a fragment of the message. */
  expect: { at: string; message: string }[];
  /** With a safe fix: the files after `lint --fix` (every fix of this rule but suggestions). */
  fixed?: ExampleFiles;
  /** With a suggestion: the files after accepting every fix of this rule, suggestions too. */
  suggested?: ExampleFiles;
}

export interface Report {
  file: string;
  span: Span;
  message: string;
  fix?: Fix;
}

export interface RuleContext {
  index: WorkspaceIndex;
  config: Config;
  /** Today as YYYY-MM-DD, from the adapter, so rules stay pure and testable. */
  today: string;
  report(r: Report): void;
  /** Items of files being reported on (all files, or the ones an editor changed). */
  items(): Iterable<Item>;
}

export interface Rule {
  meta: RuleMeta;
  examples: RuleExample[];
  check(ctx: RuleContext): void;
}
