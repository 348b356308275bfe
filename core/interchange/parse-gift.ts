import type {
  GiftAnswer,
  GiftBody,
  GiftFormat,
  GiftNumber,
  GiftPair,
  GiftProblem,
  GiftQuestion,
  GiftText,
} from './gift-model.js';

/**
 * GIFT's escaped characters stand in for themselves; while the structure is read they are
 * held as private-use characters, so `\{` or `\~` never opens an answer block or a choice,
 * and are put back in every text the reader returns (as Moodle's reader does with its
 * placeholders).
 */
const ESCAPABLE = ':#={}~';
const HELD = 0xe000;
const hold = (c: string) => String.fromCharCode(HELD + ESCAPABLE.indexOf(c));
const HELD_CHARS = new RegExp(`[\\u${HELD.toString(16)}-\\u${(HELD + 6).toString(16)}]`, 'g');
const HAS_HELD = new RegExp(HELD_CHARS.source);
const release = (s: string) =>
  s.replace(HELD_CHARS, (c) => {
    const i = c.charCodeAt(0) - HELD;
    return i < ESCAPABLE.length ? ESCAPABLE.charAt(i) : '\n';
  });

/** One pass over the text: `\\` is a backslash, `\n` a line break, `\:` and its kin held. */
function holdEscapes(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const next = s.charAt(i + 1);
    if (c !== '\\' || next === '') {
      out += c;
      continue;
    }
    if (next === '\\') out += '\\';
    else if (next === 'n') out += String.fromCharCode(HELD + 6);
    else if (ESCAPABLE.includes(next)) out += hold(next);
    else {
      out += c;
      continue;
    }
    i++;
  }
  return out;
}

const FORMATS: readonly GiftFormat[] = ['moodle', 'html', 'plain', 'markdown'];

/** `[markdown]Text`: the format a text is written in; without one, the question's (or Moodle's own). */
function withFormat(raw: string, inherited: GiftFormat): GiftText {
  const m = /^\[(\w+)\]/.exec(raw);
  const named = m ? FORMATS.find((f) => f === m[1]) : undefined;
  const text = named ? raw.slice(m![0].length) : raw;
  return { text: release(text).trim(), format: named ?? inherited };
}

/** `%-50%`, `%33.333%`: GIFT's credit, as a fraction; undefined when there is none. */
const CREDIT = /^%(-?\d{1,3}(?:\.\d*)?)%/;

function splitFeedback(raw: string, format: GiftFormat): [GiftText, GiftText | undefined] {
  const hash = raw.indexOf('#');
  if (hash < 0) return [withFormat(raw.trim(), format), undefined];
  const feedback = withFormat(raw.slice(hash + 1).trim(), format);
  return [withFormat(raw.slice(0, hash).trim(), format), feedback.text ? feedback : undefined];
}

/** Splits `=a ~b =c` on the markers, keeping each marker with its answer. */
function markedAnswers(text: string, markers: string): string[] {
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (!markers.includes(text.charAt(i))) continue;
    if (start >= 0) parts.push(text.slice(start, i));
    start = i;
  }
  if (start >= 0) parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 1 || !markers.includes(p));
}

class Refused extends Error {}

function readCredit(answer: string, fallback: number): [number, string] {
  const m = CREDIT.exec(answer);
  if (!m) return [fallback, answer];
  const credit = Number(m[1]) / 100;
  if (credit < -1 || credit > 1)
    throw new Refused(
      `Expected a credit from -100% to 100%; found %${m[1]}%. Write a percentage in that range.`,
    );
  return [credit, answer.slice(m[0].length)];
}

function multichoice(answerText: string, format: GiftFormat): GiftBody {
  const parts = markedAnswers(answerText, '=~');
  if (parts.length < 2)
    throw new Refused(
      `Expected at least two answers in a multiple-choice question; found ${parts.length}. Add the other choices, each after ~.`,
    );
  const answers: GiftAnswer[] = parts.map((p) => {
    const [credit, rest] = p.startsWith('=') ? [1, p.slice(1)] : readCredit(p.slice(1), 0);
    const [text, feedback] = splitFeedback(rest, format);
    return { text, credit, ...(feedback ? { feedback } : {}) };
  });
  return { kind: 'multichoice', multiple: !answerText.includes('='), answers };
}

