/**
 * A quiz in quizdown (bonartm/quizdown-js), read as quizdown's own parser reads it
 * (src/parser.ts): every heading starts a question; its paragraphs and code are the text
 * shown above the answers; its block quotes are the hint; its first list is the answers,
 * a block quote under an answer is that answer's comment. The list decides the type: an
 * ordered task list is single choice, an unordered one multiple choice (graded as exactly the
 * ticked set), an ordered list without boxes a sequence. A `---` block holds options.
 */

export interface QuizdownAnswer {
  line: number;
  /** Markdown. */
  text: string;
  correct: boolean;
  /** The block quote under the answer: shown on the results page to whoever picked it. */
  comment?: string;
}

export interface QuizdownQuestion {
  /** 1-based line of the question's heading. */
  line: number;
  heading: string;
  /** The paragraphs and code under the heading, as written. */
  body: string;
  /** The question's block quotes: shown when the learner asks for a hint. */
  hint?: string;
  hintLine?: number;
  kind: 'single' | 'multiple' | 'sequence';
  answers: QuizdownAnswer[];
  /** What quizdown shows that enablekit cannot yet: the question is read without it. */
  left: { line: number; what: string; why: string }[];
}

export interface QuizdownProblem {
  line: number;
  message: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const OPTIONS = /^ {0,3}-{3,}[ \t]*$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)(.*)$/;
const TASK = /^\[([ xX])\](?:[ \t]+|$)(.*)$/;

/** Options that change what a learner takes or how they pass: never left behind unsaid. */
const GRADING_OPTIONS: Record<string, string> = {
  passingGrade: "set pass_mark in the quiz's front matter",
  nQuestions: 'enablekit asks every question of a quiz; split the questions into quizzes',
  shuffleQuestions: 'enablekit keeps the written order of questions',
  shuffle_questions: 'enablekit keeps the written order of questions',
};

interface Item {
  line: number;
  ordered: boolean;
  indent: number;
  text: string[];
  comment: string[];
}

