import type { FileProblem } from '../model.js';
import type { FrontMatter } from '../parse/front-matter.js';
import { validateAgainst, type SchemaName } from './validate.js';

/** Schema problems of a YAML mapping, each at the value (or key) it is about. */
export function schemaProblems(name: SchemaName, fm: FrontMatter, what: string): FileProblem[] {
  return validateAgainst(name, fm.data, what).map((p) => ({
    code: 'schema',
    span: fm.spans[p.pointer] ?? fm.spans[p.pointer.replace(/#key$/, '')] ?? fm.span,
    message: p.message,
  }));
}