function match(answerText: string, format: GiftFormat): GiftBody {
  const parts = markedAnswers(answerText, '=');
  const pairs: GiftPair[] = parts.map((p) => {
    const arrow = p.indexOf('->');
    if (arrow < 0)
      throw new Refused(
        `Expected each matching pair as "=prompt -> answer"; found "${release(p).trim()}". Add " -> " and its answer.`,
      );
    return {
      prompt: withFormat(p.slice(1, arrow).trim(), format),
      answer: release(p.slice(arrow + 2)).trim(),
    };
  });
  if (pairs.filter((p) => p.prompt.text).length < 2)
    throw new Refused(
      'Expected at least two matching pairs; found fewer. Add another "=prompt -> answer".',
    );
  return { kind: 'match', pairs };
}

function shortAnswer(answerText: string, format: GiftFormat): GiftBody {
  const answers = markedAnswers(answerText, '=').map((p): GiftAnswer => {
    const [credit, rest] = readCredit(p.slice(1), 1);
    const [text, feedback] = splitFeedback(rest, format);
    return { text, credit, ...(feedback ? { feedback } : {}) };
  });
  if (answers.length === 0)
    throw new Refused('Expected at least one accepted answer after "="; found none. Add one.');
  return { kind: 'shortanswer', answers };
}

function readNumber(s: string): number {
  const t = s.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t))
    throw new Refused(
      `Expected a number; found "${release(t)}". Write digits, with "." as the decimal mark.`,
    );
  return Number(t);
}

function numerical(answerText: string, format: GiftFormat): GiftBody {
  let text = answerText.slice(1);
  let otherFeedback: GiftText | undefined;
  const tilde = text.indexOf('~');
  if (tilde >= 0) {
    const [, feedback] = splitFeedback(text.slice(tilde + 1), format);
    otherFeedback = feedback;
    text = text.slice(0, tilde);
  }
  const parts = text.trim().startsWith('=') ? markedAnswers(text, '=') : [`=${text.trim()}`];
  const answers = parts.map((p): GiftNumber => {
    const [credit, rest] = readCredit(p.slice(1), 1);
    const [value, feedback] = splitFeedback(rest, format);
    const fb = feedback ? { feedback } : {};
    const range = value.text.indexOf('..');
    if (range > 0) {
      const [min, max] = [
        readNumber(value.text.slice(0, range)),
        readNumber(value.text.slice(range + 2)),
      ];
      if (min > max)
        throw new Refused(
          `Expected a range min..max; found ${min}..${max}. Put the smaller number first.`,
        );
      return {
        value: (min + max) / 2,
        tolerance: (max - min) / 2,
        range: [min, max],
        credit,
        ...fb,
      };
    }
    const colon = value.text.indexOf(':');
    if (colon > 0) {
      const tolerance = readNumber(value.text.slice(colon + 1));
      return {
        value: readNumber(value.text.slice(0, colon)),
        tolerance: Math.abs(tolerance),
        credit,
        ...fb,
      };
    }
    return { value: readNumber(value.text), tolerance: 0, credit, ...fb };
  });
  if (answers.length === 0)
    throw new Refused(
      'Expected a number after "#"; found none. Write the answer, as {#42} or {#42:1}.',
    );
  return { kind: 'numerical', answers, ...(otherFeedback ? { otherFeedback } : {}) };
}

function trueFalse(answerText: string, format: GiftFormat): GiftBody | undefined {
  const [word, wrong, right] = answerText.split('#', 3).map((s) => s.trim());
  if (!['T', 'TRUE', 'F', 'FALSE'].includes(word ?? '')) return undefined;
  const body: GiftBody = { kind: 'truefalse', answer: word!.startsWith('T') };
  if (wrong) body.wrongFeedback = withFormat(wrong, format);
  if (right) body.rightFeedback = withFormat(right, format);
  return body;
}

