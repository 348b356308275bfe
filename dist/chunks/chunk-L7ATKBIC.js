import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  durationMs
} from "./chunk-EIFYVTYX.js";
import {
  LineIndex,
  blankRange,
  deepestLine,
  findFrontMatter,
  findSlowShape,
  parseMarkdown,
  parseQuestions,
  parseReflectionBody,
  readFrontMatter,
  schemaProblems,
  sheetProblemMessage,
  sheetProblems,
  unknownQuestions
} from "./chunk-JEF32JUO.js";
import {
  toLf
} from "./chunk-62XP5XG5.js";

// core/text/fold-text.ts
var APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u02B9\u00B4\u0060\uFF07]/g;
var QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u301D\u301E\uFF02]/g;
var DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
var ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g;
function foldText(s) {
  return s.normalize("NFKC").replace(ZERO_WIDTH, "").replace(APOSTROPHES, "'").replace(QUOTES, '"').replace(DASHES, "-").replace(/\s+/gu, " ").trim();
}

// core/grading/read-number.ts
var escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
var patterns = /* @__PURE__ */ new Map();
function numberPattern(mark) {
  let re = patterns.get(mark);
  if (!re) {
    const group = escape(mark === "." ? "," : ".");
    const whole = `\\d{1,3}(?:${group}\\d{3})+|\\d{1,3}(?: \\d{3})+|\\d+`;
    re = new RegExp(`^([+-]?)(${whole})?(?:${escape(mark)}(\\d+))?$`);
    patterns.set(mark, re);
  }
  return re;
}
var ODD_DIGITS = /[\u00B2\u00B3\u00B9\u2070-\u209F\u2150-\u218F\u2460-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]/u;
var CASE_MATTERS = /[mpb]/i;
function sameUnit(given, key) {
  if (given === key) return true;
  if (given.toLowerCase() !== key.toLowerCase()) return false;
  const k = [...key];
  return [...given].every((ch, i) => ch === k[i] || !CASE_MATTERS.test(ch));
}
function readNumber(answer, mark, unit) {
  const numberPart = /^[^\p{L}%°]*/u.exec(answer)[0];
  if (ODD_DIGITS.test(numberPart)) return void 0;
  let s = foldText(answer);
  if (unit) {
    const u = foldText(unit);
    const at = s.length - u.length;
    if (at >= 0 && sameUnit(s.slice(at), u)) s = s.slice(0, at).trimEnd();
  }
  const m = numberPattern(mark).exec(s);
  if (!m || m[2] === void 0 && m[3] === void 0) return void 0;
  const whole = (m[2] ?? "0").replace(/\D/g, "");
  const value = Number(`${m[1]}${whole}.${m[3] ?? "0"}`);
  return Number.isFinite(value) ? value : void 0;
}
function numberHint(mark, unit, answer) {
  const examples = mark === "." ? "2.5, -3 or 5,000" : "2,5, -3 or 5.000";
  const found = answer.trim().length > 40 ? `${answer.trim().slice(0, 40)}\u2026` : answer.trim();
  return `Expected one number after "Answer:", such as ${examples}${unit ? `, optionally followed by ${unit}` : ""}; found "${found}". Write the number alone, with ${mark === "." ? "a point" : "a comma"} as the decimal mark.`;
}

