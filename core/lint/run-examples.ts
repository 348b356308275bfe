import { applyEdits, bulkFixEdits } from './apply-fixes.js';
import { lintInMemory } from './lint-in-memory.js';
import type { ExampleFiles, Rule, RuleExample } from './rule.js';

/** A fixed date for examples, so rules that compare with today give the same answer forever. */
export const EXAMPLE_TODAY = '2026-11-22';

export interface ExampleOutcome {
  example: RuleExample;
  /** What the rule reported, as `file:line message`. */
  found: string[];
  failures: string[];
}

/** Run one rule over its own examples and say where reality differs from the docs. */
export function runRuleExamples(rule: Rule): ExampleOutcome[] {
  return rule.examples.map((example) => {
    const { diagnostics } = lintInMemory(example.files, EXAMPLE_TODAY, [rule]);
    const found = diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`);
    const failures: string[] = [];
    const unmatched = [...diagnostics];
    for (const e of example.expect) {
      const i = unmatched.findIndex(
        (d) => `${d.file}:${d.line}` === e.at && d.message.includes(e.message),
      );
      if (i === -1) failures.push(`expected ${e.at} "${e.message}"`);
      else unmatched.splice(i, 1);
    }
    for (const d of unmatched) failures.push(`unexpected ${d.file}:${d.line} "${d.message}"`);
    // lint --fix's own choice of edits (no suggestions, no answer sheets), or every fix offered.
    const bulk = bulkFixEdits(diagnostics, 'submissions');
    const check = (after: ExampleFiles | undefined, what: string, suggestions: boolean) => {
      for (const [file, want] of Object.entries(after ?? {})) {
        const edits = suggestions
          ? diagnostics.filter((d) => d.file === file && d.fix).flatMap((d) => d.fix!.edits)
          : (bulk.get(file) ?? []);
        const got = applyEdits(example.files[file] ?? '', edits).text;
        if (got !== want) failures.push(`${what} of ${file} gave:\n${got}\nexpected:\n${want}`);
      }
    };
    // `fixed` is what lint --fix writes, so a suggestion that slipped into the safe fixes fails
    // it; with suggestions alone, lint --fix must leave the files as they were.
    const untouched = example.suggested
      ? Object.fromEntries(Object.keys(example.suggested).map((f) => [f, example.files[f] ?? '']))
      : undefined;
    check(example.fixed ?? untouched, 'lint --fix', false);
    check(example.suggested, 'accepting the suggestions', true);
    // Every fix a rule offers is shown on its page: lint --fix's under fixed, suggestions under
    // suggested (a safe fix in a learner's sheet is the editor's alone, and shown by neither).
    if (bulk.size && !example.fixed)
      failures.push('lint --fix changes files: show them under fixed');
    if (diagnostics.some((d) => d.fix?.suggestion) && !example.suggested)
      failures.push('a suggestion is offered: show what accepting it writes under suggested');
    return { example, found, failures };
  });
}