/** What kind of question the answer block makes, in the order Moodle's reader decides it. */
function readBody(answerText: string, format: GiftFormat): GiftBody {
  if (answerText === '') return { kind: 'essay' };
  if (answerText.startsWith('#')) return numerical(answerText, format);
  if (answerText.includes('~')) return multichoice(answerText, format);
  if (answerText.includes('=') && answerText.includes('->')) return match(answerText, format);
  return trueFalse(answerText, format) ?? shortAnswer(answerText, format);
}

function readQuestion(block: string, line: number, category: string | undefined): GiftQuestion {
  let text = block;
  let name: string | undefined;
  if (text.startsWith('::')) {
    const end = text.indexOf('::', 2);
    if (end >= 0) {
      name = release(text.slice(2, end)).trim();
      text = text.slice(end + 2).trim();
    }
  }
  const open = text.indexOf('{');
  const close = text.indexOf('}', open + 1);
  const format = withFormat(text, 'moodle').format;
  const base = { line, ...(category ? { category } : {}), ...(name ? { name } : {}) };
  if (open < 0 && text.indexOf('}') < 0)
    return {
      ...base,
      text: withFormat(text, 'moodle'),
      missingWord: false,
      body: { kind: 'description' },
    };
  if (open < 0 || close < 0)
    throw new Refused(
      `Expected the answers between { and }; found ${open < 0 ? 'a } without its {' : 'a { without its }'}. Add the missing brace, or write it as \\{ or \\} if it is text.`,
    );
  if (text.indexOf('{', close) >= 0)
    throw new Refused(
      'Expected one answer block {…} per question; found more than one. Split the question, or escape the braces in text as \\{ and \\}.',
    );
  let answerText = text.slice(open + 1, close).trim();
  const trailing = text.slice(close + 1).trim();
  const missingWord = trailing !== '';
  const questionText = missingWord
    ? `${text.slice(0, open)}_____${text.slice(close + 1)}`
    : text.slice(0, open);
  let generalFeedback: GiftText | undefined;
  const gf = answerText.lastIndexOf('####');
  if (gf >= 0) {
    generalFeedback = withFormat(answerText.slice(gf + 4).trim(), format);
    answerText = answerText.slice(0, gf).trim();
  }
  return {
    ...base,
    text: withFormat(questionText.trim(), 'moodle'),
    missingWord,
    ...(generalFeedback?.text ? { generalFeedback } : {}),
    body: readBody(answerText, format),
  };
}

/**
 * Reads a GIFT file as Moodle does: questions are separated by blank lines, lines starting
 * with `//` are comments, `$CATEGORY:` sets the category of the questions after it. Every
 * question is returned or named in `problems` with its line and why; nothing is dropped.
 * Linear in the size of the text.
 */
export function parseGift(source: string): { questions: GiftQuestion[]; problems: GiftProblem[] } {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const questions: GiftQuestion[] = [];
  const problems: GiftProblem[] = [];
  let category: string | undefined;
  let block: string[] = [];
  let blockLine = 0;
  const flush = () => {
    const text = block.join('\n').trim();
    block = [];
    if (!text) return;
    if (HAS_HELD.test(text)) {
      problems.push({
        line: blockLine,
        message:
          'Expected text without private-use characters (U+E000 to U+E006); found one. Remove it, then import again.',
      });
      return;
    }
    const held = holdEscapes(text);
    if (held.startsWith('$CATEGORY:')) {
      category = release(held.slice('$CATEGORY:'.length)).trim() || undefined;
      return;
    }
    try {
      questions.push(readQuestion(held, blockLine, category));
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      problems.push({ line: blockLine, message: e.message });
    }
  };
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '') return flush();
    if (trimmed.startsWith('//')) return;
    if (block.length === 0) blockLine = i + 1;
    block.push(line);
  });
  flush();
  return { questions, problems };
}