// core/grading/grade-question.ts
var PATTERN = /^\/(.+)\/([a-z]*)$/s;
var MAX_TEXT_ANSWER = 500;
var normalise = (s) => foldText(s).toLowerCase();
var plainMatcher = (pattern, flags, text) => new RegExp(pattern, flags.replace(/[gy]/g, "")).test(text);
var CHANGED_CHOICES = 'The choices of this question changed after your sheet was made. Make a new sheet with "enablekit take" and answer again.';
function scoreChoices(key, mine) {
  const ticked = mine.choices.flatMap((c, i) => c.checked ? [i] : []);
  const answer = ticked.map((i) => `${mine.choices[i].letter}) ${mine.choices[i].text}`).join("; ");
  const differs = mine.choices.length !== key.choices.length || mine.choices.some((c, i) => normalise(c.text) !== normalise(key.choices[i].text));
  if (differs) return { outcome: "changed", points: 0, answer, feedback: [], changed: CHANGED_CHOICES };
  if (ticked.length === 0) return { outcome: "unanswered", points: 0, answer: "", feedback: [] };
  const right = new Set(key.choices.flatMap((c, i) => c.checked ? [i] : []));
  const hits = ticked.filter((i) => right.has(i)).length;
  const misses = ticked.length - hits;
  const choiceFeedback = ticked.flatMap((i) => key.choices[i].feedback ? [key.choices[i].feedback.text] : []);
  let fraction;
  const notes = [];
  if (key.type === "single") {
    fraction = ticked.length === 1 && hits === 1 ? 1 : 0;
    if (ticked.length > 1) notes.push(`Expected one tick on a single-choice question; found ${ticked.length} (${ticked.map((i) => key.choices[i].letter).join(", ")}). It takes one answer, so it was graded wrong; tick only one next time.`);
  } else if (!key.partial) fraction = hits === right.size && misses === 0 ? 1 : 0;
  else fraction = Math.max(0, (hits - misses) / right.size);
  const safe = fraction === 1 || key.type === "single" && ticked.length === 1;
  return { outcome: fraction === 1 ? "right" : fraction > 0 ? "partial" : "wrong", points: fraction * key.weight, answer, feedback: safe ? [...notes, ...choiceFeedback] : notes, held: safe ? [] : choiceFeedback };
}
function scoreText(key, mine, match) {
  const answer = mine.answerText?.value ?? "";
  if (!answer.trim()) return { outcome: "unanswered", points: 0, answer, feedback: [] };
  if (answer.length > MAX_TEXT_ANSWER) return { outcome: "wrong", points: 0, answer, feedback: [`Answers longer than ${MAX_TEXT_ANSWER} characters are not graded; give the short answer.`] };
  const given = normalise(answer);
  for (const a of key.accepted) {
    const m = PATTERN.exec(a.value);
    if (!m) {
      if (normalise(a.value) === given) return { outcome: "right", points: key.weight, answer, feedback: [] };
      continue;
    }
    let hit;
    try {
      hit = match(foldText(m[1]), m[2], foldText(answer));
    } catch {
      hit = false;
    }
    if (hit === "timeout") return { outcome: "wrong", points: 0, answer, feedback: ["This answer took too long to check against the accepted patterns; ask the quiz owner to simplify them."] };
    if (hit) return { outcome: "right", points: key.weight, answer, feedback: [] };
  }
  return { outcome: "wrong", points: 0, answer, feedback: [] };
}
function scoreNumeric(key, mine, mark) {
  const answer = mine.answerText?.value ?? "";
  if (!answer.trim()) return { outcome: "unanswered", points: 0, answer, feedback: [] };
  const value = readNumber(answer, mark, key.numeric?.unit);
  if (value === void 0) return { outcome: "not-a-number", points: 0, answer, feedback: [numberHint(mark, key.numeric?.unit, answer)] };
  const ok = key.numeric !== void 0 && Math.abs(value - key.numeric.value) <= key.numeric.tolerance + 1e-9;
  return { outcome: ok ? "right" : "wrong", points: ok ? key.weight : 0, answer, feedback: [] };
}
function scoreOrdering(key, mine) {
  const order = mine.items.map((i) => i.text);
  const answer = order.map((t, i) => `${i + 1}. ${t}`).join(" ");
  if (order.length === 0) return { outcome: "unanswered", points: 0, answer, feedback: [] };
  const known = new Map(key.items.map((i, n) => [normalise(i.text), n]));
  const places = order.map((t) => known.get(normalise(t)));
  if (places.some((p) => p === void 0) || new Set(places).size !== key.items.length || places.length !== key.items.length) {
    return { outcome: "changed", points: 0, answer, feedback: [], changed: 'The items of this question are not the ones the quiz lists now. Keep every item, change only their order, or make a new sheet with "enablekit take".' };
  }
  const ok = places.every((p, i) => p === i);
  return { outcome: ok ? "right" : "wrong", points: ok ? key.weight : 0, answer, feedback: [] };
}
function correctAnswerOf(q) {
  switch (q.type) {
    case "single":
    case "multiple":
      return q.choices.filter((c) => c.checked).map((c) => `${c.letter}) ${c.text}`).join("; ");
    case "text":
      return q.accepted.find((a) => !PATTERN.test(a.value))?.value ?? q.accepted[0]?.value ?? "";
    case "numeric":
      return q.numeric ? `${q.numeric.value}${q.numeric.tolerance ? ` \xB1 ${q.numeric.tolerance}` : ""}${q.numeric.unit ? ` ${q.numeric.unit}` : ""}` : "";
    case "ordering":
      return q.items.map((i, n) => `${n + 1}. ${i.text}`).join(" ");
  }
}
function scoreQuestion(key, mine, match, line, mark = ".") {
  const base = { id: key.id ?? "", type: key.type, prompt: key.prompt, weight: key.weight, line };
  if (!mine) return { result: { ...base, answer: "", outcome: "unanswered", points: 0, feedback: ["This question is missing from your sheet."] }, held: [] };
  const s = key.type === "single" || key.type === "multiple" ? scoreChoices(key, mine) : key.type === "text" ? scoreText(key, mine, match) : key.type === "numeric" ? scoreNumeric(key, mine, mark) : scoreOrdering(key, mine);
  return { result: { ...base, answer: s.answer, outcome: s.outcome, points: Math.round(s.points * 1e3) / 1e3, feedback: s.changed ? [s.changed] : s.feedback }, held: s.held ?? [] };
}

