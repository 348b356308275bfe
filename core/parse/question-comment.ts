import type { Html } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { Question, QuestionType } from '../model.js';
import { QUESTION_TYPES } from '../model.js';
import { didYouMean } from '../text/did-you-mean.js';
import { spanOf } from '../markdown/mdast-util.js';
import type { Fix } from '../types.js';

const QUESTION_COMMENT = /^<!--\s*question\b([\s\S]*?)-->\s*$/;

/** The attributes a `<!-- question … -->` comment may carry, and the values `scoring=` takes. */
export const QUESTION_ATTRIBUTES = ['id', 'type', 'weight', 'scoring', 'words'] as const;
export const SCORING_VALUES = ['partial', 'all-or-nothing'] as const;

/** Questions whose comment names their type; the others get one from their markup. */
const typed = new WeakSet<Question>();

/** Whether the question's comment gave its type (`type=…`), rather than its markup. */
export const hasWrittenType = (q: Question): boolean => typed.has(q);

const suggestion = (near: string | undefined, write: (k: string) => string, otherwise: string) =>
  near ? `Did you mean ${near}? Write ${write(near)}.` : otherwise;

interface MetaWord {
  name: string;
  value: string;
  raw: string;
  /** Offsets in `inner` of the name and of the value (inside its quotes). */
  at: number;
  valueAt: number;
}

/** `name=value` words of a question comment, in order, with the words that are not `name=value`. */
function metaWords(inner: string): MetaWord[] {
  const out: MetaWord[] = [];
  for (const m of inner.matchAll(/([^\s=]+)=("[^"]*"|\S*)|(\S+)/g)) {
    if (m[3] !== undefined)
      out.push({ name: '', value: m[3], raw: m[3], at: m.index, valueAt: m.index });
    else
      out.push({
        name: m[1]!,
        value: m[2]!.replace(/^"|"$/g, ''),
        raw: m[0],
        at: m.index,
        valueAt: m.index + m[1]!.length + 1 + (m[2]!.startsWith('"') ? 1 : 0),
      });
  }
  return out;
}

/**
 * Read a `<!-- question … -->` comment. A misspelled attribute or value would fall back to
 * the default and change how the question is graded without a word, so each one is a
 * markup problem that names it.
 */
export function applyMeta(q: Question, html: Html, lines: LineIndex): boolean {
  const m = QUESTION_COMMENT.exec(html.value.trim());
  if (!m) return false;
  q.metaSpan = spanOf(html, lines);
  // Where the comment's inner text starts in the file, when the node is its source as written.
  const start = q.metaSpan.start.offset;
  const innerAt =
    html.value === lines.text.slice(start, q.metaSpan.end.offset)
      ? start + html.value.indexOf(m[1]!)
      : undefined;
  /** The nearest known word is a guess at what was meant: a suggestion, one at a time. */
  const change = (at: number, found: string, near: string | undefined): Fix | undefined =>
    near === undefined || innerAt === undefined
      ? undefined
      : {
          description: `Change to '${near}'`,
          edits: [{ start: innerAt + at, end: innerAt + at + found.length, text: near }],
          suggestion: true,
        };
  const problem = (message: string, fix?: Fix) =>
    q.markupProblems.push({ span: q.metaSpan!, message, ...(fix ? { fix } : {}) });
  const seen = new Set<string>();
  for (const { name, value, raw, at, valueAt } of metaWords(m[1]!)) {
    if (name === '') {
      problem(
        `Expected attributes written as name=value (${QUESTION_ATTRIBUTES.join(', ')}) in the question comment; found "${raw}". ${suggestion(didYouMean(raw.toLowerCase(), QUESTION_ATTRIBUTES), (k) => `${k}=…`, 'Write it as name=value, or remove it.')}`,
      );
      continue;
    }
    if (!(QUESTION_ATTRIBUTES as readonly string[]).includes(name)) {
      const near = didYouMean(name.toLowerCase(), QUESTION_ATTRIBUTES);
      problem(
        `Expected the question comment's attributes to be ${QUESTION_ATTRIBUTES.join(', ')}; found "${name}". ${suggestion(near, (k) => `${k}=${value}`, 'Remove it.')}`,
        change(at, name, near),
      );
      continue;
    }
    if (seen.has(name)) {
      problem(
        `Expected ${name}= once in the question comment; found it again ("${raw}"). Keep one.`,
      );
      continue;
    }
    seen.add(name);
    if (name === 'id') {
      if (value) q.id = value;
    } else if (name === 'type') {
      // GIFT and Moodle call an open answer an essay: either word is the one type.
      if (value === 'essay') {
        q.type = 'open';
        typed.add(q);
      } else if ((QUESTION_TYPES as readonly string[]).includes(value)) {
        q.type = value as QuestionType;
        typed.add(q);
      } else {
        const near = didYouMean(value.toLowerCase(), QUESTION_TYPES);
        problem(
          `Expected type= to be one of ${QUESTION_TYPES.join(', ')}; found "${value}". ${suggestion(near, (k) => `type=${k}`, 'Fix the question comment.')}`,
          change(valueAt, value, near),
        );
      }
    } else if (name === 'words') {
      const n = /^\d{1,5}$/.test(value) ? Number(value) : 0;
      if (n > 0) q.words = n;
      else
        problem(
          `Expected words= to be a whole number of words, such as words=150; found "${value}". Fix the question comment.`,
        );
    } else if (name === 'weight') {
      const w = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
      if (Number.isFinite(w) && w > 0) q.weight = w;
      else
        problem(
          `Expected weight= to be a positive number; found "${value}". Fix the question comment.`,
        );
    } else if (value === 'all-or-nothing') {
      q.partial = false;
      q.scoring = value;
    } else if (value === 'partial') q.scoring = value;
    else {
      const near = didYouMean(value.toLowerCase(), SCORING_VALUES);
      problem(
        `Expected scoring= to be ${SCORING_VALUES.join(' or ')}; found "${value}". ${suggestion(near, (k) => `scoring=${k}`, 'Write scoring=all-or-nothing for no partial credit, or leave scoring= out for partial credit.')}`,
        change(valueAt, value, near),
      );
    }
  }
  return true;
}
