import type { Rule } from '../lint/rule.js';
import { ruleDocsUrl } from '../lint/rule.js';
import type { Diagnostic } from '../types.js';

/** SARIF 2.1.0 as GitHub code scanning accepts it: one run, rules described, URIs relative to the repo. */
export function formatSarif(
  diagnostics: readonly Diagnostic[],
  rules: readonly Rule[],
  version: string,
): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'enablekit',
            version,
            informationUri: 'https://github.com/enablekit/enablekit',
            rules: rules.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.meta.description },
              fullDescription: { text: r.meta.rationale },
              helpUri: ruleDocsUrl(r.meta.id),
              defaultConfiguration: { level: r.meta.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ...(ruleIndex.has(d.ruleId) ? { ruleIndex: ruleIndex.get(d.ruleId) } : {}),
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split('/').map(encodeURIComponent).join('/') },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  endLine: d.endLine,
                  endColumn: Math.max(d.endColumn, d.line === d.endLine ? d.column + 1 : 1),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
