import type { FileProblem } from '../model.js';
import type { FrontMatter } from '../parse/front-matter.js';
import { validateAgainst, type SchemaName } from './validate.js';
import { changeTo } from '../lint/change-to.js';

/** Schema problems of a YAML mapping, each at the value (or key) it is about. */
export function schemaProblems(name: SchemaName, fm: FrontMatter, what: string): FileProblem[] {
  return validateAgainst(name, fm.data, what).map((p) => {
    const span = fm.spans[p.pointer] ?? fm.spans[p.pointer.replace(/#key$/, '')] ?? fm.span;
    // The name the message gives is a guess at what was meant: a suggestion.
    const fix = p.replace && changeTo(span, p.replace.found, p.replace.with);
    return { code: 'schema', span, message: p.message, ...(fix ? { fix } : {}) };
  });
}
