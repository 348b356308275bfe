import fc from 'fast-check';

/** Markdown and YAML tokens that open, close or confuse blocks, with the shapes issue #17 found slow. */
export const TOKENS = [
  '- ',
  '* ',
  '1. ',
  '> ',
  '#',
  '## ',
  '```',
  '~~~',
  '<!--',
  '-->',
  '<!-- question id=q1 type=single -->',
  '- [x] ',
  '- [ ] ',
  '[x]',
  '(y)',
  '[a](',
  '**a*',
  '_',
  '`',
  '---',
  ':',
  'Answer:',
  'Answer: 3',
  '    ',
  '\t',
  '\r',
  '\r\n',
  '\u00a0',
  '\u0000',
  '\ufeff',
  '[^1]: n',
  '[r]: <u>',
  '<div>',
  '</div>',
  '|a|\n|-|',
  'type: quiz',
  'id: x',
  '{',
  '[',
  '&#0;',
  '\\',
];

/** A line made of a unit repeated: deep nesting and long runs, up to `max` characters. */
const HUGE_UNITS = ['- ', '> ', '**a*', '[a](', ' ', '<!--', '[', '`a``', '- [x](y) ', 'a '];

export type Mutation =
  | { op: 'insert'; at: number; line: string }
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'splice'; at: number; col: number; token: string }
  | { op: 'huge'; at: number; unit: string; count: number }
  | { op: 'crlf' }
  | { op: 'bom' };

const token = fc.constantFrom(...TOKENS);

export function mutationArb(maxHuge: number): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('insert' as const),
        at,
        line: fc.array(token, { maxLength: 6 }).map((t) => t.join('')),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at }) },
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constant('splice' as const), at, col: fc.nat(), token }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('huge' as const),
        at,
        unit: fc.constantFrom(...HUGE_UNITS),
        count: fc.integer({ min: 50, max: maxHuge }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
  );
}

/** The text with each mutation applied in turn (positions taken modulo the lines there are). */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  let crlf = false;
  let bom = false;
  for (const m of mutations) {
    const n = lines.length;
    switch (m.op) {
      case 'insert':
        lines.splice(m.at % (n + 1), 0, m.line);
        break;
      case 'delete':
        if (n > 1) lines.splice(m.at % n, 1);
        break;
      case 'duplicate':
        lines.splice(m.at % n, 0, lines[m.at % n]!);
        break;
      case 'splice': {
        const i = m.at % n;
        const l = lines[i]!;
        const c = m.col % (l.length + 1);
        lines[i] = l.slice(0, c) + m.token + l.slice(c);
        break;
      }
      case 'huge':
        lines.splice(m.at % (n + 1), 0, `${m.unit.repeat(m.count)}x`);
        break;
      case 'crlf':
        crlf = true;
        break;
      case 'bom':
        bom = true;
        break;
    }
  }
  lines = crlf ? lines.map((l) => l.replace(/\r$/, '')) : lines;
  return (bom ? '\ufeff' : '') + lines.join(crlf ? '\r\n' : '\n');
}
