import type { Rule } from '../core/lint/rule.js';

const fence = (text: string, lang: string) => {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text.replace(/\n$/, '')}\n${ticks}`;
};

export function renderRuleDoc(rule: Rule): string {
  const parts = [
    `# ${rule.meta.id}`,
    '',
    rule.meta.description,
    '',
    `Default severity: **${rule.meta.severity}**. Change it in \`enablekit.yml\` under \`lint.rules.${rule.meta.id}\` (\`error\`, \`warning\` or \`off\`).`,
    '',
    '## Why',
    '',
    rule.meta.rationale,
    '',
    '## Examples',
    '',
    "These examples are run as the rule's tests, so they are always true.",
  ];
  for (const ex of rule.examples) {
    parts.push('', `### ${ex.title}`, '');
    for (const [file, text] of Object.entries(ex.files))
      parts.push(`\`${file}\`:`, '', fence(text, file.endsWith('.yml') ? 'yaml' : 'markdown'), '');
    parts.push(ex.expect.length ? 'Reported:' : 'Nothing is reported.', '');
    for (const e of ex.expect) parts.push(`- \`${e.at}\`: ${e.message}…`);
    const after = (files: Record<string, string> | undefined, heading: string) => {
      if (!files) return;
      parts.push('', heading, '');
      for (const [file, text] of Object.entries(files))
        parts.push(`\`${file}\`:`, '', fence(text, file.endsWith('.yml') ? 'yaml' : 'markdown'));
    };
    after(ex.fixed, 'After `enablekit lint --fix` (or "Fix all" in the editor):');
    after(
      ex.suggested,
      "After accepting the suggestion, one at a time, from the editor's quick fixes (`lint --fix` and fix-all list a suggestion but do not apply it: it is a guess, or a claim only a person can make):",
    );
  }
  return `${parts.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

export function renderRuleIndex(rules: readonly Rule[]): string {
  const rows = rules.map(
    (r) => `| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.severity} | ${r.meta.description} |`,
  );
  return `# Lint rules\n\nEvery rule is one file in \`core/lint/rules/\`; its page here is generated from it (\`npm run docs\`).\n\n| rule | default | checks |\n|---|---|---|\n${rows.join('\n')}\n`;
}