/** A line that closes a fence opened with `marker`: the same character, at least as many. */
const isClosing = (raw: string, marker: string) =>
  raw.trim().startsWith(marker) && /^[`~]+\s*$/.test(raw.trim());

/** An ATX heading's text: without its opening #s, nor closing ones after a space. */
function headingText(raw: string): string {
  const text = raw.trim().replace(/^#+/, '').trim();
  let end = text.length;
  while (end > 0 && text.charAt(end - 1) === '#') end--;
  const closing = end === 0 || /[ \t]/.test(text.charAt(end - 1));
  return (closing ? text.slice(0, end) : text).trim();
}

/** The indentation every non-blank line shares goes, as quizdown strips it (strip-indent). */
function stripIndent(lines: string[]): string[] {
  let min = Infinity;
  for (const l of lines) if (l.trim()) min = Math.min(min, /^[ \t]*/.exec(l)![0].length);
  return min > 0 && min < Infinity ? lines.map((l) => l.slice(min)) : lines;
}

class QuestionReader {
  body: string[] = [];
  hint: string[] = [];
  hintLine: number | undefined;
  items: Item[] = [];
  /** The answers are the first list; once it ends, another list is not theirs. */
  listDone = false;
  laterList: number | undefined;
  inItem = false;
  blankBefore = false;
  fence: { marker: string; intoItem: boolean } | undefined;
  lastWasQuote = false;
  lastWasComment = false;

  constructor(
    readonly line: number,
    readonly heading: string,
  ) {}

  add(raw: string, n: number): void {
    const blank = raw.trim() === '';
    if (this.fence) {
      this.push(raw, this.fence.intoItem);
      if (isClosing(raw, this.fence.marker)) this.fence = undefined;
      return;
    }
    if (blank) {
      this.blankBefore = true;
      this.lastWasQuote = false;
      this.lastWasComment = false;
      if (!this.inItem) this.body.push('');
      return;
    }
    const fence = FENCE.exec(raw);
    const item = ITEM.exec(raw);
    const indented = /^[ \t]/.test(raw);
    const last = this.items.at(-1);
    if (this.inItem && last) {
      const sameList = item && /\d/.test(item[2]!) === last.ordered && item[1]!.length < 4;
      if (sameList) return this.startItem(item, n);
      const inner = raw.trim();
      // Indented under the item, or right under it (quizdown's marked 2 keeps a list going
      // until a blank line and an unindented line: `> comment` at the line start is the
      // answer's comment, as quizdown's own demo writes it): still the answer.
      const continues =
        (indented && raw.length - raw.trimStart().length > last.indent) ||
        (!this.blankBefore && !item && !HEADING.test(raw) && !fence);
      if (continues) {
        const q = /^>[ \t]?(.*)$/.exec(inner);
        if (q) last.comment.push(q[1]!);
        else if (this.lastWasComment && !this.blankBefore) last.comment.push(inner);
        else if (fence) {
          this.fence = { marker: fence[1]!, intoItem: true };
          last.text.push(inner);
        } else last.text.push(inner);
        this.lastWasComment = Boolean(q) || (this.lastWasComment && !this.blankBefore);
        this.blankBefore = false;
        return;
      }
      this.inItem = false;
      this.listDone = true;
    }
    this.blankBefore = false;
    if (fence) {
      this.fence = { marker: fence[1]!, intoItem: false };
      this.body.push(raw);
      this.lastWasQuote = false;
      return;
    }
    const quote = QUOTE.exec(raw);
    if (quote || (this.lastWasQuote && !item)) {
      // Block quotes apart from each other stay apart in the hint.
      if (!this.lastWasQuote && this.hint.length) this.hint.push('');
      this.hintLine ??= n;
      this.hint.push(quote ? quote[1]! : raw.trim());
      this.lastWasQuote = true;
      return;
    }
    this.lastWasQuote = false;
    if (item) {
      if (!this.listDone) return this.startItem(item, n);
      this.laterList ??= n;
      return;
    }
    this.body.push(raw);
  }

  private push(raw: string, intoItem: boolean) {
    if (intoItem) this.items.at(-1)?.text.push(raw.trim());
    else this.body.push(raw);
  }

  private startItem(m: RegExpExecArray, n: number) {
    this.inItem = true;
    this.lastWasComment = false;
    this.items.push({
      line: n,
      ordered: /\d/.test(m[2]!),
      indent: m[1]!.length,
      text: [m[4]!],
      comment: [],
    });
  }

  /** The question as quizdown would make it, or why quizdown would not. */
  finish(): QuizdownQuestion | QuizdownProblem {
    const problem = (message: string): QuizdownProblem => ({ line: this.line, message });
    if (this.items.length === 0)
      return problem(
        'Expected a list of answers under the question; found none. Add them as "- [x] right" and "- [ ] wrong", or as a numbered list to put in order',
      );
    const ordered = this.items[0]!.ordered;
    const tasks = this.items.map((i) => TASK.exec(i.text[0]!.trim()));
    const kind = !ordered ? 'multiple' : tasks[0] ? 'single' : 'sequence';
    if (kind !== 'sequence' && tasks.some((t) => !t))
      return problem(
        `Expected every answer with a box ("[x]" or "[ ]"); found ${tasks.filter((t) => !t).length} without. Add the boxes, or number the list to make a sequence`,
      );
    if (kind === 'sequence' && tasks.some(Boolean))
      return problem(
        'Expected a sequence (a numbered list without boxes) or single choice (every item with a box); found boxes on some items only. Add or remove the boxes',
      );
    const answers: QuizdownAnswer[] = this.items.map((it, i) => {
      const first = tasks[i] ? tasks[i][2]! : it.text[0]!;
      const text = [first, ...it.text.slice(1)].join('\n').trim();
      const comment = it.comment.join('\n').trim();
      return {
        line: it.line,
        text,
        correct: tasks[i]?.[1]?.toLowerCase() === 'x',
        ...(comment ? { comment } : {}),
      };
    });
    const right = answers.filter((a) => a.correct).length;
    if (kind === 'single' && right !== 1)
      return problem(
        `Expected exactly one answer ticked "[x]" in a single-choice question (a numbered list); found ${right}. Tick one, or use "-" bullets to let learners pick several`,
      );
    if (kind === 'multiple' && right === 0)
      return problem(
        'Expected at least one answer ticked "[x]"; found none. Tick the right answers',
      );
    const empty = answers.find((a) => !a.text);
    if (empty)
      return problem(
        `Expected text in every answer; found an empty one on line ${empty.line}. Write it, or remove the line`,
      );
    const left: QuizdownQuestion['left'] = [];
    if (this.laterList)
      left.push({
        line: this.laterList,
        what: 'a second list',
        why: 'quizdown reads only the first list as answers and does not show another; add its text to the question if it matters',
      });
    if (kind === 'sequence')
      for (const a of answers)
        if (a.comment)
          left.push({
            line: a.line,
            what: `the comment under "${a.text.slice(0, 40)}"`,
            why: 'items to put in order carry no feedback in enablekit; move it to the explanation',
          });
    return {
      line: this.line,
      heading: this.heading,
      body: this.body.join('\n').trim(),
      ...(this.hint.length ? { hint: this.hint.join('\n').trim(), hintLine: this.hintLine! } : {}),
      kind,
      answers,
      left,
    };
  }
}

/** A fenced block of quizdown in a page (```quizdown, as the MkDocs and docsify plugins embed it). */
const EMBEDDED = /^[ \t]*(`{3,}|~{3,})[ \t]*quizdown[ \t]*$/;

/** One quiz's lines, numbered from `offset`: its questions and problems go into `out`. */
function readQuiz(
  lines: string[],
  offset: number,
  out: { questions: QuizdownQuestion[]; problems: QuizdownProblem[] },
): void {
  const { questions, problems } = out;
  let current: QuestionReader | undefined;
  let fence: string | undefined;
  const finish = () => {
    if (!current) return;
    const q = current.finish();
    if ('message' in q) problems.push({ line: q.line, message: `${q.message}.` });
    else questions.push(q);
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const inFence = fence !== undefined || current?.fence !== undefined;
    if (inFence) {
      if (current) current.add(raw, offset + i + 1);
      else if (isClosing(raw, fence!)) fence = undefined;
      continue;
    }
    const midItem = current?.inItem && /^[ \t]/.test(raw);
    if (OPTIONS.test(raw) && !midItem) {
      let end = i + 1;
      while (end < lines.length && !OPTIONS.test(lines[end]!)) end++;
      if (end === lines.length) {
        problems.push({
          line: offset + i + 1,
          message:
            'Expected options between two "---" lines; found no closing "---", so quizdown would read the rest of the file as options. Add the closing line, or remove this one.',
        });
        continue;
      }
      for (let k = i + 1; k < end; k++) {
        const key = /^(\w+)\s*:/.exec(lines[k]!)?.[1];
        const why = key ? GRADING_OPTIONS[key] : undefined;
        if (why)
          problems.push({
            line: offset + k + 1,
            message: `the option "${lines[k]!.trim()}": ${why}.`,
          });
      }
      i = end;
      continue;
    }
    if (HEADING.test(raw)) {
      finish();
      current = new QuestionReader(offset + i + 1, headingText(raw));
      continue;
    }
    if (current) current.add(raw, offset + i + 1);
    else {
      const f = FENCE.exec(raw);
      if (f) fence = f[1]!;
    }
  }
  finish();
}

/**
 * Reads a quizdown quiz: the whole file, or, when it is a page that embeds quizdown in
 * ```quizdown blocks, each block. Every question (every heading) is returned or named in
 * `problems` with its line and why, and so is an option that changes grading; text before the
 * first heading is not a question (quizdown does not show it). Linear in the text.
 */
export function parseQuizdown(source: string): {
  questions: QuizdownQuestion[];
  problems: QuizdownProblem[];
} {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out = { questions: [] as QuizdownQuestion[], problems: [] as QuizdownProblem[] };
  let embedded = false;
  for (let i = 0; i < lines.length; i++) {
    const open = EMBEDDED.exec(lines[i]!)?.[1];
    if (!open) continue;
    embedded = true;
    let end = i + 1;
    while (end < lines.length && !isClosing(lines[end]!, open)) end++;
    readQuiz(stripIndent(lines.slice(i + 1, end)), i + 1, out);
    i = end;
  }
  if (!embedded) readQuiz(stripIndent(lines), 0, out);
  return out;
}
