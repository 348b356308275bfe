/**
 * A multi-line text written as an indented template literal, so that a file in a rule's
 * examples reads in the code as it reads in the file:
 *
 *     'intro.md': dedent`
 *       ---
 *       id: intro
 *       ---
 *     `,
 *
 * gives "---\nid: intro\n---\n". The line break after the opening backtick goes, and so
 * does the indentation of the closing one; the indentation every other line of the
 * literal shares goes from each of them. Substituted values are kept as they are, line
 * breaks and all, since their lines are not indented in the code.
 */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts = [...strings];
  const last = parts.length - 1;
  parts[0] = parts[0]!.replace(/^\n/, '');
  parts[last] = parts[last]!.replace(/\n[ \t]*$/, '\n');
  const indent = commonIndent(parts);
  let out = '';
  parts.forEach((part, i) => {
    // A part other than the first starts after a value, mid-line.
    const lines = part.split('\n');
    out += lines
      .map((line, k) => (k === 0 && i > 0 ? line : line.slice(Math.min(indent, leading(line)))))
      .join('\n');
    if (i < last) out += String(values[i]);
  });
  return out;
}

/** The fewest spaces or tabs that start a line of the literal, blank lines aside. */
function commonIndent(parts: readonly string[]): number {
  let min = Infinity;
  parts.forEach((part, i) => {
    part.split('\n').forEach((line, k, lines) => {
      if (k === 0 && i > 0) return;
      // Blank: nothing after the spaces on this line, not even a value.
      const endsPart = k === lines.length - 1;
      if (leading(line) === line.length && (!endsPart || i === parts.length - 1)) return;
      min = Math.min(min, leading(line));
    });
  });
  return min === Infinity ? 0 : min;
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}
