import assert from 'node:assert/strict';
import { RULES } from '../core/lint/rules/index.js';
import { runRuleExamples } from '../core/lint/run-examples.js';

describe('every rule, by its own documented examples', () => {
  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('has at least one example that reports and its metadata', () => {
        assert.ok(
          rule.examples.some((e) => e.expect.length > 0),
          'no example shows the rule reporting',
        );
        assert.match(rule.meta.id, /^[a-z][a-z0-9-]*$/);
        assert.ok(rule.meta.description.length > 10);
      });
      for (const outcome of runRuleExamples(rule)) {
        it(outcome.example.title, () => {
          assert.deepEqual(outcome.failures, [], `found:\n${outcome.found.join('\n')}`);
        });
      }
    });
  }
});

describe('docs/rules', () => {
  it('every rule page is what its rule generates (run "npm run docs" after changing a rule)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderRuleDoc } = await import('../scripts/rule-doc.js');
    for (const rule of RULES)
      assert.equal(
        readFileSync(`docs/rules/${rule.meta.id}.md`, 'utf8'),
        renderRuleDoc(rule),
        rule.meta.id,
      );
  });
});
