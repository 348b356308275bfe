/**
 * The quizzes in a page written for the mkdocs-quiz plugin (ewels/mkdocs-quiz, first written
 * by skyface753), read as its own parser reads them (mkdocs_quiz/plugin.py, parsing.py):
 * each `<quiz>…</quiz>` block is a question, found outside fenced code; inside, the question
 * is everything before the first `- [x]`/`- [ ]` answer, a `>` line right under an answer is
 * its feedback, and what follows the answers is the content shown after submitting. One
 * answer ticked is a radio-button question, more are checkboxes counted right only when
 * exactly those are ticked. `[[answer]]` makes a fill-in-the-blank question, its content
 * after a `---` line. The pre-1.0 `<?quiz?>` blocks (`question:`, `answer-correct:`,
 * `answer:`, `content:`) are read too.
 */

export interface MkdocsAnswer {
  line: number;
  /** Markdown. */
  text: string;
  correct: boolean;
  feedback?: string;
}

export type MkdocsQuizBody =
  | { kind: 'choice'; answers: MkdocsAnswer[] }
  /** The blanks' answers, in order; the question has `_____` where each stood. */
  | { kind: 'blank'; blanks: string[] };

export interface MkdocsQuizQuestion {
  /** 1-based line of the `<quiz>` tag. */
  line: number;
  /** Markdown. */
  question: string;
  body: MkdocsQuizBody;
  /** Shown after the learner submits, right or wrong. */
  content?: string;
}

export interface MkdocsQuizProblem {
  line: number;
  message: string;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;
const CHECKBOX = /^[-*] \[(.?)\] (.*)$/;
const FEEDBACK = /^\s*>\s?(.*)$/;

class Refused extends Error {}

/** The lines' common indentation goes, as Python's textwrap.dedent takes it. */
function dedent(lines: string[]): string[] {
  let min = Infinity;
  for (const l of lines) if (l.trim()) min = Math.min(min, /^[ \t]*/.exec(l)![0].length);
  return min > 0 && min < Infinity ? lines.map((l) => (l.trim() ? l.slice(min) : '')) : lines;
}

const text = (lines: string[]) => lines.join('\n').trim();

/**
 * The `[[answer]]` blanks of a text, as the plugin's `\[\[([^\]]+)\]\]` finds them, and the
 * text with `_____` in their place. One pass: the next `]` is searched for once per stretch,
 * never again from every `[[` before it.
 */
function blanksIn(text: string): { blanks: string[]; replaced: string } {
  const blanks: string[] = [];
  let replaced = '';
  let from = 0;
  let close = -1;
  for (let i = text.indexOf('[['); i >= 0; i = text.indexOf('[[', i)) {
    if (close < i + 2) close = text.indexOf(']', i + 2);
    if (close < 0) break;
    if (close > i + 2 && text.charAt(close + 1) === ']') {
      blanks.push(text.slice(i + 2, close).trim());
      replaced += `${text.slice(from, i)}_____`;
      from = i = close + 2;
    } else i++;
  }
  return { blanks, replaced: replaced + text.slice(from) };
}

function fillInBlank(lines: string[]): Pick<MkdocsQuizQuestion, 'question' | 'body' | 'content'> {
  const rule = lines.findIndex((l) => l.trim() === '---');
  const [question, content] =
    rule > 0 ? [text(lines.slice(0, rule)), text(lines.slice(rule + 1))] : [text(lines), ''];
  const { blanks, replaced } = blanksIn(question);
  if (blanks.length === 0)
    throw new Refused(
      'Expected the blanks [[answer]] in the question, before the "---" line; found them only after it. Move them up',
    );
  return { question: replaced, body: { kind: 'blank', blanks }, ...(content ? { content } : {}) };
}

function choice(
  lines: string[],
  first: number,
): Pick<MkdocsQuizQuestion, 'question' | 'body' | 'content'> {
  const start = lines.findIndex((l) => CHECKBOX.test(l));
  if (start < 0)
    throw new Refused(
      'Expected answers as "- [x] right" and "- [ ] wrong" lines; found none. Add them, at the start of their lines',
    );
  const answers: MkdocsAnswer[] = [];
  let i = start;
  let contentAt = lines.length;
  while (i < lines.length) {
    const line = lines[i]!;
    const box = CHECKBOX.exec(line);
    if (box) {
      const mark = box[1]!;
      if (!['x', 'X', ' ', ''].includes(mark))
        throw new Refused(
          `Expected a box "[x]", "[X]", "[ ]" or "[]"; found "[${mark}]" on line ${first + i}. Write one of those`,
        );
      const feedback: string[] = [];
      let k = i + 1;
      for (let m; k < lines.length && (m = FEEDBACK.exec(lines[k]!)); k++) feedback.push(m[1]!);
      const fb = feedback.join('\n').trimEnd();
      answers.push({
        line: first + i,
        text: box[2]!.trim(),
        correct: mark.toLowerCase() === 'x',
        ...(fb ? { feedback: fb } : {}),
      });
      i = k;
      contentAt = k;
      continue;
    }
    if (!line.trim()) {
      i++;
      continue;
    }
    if (FEEDBACK.test(line) && lines.slice(i + 1).some((l) => CHECKBOX.test(l)))
      throw new Refused(
        `Expected the feedback ("> …") right under its answer; found a blank line between them, on line ${first + i - 1}. Remove the blank line`,
      );
    contentAt = i;
    break;
  }
  const question = text(lines.slice(0, start));
  if (!question)
    throw new Refused('Expected the question before the answers; found none. Write it');
  if (!answers.some((a) => a.correct))
    throw new Refused(
      'Expected at least one answer ticked "[x]"; found none. Tick the right answers',
    );
  const empty = answers.find((a) => !a.text);
  if (empty)
    throw new Refused(
      `Expected text in every answer; found an empty one on line ${empty.line}. Write it, or remove the line`,
    );
  const content = text(lines.slice(contentAt));
  return { question, body: { kind: 'choice', answers }, ...(content ? { content } : {}) };
}

/** A pre-1.0 block, as the plugin's own `mkdocs-quiz migrate` reads it. */
function legacy(
  lines: string[],
  first: number,
): Pick<MkdocsQuizQuestion, 'question' | 'body' | 'content'> {
  let question = '';
  const answers: MkdocsAnswer[] = [];
  const content: string[] = [];
  let inContent = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (inContent) content.push(raw);
    else if (line.startsWith('question:')) question = line.slice('question:'.length).trim();
    else if (line === 'content:') inContent = true;
    else if (line.startsWith('answer-correct:') || line.startsWith('answer:')) {
      const correct = line.startsWith('answer-correct:');
      const t = line.slice(line.indexOf(':') + 1).trim();
      answers.push({ line: first + i, text: t, correct });
    }
  });
  if (!question) throw new Refused('Expected a "question:" line; found none. Add it');
  if (answers.length === 0)
    throw new Refused('Expected "answer-correct:" and "answer:" lines; found none. Add them');
  if (!answers.some((a) => a.correct))
    throw new Refused(
      'Expected at least one "answer-correct:" line; found none. Mark the right answer',
    );
  const empty = answers.find((a) => !a.text);
  if (empty)
    throw new Refused(
      `Expected text after every "answer:"; found none on line ${empty.line}. Write it, or remove the line`,
    );
  const c = text(dedent(content));
  return { question, body: { kind: 'choice', answers }, ...(c ? { content: c } : {}) };
}

