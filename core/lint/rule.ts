import type { Config } from '../config/config.js';
import type { Item } from '../model.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import type { Fix, Severity, Span } from '../types.js';

export const DOCS_BASE = 'https://github.com/enablekit/enablekit/blob/main/docs/rules';

export interface RuleMeta {
  id: string;
  description: string;
  severity: Severity;
  /** Why the rule exists, for its docs page. */
  rationale: string;
  /** Suggestions are applied one at a time in the editor, never by `lint --fix`. */
  fixes?: 'auto' | 'suggestion';
}

/** A small workspace: file path → content. `enablekit.yml` in it is the config. */
export type ExampleFiles = Record<string, string>;

export interface RuleExample {
  title: string;
  files: ExampleFiles;
  /** Expected findings of this rule: `file:line` and a fragment of the message. */
  expect: { at: string; message: string }[];
  /** With a fix: the files after applying every fix of this rule. */
  fixed?: ExampleFiles;
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
