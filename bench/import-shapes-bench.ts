import { parseGift } from '../core/interchange/parse-gift.js';
import { quizzesFromGift } from '../core/interchange/quiz-from-gift.js';
import { parseQuizdown } from '../core/interchange/parse-quizdown.js';
import { quizzesFromQuizdown } from '../core/interchange/quiz-from-quizdown.js';
import { parseMkdocsQuiz } from '../core/interchange/parse-mkdocs-quiz.js';
import { quizzesFromMkdocsQuiz } from '../core/interchange/quiz-from-mkdocs-quiz.js';
import { UniqueIds } from '../core/interchange/quiz-markdown.js';

/**
 * The importers on the shapes that would be slow if any step were quadratic (the same words
 * in every question, unclosed brackets, long runs of one mark), from 10 KB to 1 MB: linear
 * time shows as a flat ms/MB along each row.
 */
const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));
const SHAPES: Record<string, (n: number) => string> = {
  'gift: same question': (n) => fill('::q::Same question?{=a#yes ~b#no ####why}\n\n', n),
  'gift: unclosed braces': (n) => fill('Q {=a ~b \\{ \\} ', n),
  'gift: one long block': (n) => `::q::${fill('a \\: b ', n)}{=x}\n`,
  'quizdown: same question': (n) =>
    fill('## Same question?\n\n> hint\n\n1. [x] a\n    > c\n1. [ ] b\n\n', n),
  'quizdown: long heading': (n) => `# ${' '.repeat(n / 2)}x${' #'.repeat(n / 4)}y\n- [x] a b\n`,
  'quizdown: front matter': (n) => `---\n${fill('a: b\n', n / 2)}# q\n${fill('---\n# q\n', n / 2)}`,
  'quizdown: in a fence': (n) => `\`\`\`\n${fill('# q\n- [x] a\n', n)}`,
  'mkdocs-quiz: same question': (n) =>
    fill('<quiz>\nSame question?\n- [x] a\n> f\n- [ ] b\n\nmore\n</quiz>\n', n),
  'mkdocs-quiz: [[ runs': (n) => `<quiz>\n${fill('[[', n)}\n</quiz>\n`,
  'mkdocs-quiz: open tags': (n) => fill('<quiz>\n<?quiz?>\n', n),
  'mkdocs-quiz: quotes': (n) => `<quiz>\nQ\n- [x] a\n${fill('\n> x\n', n)}</quiz>\n`,
  'mkdocs-quiz: ![x]( runs': (n) =>
    `<quiz>\n${fill('![x](', n / 2)} ${' '.repeat(n / 2)}?\n- [x] a\n</quiz>\n`,
};
const READ: Record<string, (text: string) => unknown> = {
  gift: (t) => quizzesFromGift(parseGift(t).questions),
  quizdown: (t) => quizzesFromQuizdown(parseQuizdown(t).questions),
  'mkdocs-quiz': (t) => quizzesFromMkdocsQuiz(parseMkdocsQuiz(t).questions),
};
const SIZES = [10 * 1024, 100 * 1024, 1024 * 1024];

function msPerMb(read: (t: string) => unknown, text: string): number {
  let best = Infinity;
  for (let i = 0; i < (text.length < 1024 * 1024 ? 3 : 1); i++) {
    const t = performance.now();
    read(text);
    best = Math.min(best, performance.now() - t);
  }
  return (best * 1024 * 1024) / text.length;
}

export function benchImportShapes(): void {
  console.log('\nimport shapes (issue #21): ms per MB at 10 KB / 100 KB / 1 MB (flat = linear)');
  const width = Math.max(...Object.keys(SHAPES).map((s) => s.length));
  for (const [name, make] of Object.entries(SHAPES)) {
    const read = READ[name.split(':')[0]!]!;
    const cells = SIZES.map((n) => msPerMb(read, make(n)).toFixed(0).padStart(8));
    console.log(`  ${name.padEnd(width)}  ${cells.join('')}`);
  }
  const ids = (n: number) => {
    const t = performance.now();
    const u = new UniqueIds();
    for (let i = 0; i < n; i++) u.take('same');
    return ((performance.now() - t) * 1000) / n;
  };
  console.log(
    `  ${'unique ids, one base'.padEnd(width)}  µs per id at 1k / 10k / 100k: ${[1e3, 1e4, 1e5].map((n) => ids(n).toFixed(2)).join(' / ')}`,
  );
}
