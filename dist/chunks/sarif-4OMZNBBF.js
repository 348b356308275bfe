import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import "./chunk-B5AU765K.js";

// core/lint/rule.ts
var DOCS_BASE = "https://github.com/enablekit/enablekit/blob/main/docs/rules";

// core/format/sarif.ts
function formatSarif(diagnostics, rules, version) {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "enablekit",
            version,
            informationUri: "https://github.com/enablekit/enablekit",
            rules: rules.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase()),
              shortDescription: { text: r.meta.description },
              fullDescription: { text: r.meta.rationale },
              helpUri: `${DOCS_BASE}/${r.meta.id}.md`,
              defaultConfiguration: { level: r.meta.severity === "error" ? "error" : "warning" }
            }))
          }
        },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ...ruleIndex.has(d.ruleId) ? { ruleIndex: ruleIndex.get(d.ruleId) } : {},
          level: d.severity === "error" ? "error" : "warning",
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split("/").map(encodeURIComponent).join("/") },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: Math.max(d.endColumn, d.line === d.endLine ? d.column + 1 : 1) }
              }
            }
          ]
        }))
      }
    ]
  };
  return JSON.stringify(sarif, null, 2);
}
export {
  formatSarif
};
