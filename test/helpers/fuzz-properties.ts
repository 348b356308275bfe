import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { lintInMemory } from '../../core/lint/lint-in-memory.js';
import { parseFile } from '../../core/parse/parse-file.js';
import { readAnswerSheet } from '../../core/grading/read-answer-sheet.js';
import { gradeQuiz, policyFor } from '../../core/grading/grade-quiz.js';
import { answerSheetText } from '../../core/grading/sheet-template.js';
import { renderPreview } from '../../core/render/render-preview.js';
import { defaultConfig } from '../../core/config/config.js';
import { toLf } from '../../core/text/line-endings.js';
import type { Quiz } from '../../core/model.js';
import { mutate, mutationArb } from './mutate-markdown.js';
import { ROOT } from './cli.js';

/**
 * The fuzz properties (test/fuzz.test.ts, bench/fuzz.ts). Seeded fuzzing of everything that reads what an author or a learner wrote: the sample
 * curricula and an answer sheet, mutated line by line (inserted, deleted and duplicated
 * lines, Markdown and YAML tokens, deep nesting, CR, BOM, NUL, huge lines). Whatever comes
 * in, nothing throws and every diagnostic points inside the file. The seed is fixed so a
 * failure reproduces; bench/fuzz.ts runs the same properties longer, with other seeds.
 */
export const FUZZ_SEED = 17;
const TODAY = '2026-11-29';
const CURRICULA = join(ROOT, 'curricula');

function mdFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? mdFiles(join(dir, e.name))
      : e.name.endsWith('.md')
        ? [join(dir, e.name)]
        : [],
  );
}

export const SAMPLES = mdFiles(CURRICULA).map((path) => ({
  path: relative(CURRICULA, path),
  text: readFileSync(path, 'utf8'),
}));
const CONFIG = readFileSync(join(CURRICULA, 'enablekit.yml'), 'utf8');
const QUIZ_SAMPLE = SAMPLES.find((s) => s.path.endsWith('service-types-quiz.md'))!;
const QUIZ = parseFile(QUIZ_SAMPLE.path, QUIZ_SAMPLE.text).model.item as Quiz;
export const SHEET = answerSheetText(QUIZ, 'ana')
  .replace('- [ ] Premium support', '- [x] Premium support')
  .replace(/Answer: $/m, 'Answer: 1');

/** Lines and the length of each, as an editor counts them (CRLF and a BOM read as LF). */
function lineLengths(text: string): number[] {
  return toLf(text)
    .split('\n')
    .map((l) => l.length);
}

function assertInside(
  text: string,
  where: { line: number; column?: number; endLine?: number; endColumn?: number },
  what: string,
): void {
  const lengths = lineLengths(text);
  assert.ok(
    Number.isInteger(where.line) && where.line >= 1 && where.line <= lengths.length,
    `${what}: line ${where.line} of ${lengths.length}`,
  );
  if (where.column !== undefined)
    assert.ok(
      where.column >= 1 && where.column <= lengths[where.line - 1]! + 1,
      `${what}: column ${where.column} on line ${where.line} of length ${lengths[where.line - 1]}`,
    );
  if (where.endLine !== undefined)
    assert.ok(
      where.endLine >= where.line && where.endLine <= lengths.length,
      `${what}: end line ${where.endLine}`,
    );
  if (where.endLine !== undefined && where.endColumn !== undefined)
    assert.ok(
      where.endColumn >= 1 && where.endColumn <= lengths[where.endLine - 1]! + 1,
      `${what}: end column ${where.endColumn}`,
    );
}

/** Lint one mutated sample with the config and the files it refers to, as lint reads a workspace. */
export function lintProperty(sample: number, text: string): void {
  const { path } = SAMPLES[sample % SAMPLES.length]!;
  const folder = path.split('/')[0]!;
  const files: Record<string, string> = { 'enablekit.yml': CONFIG };
  for (const s of SAMPLES) if (s.path.startsWith(`${folder}/`)) files[s.path] = s.text;
  files[path] = text;
  const { diagnostics } = lintInMemory(files, TODAY);
  for (const d of diagnostics.filter((x) => x.file === path))
    assertInside(text, d, `${d.ruleId}: ${d.message}`);
}

/** Read and grade a mutated sheet: a refusal or a grade, each at a line of the sheet. */
export function sheetProperty(text: string): void {
  const read = readAnswerSheet(text);
  if (!read.ok) {
    assertInside(text, { line: read.line }, read.message);
    return;
  }
  for (const q of read.sheet.questions) assertInside(text, q.span.start, `question ${q.id}`);
  const graded = gradeQuiz({
    sheet: read.sheet,
    quiz: structuredClone(QUIZ),
    policy: policyFor(QUIZ, defaultConfig()),
    prior: [],
    now: `${TODAY}T10:00:00Z`,
  });
  if (!graded.ok && graded.refusal.line !== undefined)
    assertInside(text, { line: graded.refusal.line }, graded.refusal.message);
}

export function previewProperty(sample: number, text: string): void {
  const p = renderPreview(SAMPLES[sample % SAMPLES.length]!.path, text);
  assert.equal(typeof p.html, 'string');
}

/** Mutations of a sample: a few each, with lines up to `maxHuge` units long. */
export const mutatedSample = (maxHuge: number) =>
  fc
    .tuple(fc.nat(), fc.array(mutationArb(maxHuge), { minLength: 1, maxLength: 6 }))
    .map(([i, ms]) => ({
      sample: i % SAMPLES.length,
      text: mutate(SAMPLES[i % SAMPLES.length]!.text, ms),
    }));
export const mutatedSheet = (maxHuge: number) =>
  fc.array(mutationArb(maxHuge), { minLength: 1, maxLength: 8 }).map((ms) => mutate(SHEET, ms));
