import { writeFileSync, mkdirSync } from 'node:fs';
import { RULES } from '../core/lint/rules/index.js';
import { renderRuleDoc, renderRuleIndex } from './rule-doc.js';

/** Regenerate docs/rules/ from the rules' own metadata and examples (a test checks they match). */
mkdirSync('docs/rules', { recursive: true });
for (const rule of RULES) writeFileSync(`docs/rules/${rule.meta.id}.md`, renderRuleDoc(rule));
writeFileSync('docs/rules/README.md', renderRuleIndex(RULES));