// core/grading/grade-quiz.ts
function policyFor(quiz, config) {
  return {
    passMark: quiz.passMark ?? config.policies.passMark,
    attempts: quiz.attempts ?? config.policies.attempts,
    retakeCooldownMs: durationMs(quiz.retakeCooldown ?? config.policies.retakeCooldown) ?? 0,
    revealAnswers: quiz.revealAnswers ?? config.policies.revealAnswers,
    decimalMark: config.policies.decimalMark
  };
}
function isoPlus(iso, ms) {
  return new Date(Date.parse(iso) + ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function gradeQuiz(input) {
  const { sheet, quiz, policy, prior, now } = input;
  const who = { checkpoint: quiz.id, learner: sheet.learner };
  if (quiz.key && !input.keyApplied && !quiz.keyApplied) {
    return { ok: false, refusal: { ...who, reason: "key-unavailable", message: `Expected the answers of "${quiz.title}"; found them kept in its key file (${quiz.key}), which this grader cannot read. Ask the quiz owner; your answers are kept.` } };
  }
  const passedBefore = prior.some((p) => p.passed);
  if (!passedBefore && prior.length >= policy.attempts) {
    return { ok: false, refusal: { ...who, reason: "no-attempts-left", message: `Expected an attempt left at "${quiz.title}"; found all ${policy.attempts} used. Ask your trainer to reset your attempts.` } };
  }
  const lastFail = [...prior].filter((p) => !p.passed).sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  if (!passedBefore && lastFail && Date.parse(now) < Date.parse(lastFail.at) + policy.retakeCooldownMs) {
    const when = isoPlus(lastFail.at, policy.retakeCooldownMs);
    return { ok: false, refusal: { ...who, reason: "cooldown", message: `Expected the retake to wait until ${when} after the last failed attempt; found it submitted earlier. Push again after ${when}; your answers are kept.` } };
  }
  const problems = [...sheet.problems, ...unknownQuestions(sheet.questions, quiz)].sort((a, b) => a.span.start.offset - b.span.start.offset);
  if (problems.length) return { ok: false, refusal: { ...who, reason: "invalid-sheet", message: sheetProblemMessage(problems), line: problems[0].span.start.line } };
  const mine = new Map(sheet.questions.filter((q) => q.id).map((q) => [q.id, q]));
  const scored = quiz.questions.map((key) => {
    const q = mine.get(key.id ?? "");
    return scoreQuestion(key, q, input.match ?? plainMatcher, q?.span.start.line ?? 1, policy.decimalMark ?? ".");
  });
  const questions = scored.map((s) => s.result);
  const maxScore = questions.reduce((s, q) => s + q.weight, 0);
  const score = Math.round(questions.reduce((s, q) => s + q.points, 0) * 1e3) / 1e3;
  const percent = maxScore === 0 ? 0 : Math.round(score / maxScore * 1e3) / 10;
  const passed = percent + 1e-9 >= policy.passMark;
  const attempt = prior.length + 1;
  const revealed = policy.revealAnswers === "always" || policy.revealAnswers === "after-pass" && passed || policy.revealAnswers === "after-last-attempt" && (passed || attempt >= policy.attempts);
  if (revealed) {
    quiz.questions.forEach((key, i) => {
      const r = questions[i];
      if (r.outcome !== "right") r.correctAnswer = correctAnswerOf(key);
      r.feedback.push(...scored[i].held);
      if (key.explanation) r.feedback.push(key.explanation.text);
    });
  }
  return { ok: true, grade: { ...who, attempt, attemptsAllowed: policy.attempts, score, maxScore, percent, passMark: policy.passMark, passed, revealed, questions } };
}

// core/grading/sheet-template.ts
function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
function shuffledItems(q, seed) {
  const items = q.items.map((i) => i.text);
  let state = hash(`${seed}:${q.id ?? q.prompt}`);
  for (let i = items.length - 1; i > 0; i--) {
    state = Math.imul(state ^ state >>> 15, 2246822507) >>> 0;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  if (items.length > 1 && items.every((t, i) => t === q.items[i].text)) items.push(items.shift());
  return items;
}
function questionBlock(q, learner) {
  const answerOnly = q.type === "single" && q.choices.length === 0 && q.items.length === 0;
  const meta = `<!-- question id=${q.id ?? ""}${answerOnly ? "" : ` type=${q.type}`} -->`;
  const head = `## ${q.prompt}
${meta}

`;
  if (answerOnly) return `${head}Answer: 
`;
  switch (q.type) {
    case "single":
    case "multiple":
      return `${head}${q.choices.map((c) => `- [ ] ${c.text}`).join("\n")}
`;
    case "text":
    case "numeric":
      return `${head}Answer: 
`;
    case "ordering":
      return `${head}${shuffledItems(q, learner).map((t, i) => `${i + 1}. ${t}`).join("\n")}
`;
  }
}
function answerSheetText(quiz, learner) {
  const instructions = 'Tick your choices with [x], write after "Answer:", and put numbered items in the right order. Then commit this file on a branch and open a pull request.';
  const questions = quiz.questions.map((q) => questionBlock(q, learner)).join("\n");
  return `---
type: answer-sheet
checkpoint: ${quiz.id}
learner: ${learner}
---

# ${quiz.title}: answers

${instructions}

${questions}`;
}

// core/grading/checkpoint-sheets.ts
var front = (id, learner) => `---
type: answer-sheet
checkpoint: ${id}
learner: ${learner}
---

`;
function scenarioSheet(s, learner) {
  return `${front(s.id, learner)}# ${s.title}: submission

Add a link to your recording as \`recording: https://...\` in the front matter above, or paste the transcript below. Then commit this file on a branch and open a pull request; a reviewer grades it against the rubric.

## Transcript


## Notes

What you would do next, and anything the reviewer should know.
`;
}
function reflectionSheet(r, learner) {
  const read = r.readCheck ? `- [ ] ${r.readCheck.text}

` : "";
  const prompts = r.prompts.map((p, i) => `### ${i + 1}. ${p.text}

`).join("");
  const min = r.minWords ? ` Write at least ${r.minWords} words for each.` : "";
  return `${front(r.id, learner)}# ${r.title}

${read}## Your reflection

Answer under each prompt.${min}

${prompts}`;
}
function checkpointSheetText(c, learner) {
  switch (c.type) {
    case "quiz":
      return answerSheetText(c, learner);
    case "scenario":
      return scenarioSheet(c, learner);
    case "reflection":
      return reflectionSheet(c, learner);
  }
}

// core/grading/sheet-limit.ts
var MAX_SHEET_BYTES = 64 * 1024;
var ANSWER_ALLOWANCE = 2 * 1024;
var SHEET_ALLOWANCE = 32 * 1024;
var LONGEST_LOGIN = "x".repeat(39);
var bytes = (s) => new TextEncoder().encode(s).length;
function sheetLimit(item) {
  if (!item || item.type !== "quiz" && item.type !== "scenario" && item.type !== "reflection") return MAX_SHEET_BYTES;
  const blank = bytes(checkpointSheetText(item, LONGEST_LOGIN));
  if (item.type !== "quiz") return blank + MAX_SHEET_BYTES;
  return blank + item.questions.length * ANSWER_ALLOWANCE + SHEET_ALLOWANCE;
}

// core/grading/read-answer-sheet.ts
function overLimit(text, maxBytes) {
  if (text.length * 3 <= maxBytes) return void 0;
  const size = text.length > maxBytes ? text.length : new TextEncoder().encode(text).length;
  return size > maxBytes ? size : void 0;
}
function readAnswerSheet(source, maxBytes = MAX_SHEET_BYTES) {
  const size = overLimit(source, maxBytes);
  if (size !== void 0) return { ok: false, line: 1, message: `Expected an answer sheet of at most ${Math.ceil(maxBytes / 1024)} KB for this checkpoint; found ${Math.ceil(size / 1024)} KB. Answer in the sheet only; put long material in a link.` };
  const text = toLf(source);
  const lines = new LineIndex(text);
  const fence = findFrontMatter(text);
  if (!fence) return { ok: false, line: 1, message: 'Expected the answer sheet to start with front matter (type: answer-sheet, checkpoint:, learner:); found none. Recreate it with "enablekit take <checkpoint>".' };
  const fm = readFrontMatter(text, fence.start, fence.end, lines);
  if (!fm.ok) return { ok: false, line: fm.span.start.line, message: fm.message };
  const problem = schemaProblems("answer-sheet", fm.value, "an answer sheet")[0];
  if (problem) return { ok: false, line: problem.span.start.line, message: problem.message };
  const slow = findSlowShape(text, fence.end);
  if (slow) return { ok: false, line: slow.line, message: slow.message };
  let tree;
  let questions;
  try {
    tree = parseMarkdown(blankRange(text, fence.start, fence.end));
    questions = parseQuestions(tree, lines);
  } catch (e) {
    if (e instanceof RangeError) {
      const line = deepestLine(text, fence.end);
      return { ok: false, line, message: `Expected an answer sheet nested at most a few lists or block quotes deep; found it nested too deep to read at line ${line}. Recreate it with "enablekit take <checkpoint>" and copy your answers over.` };
    }
    throw e;
  }
  const data = fm.value.data;
  return { ok: true, sheet: { checkpoint: data.checkpoint, learner: data.learner, questions, problems: sheetProblems(questions), body: { text, tree, lines } } };
}

// core/grading/reflection-complete.ts
var wordsIn = (s) => (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
function checkReflection(sheet, reflection) {
  const sheetText = sheet.text;
  const body = parseReflectionBody(sheet.tree, sheet.lines);
  const missing = [];
  const readTicked = /^\s*[-*+] \[[xX]\]/m.test(sheetText.slice(body.readCheck?.span.start.offset ?? 0, body.readCheck?.span.end.offset ?? 0));
  if (reflection.readCheck && !readTicked) missing.push(`Expected the read check ("${reflection.readCheck.text}") ticked; found it empty. Tick it with [x] once you have read the lesson.`);
  const min = reflection.minWords ?? 1;
  const words = reflection.prompts.map((_, i) => wordsIn(body.answers[i]?.text ?? ""));
  words.forEach((n, i) => {
    if (n < min) missing.push(`Expected at least ${min} word${min === 1 ? "" : "s"} under prompt ${i + 1}; found ${n}. Say more: what you will do and why.`);
  });
  return { complete: missing.length === 0, missing, words };
}

// cli/timed-matcher.ts
import { runInNewContext } from "node:vm";
var timedMatcher = (pattern, flags, text) => {
  try {
    return runInNewContext("new RegExp(p, f).test(t)", { p: pattern, f: flags.replace(/[gy]/g, ""), t: text }, { timeout: 50 });
  } catch (e) {
    if (e.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return "timeout";
    return false;
  }
};

export {
  policyFor,
  gradeQuiz,
  checkpointSheetText,
  sheetLimit,
  readAnswerSheet,
  checkReflection,
  timedMatcher
};
