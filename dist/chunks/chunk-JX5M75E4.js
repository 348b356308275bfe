import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  durationMs
} from "./chunk-X7AHJ7VS.js";
import {
  blankRange,
  findFrontMatter,
  parseMarkdown,
  parseQuestions,
  parseReflectionBody
} from "./chunk-7MLHL3EW.js";
import {
  LineIndex,
  readFrontMatter,
  schemaProblems
} from "./chunk-G2VFSW4V.js";

// core/grading/grade-question.ts
var PATTERN = /^\/(.+)\/([a-z]*)$/s;
var MAX_TEXT_ANSWER = 500;
var normalise = (s) => s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
var plainMatcher = (pattern, flags, text) => new RegExp(pattern, flags.replace(/[gy]/g, "")).test(text);
function scoreChoices(key, mine) {
  const ticked = mine.choices.filter((c) => c.checked);
  const answer = ticked.map((c) => `${c.letter}) ${c.text}`).join("; ");
  const differs = mine.choices.length !== key.choices.length || mine.choices.some((c, i) => normalise(c.text) !== normalise(key.choices[i].text));
  if (differs) return { outcome: "changed", points: 0, answer, feedback: [], changed: 'The choices of this question changed after your sheet was made. Make a new sheet with "enablekit take" and answer again.' };
  if (ticked.length === 0) return { outcome: "unanswered", points: 0, answer: "", feedback: [] };
  const right = new Set(key.choices.filter((c) => c.checked).map((c) => c.letter));
  const hits = ticked.filter((c) => right.has(c.letter)).length;
  const misses = ticked.length - hits;
  const feedback = ticked.flatMap((c) => {
    const f = key.choices.find((k) => k.letter === c.letter)?.feedback?.text;
    return f ? [f] : [];
  });
  let fraction;
  if (key.type === "single") fraction = ticked.length === 1 && hits === 1 ? 1 : 0;
  else if (!key.partial) fraction = hits === right.size && misses === 0 ? 1 : 0;
  else fraction = Math.max(0, (hits - misses) / right.size);
  return { outcome: fraction === 1 ? "right" : fraction > 0 ? "partial" : "wrong", points: fraction * key.weight, answer, feedback };
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
      hit = match(m[1], m[2], answer.trim());
    } catch {
      hit = false;
    }
    if (hit === "timeout") return { outcome: "wrong", points: 0, answer, feedback: ["This answer took too long to check against the accepted patterns; ask the quiz owner to simplify them."] };
    if (hit) return { outcome: "right", points: key.weight, answer, feedback: [] };
  }
  return { outcome: "wrong", points: 0, answer, feedback: [] };
}
function scoreNumeric(key, mine) {
  const answer = mine.answerText?.value ?? "";
  if (!answer.trim()) return { outcome: "unanswered", points: 0, answer, feedback: [] };
  const m = /-?\d+(?:[.,]\d+)?/.exec(answer);
  if (!m) return { outcome: "wrong", points: 0, answer, feedback: ['Expected a number after "Answer:".'] };
  const value = Number(m[0].replace(",", "."));
  const ok = key.numeric !== void 0 && Math.abs(value - key.numeric.value) <= key.numeric.tolerance + 1e-9;
  return { outcome: ok ? "right" : "wrong", points: ok ? key.weight : 0, answer, feedback: [] };
}
function scoreOrdering(key, mine) {
  const order = mine.items.map((i) => i.text);
  const answer = order.map((t, i) => `${i + 1}. ${t}`).join(" ");
  if (order.length === 0) return { outcome: "unanswered", points: 0, answer, feedback: [] };
  const known = new Map(key.items.map((i) => [normalise(i.text), i.letter]));
  const letters = order.map((t) => known.get(normalise(t)));
  if (letters.some((l) => l === void 0) || new Set(letters).size !== key.items.length || letters.length !== key.items.length) {
    return { outcome: "changed", points: 0, answer, feedback: [], changed: 'The items of this question are not the ones the quiz lists now. Keep every item, change only their order, or make a new sheet with "enablekit take".' };
  }
  const ok = letters.every((l, i) => l === key.items[i].letter);
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
      return q.numeric ? `${q.numeric.value}${q.numeric.tolerance ? ` \xB1 ${q.numeric.tolerance}` : ""}` : "";
    case "ordering":
      return q.items.map((i, n) => `${n + 1}. ${i.text}`).join(" ");
  }
}
function gradeQuestion(key, mine, match, line) {
  const base = { id: key.id ?? "", type: key.type, prompt: key.prompt, weight: key.weight, line };
  if (!mine) return { ...base, answer: "", outcome: "unanswered", points: 0, feedback: ["This question is missing from your sheet."] };
  const s = key.type === "single" || key.type === "multiple" ? scoreChoices(key, mine) : key.type === "text" ? scoreText(key, mine, match) : key.type === "numeric" ? scoreNumeric(key, mine) : scoreOrdering(key, mine);
  return { ...base, answer: s.answer, outcome: s.outcome, points: Math.round(s.points * 1e3) / 1e3, feedback: s.changed ? [s.changed] : s.feedback };
}

// core/grading/grade-quiz.ts
function policyFor(quiz, config) {
  return {
    passMark: quiz.passMark ?? config.policies.passMark,
    attempts: quiz.attempts ?? config.policies.attempts,
    retakeCooldownMs: durationMs(quiz.retakeCooldown ?? config.policies.retakeCooldown) ?? 0,
    revealAnswers: quiz.revealAnswers ?? config.policies.revealAnswers
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
  const mine = new Map(sheet.questions.filter((q) => q.id).map((q) => [q.id, q]));
  const questions = quiz.questions.map((key) => {
    const q = mine.get(key.id ?? "");
    return gradeQuestion(key, q, input.match ?? plainMatcher, q?.span.start.line ?? 1);
  });
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
      if (key.explanation) r.feedback.push(key.explanation.text);
    });
  }
  return { ok: true, grade: { ...who, attempt, attemptsAllowed: policy.attempts, score, maxScore, percent, passMark: policy.passMark, passed, revealed, questions } };
}

// core/grading/read-answer-sheet.ts
var MAX_SHEET_BYTES = 64 * 1024;
function readAnswerSheet(text) {
  if (text.length > MAX_SHEET_BYTES) return { ok: false, line: 1, message: `Expected an answer sheet of at most ${MAX_SHEET_BYTES / 1024} KB; found ${Math.round(text.length / 1024)} KB. Answer in the sheet only; put long material in a link.` };
  const lines = new LineIndex(text);
  const fence = findFrontMatter(text);
  if (!fence) return { ok: false, line: 1, message: 'Expected the answer sheet to start with front matter (type: answer-sheet, checkpoint:, learner:); found none. Recreate it with "enablekit take <checkpoint>".' };
  const fm = readFrontMatter(text, fence.start, fence.end, lines);
  if (!fm.ok) return { ok: false, line: fm.span.start.line, message: fm.message };
  const problem = schemaProblems("answer-sheet", fm.value, "an answer sheet")[0];
  if (problem) return { ok: false, line: problem.span.start.line, message: problem.message };
  const tree = parseMarkdown(blankRange(text, fence.start, fence.end));
  const data = fm.value.data;
  return { ok: true, sheet: { checkpoint: data.checkpoint, learner: data.learner, questions: parseQuestions(tree, lines), body: { text, tree, lines } } };
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
  readAnswerSheet,
  checkReflection,
  timedMatcher
};