interface Tags {
  open: string;
  close: string;
}
const CURRENT: Tags = { open: '<quiz>', close: '</quiz>' };
const OLD: Tags = { open: '<?quiz?>', close: '<?/quiz?>' };

/**
 * Reads every quiz block of a page. Each is returned or named in `problems` with its line and
 * why, and reading goes on after it; the page's other text is not a question. Linear in the
 * size of the text.
 */
export function parseMkdocsQuiz(source: string): {
  questions: MkdocsQuizQuestion[];
  problems: MkdocsQuizProblem[];
} {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const questions: MkdocsQuizQuestion[] = [];
  const problems: MkdocsQuizProblem[] = [];
  /** Once a search for a closing tag reached the end, no later block of its kind closes: not searched again. */
  const unclosedFrom = new Set<Tags>();
  let fence: string | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (fence) {
      if (trimmed.startsWith(fence) && /^[`~]+\s*$/.test(trimmed)) fence = undefined;
      i++;
      continue;
    }
    const f = FENCE.exec(line);
    const tags = trimmed.startsWith(CURRENT.open)
      ? CURRENT
      : trimmed.startsWith(OLD.open)
        ? OLD
        : undefined;
    if (!tags) {
      if (f) fence = f[1]!;
      i++;
      continue;
    }
    const opened = i;
    const after = trimmed.slice(tags.open.length);
    let end = -1;
    if (after.includes(tags.close)) end = i;
    else if (!unclosedFrom.has(tags))
      for (let k = i + 1; k < lines.length; k++)
        if (lines[k]!.includes(tags.close)) {
          end = k;
          break;
        }
    if (end < 0) {
      unclosedFrom.add(tags);
      problems.push({
        line: opened + 1,
        message: `Expected ${tags.close} to close the quiz opened here; found none. Add it after the quiz's last line.`,
      });
      i++;
      continue;
    }
    const inner =
      end === i
        ? [after.slice(0, after.indexOf(tags.close))]
        : [
            after,
            ...lines.slice(i + 1, end),
            lines[end]!.slice(0, lines[end]!.indexOf(tags.close)),
          ];
    i = end + 1;
    // Inner lines are numbered from the tag's line: the first is what follows the tag.
    const body = dedent(inner);
    try {
      const read =
        tags === OLD
          ? legacy(body, opened + 1)
          : blanksIn(body.join('\n')).blanks.length > 0
            ? fillInBlank(body)
            : choice(body, opened + 1);
      questions.push({ line: opened + 1, ...read });
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      problems.push({ line: opened + 1, message: `${e.message}.` });
    }
  }
  return { questions, problems };
}
