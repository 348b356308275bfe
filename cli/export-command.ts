import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { giftFromQuiz } from '../core/interchange/gift-from-quiz.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import { strToU8, zipSync } from 'fflate';
import { openQuizKey } from '../host/quiz-keys.js';
import { toPosix } from '../host/walk.js';
import { UsageError } from '../host/usage-error.js';

export interface ExportArgs {
  files: string[];
  to: string | undefined;
  out: string;
  cwd: string;
  /** ENABLEKIT_KEY, to export a sealed quiz's answers. */
  secret?: string;
}

const FORMATS = ['gift', 'qti'] as const;

/**
 * `enablekit export <quiz.md…> --to gift|qti [--out <folder>]`: one file per quiz, named by
 * its id (`<id>.gift`, or `<id>.qti.zip`, a QTI 2.1 content package).
 * What the format cannot hold is named on stderr with its line and why (exit 1); nothing
 * existing is overwritten (if any file exists, nothing is written).
 */
export function exportCommand(a: ExportArgs): { stdout: string; stderr: string; exitCode: number } {
  if (!a.to || !(FORMATS as readonly string[]).includes(a.to))
    throw new UsageError(
      `Expected --to ${FORMATS.join('|')}; found ${a.to ? `"${a.to}"` : 'none'}. Name the format to write.`,
    );
  if (a.files.length === 0)
    throw new UsageError(
      'Expected one or more quiz files after "enablekit export"; found none. Name the quizzes.',
    );
  const stderr: string[] = [];
  const planned: { path: string; bytes: Uint8Array | string; count: number }[] = [];
  for (const file of a.files) {
    const path = resolve(a.cwd, file);
    const shown = toPosix(relative(a.cwd, path));
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      throw new UsageError(`Expected a readable quiz at ${file}; found none. Check the path.`);
    }
    const item = parseFile(shown, source).model.item;
    if (item?.type !== 'quiz')
      throw new UsageError(
        `Expected ${shown} to be a quiz (type: quiz); found ${item ? `a ${item.type}` : 'no enablekit item'}. Export quizzes only.`,
      );
    const opened = openQuizKey(a.cwd, item, a.secret);
    if (!opened.ok)
      throw new UsageError(
        `${opened.message}${opened.reason === 'no-secret' ? ' Set ENABLEKIT_KEY to the answer-key secret to export its answers.' : ''}`,
      );
    if (a.to === 'qti') {
      // A QTI 2.1 content package: the zip an LMS's import takes.
      const qti = qtiFromQuiz(opened.quiz);
      for (const n of qti.notExported)
        stderr.push(`${shown}:${n.line}: not exported: "${n.id}": ${n.reason}.`);
      for (const n of qti.dropped)
        stderr.push(`${shown}:${n.line}: exported without ${n.reason}: "${n.id}".`);
      const zip = zipSync(Object.fromEntries(qti.files.map((f) => [f.path, strToU8(f.text)])), {
        mtime: new Date('2000-01-01T00:00:00Z'),
      });
      planned.push({
        path: resolve(a.cwd, a.out, `${item.id}.qti.zip`),
        bytes: zip,
        count: qti.count,
      });
      continue;
    }
    // A sealed quiz's answers are placed at its questions, not where the author wrote them: the
    // GIFT text is cut from the source by position, so it is made from the author's text the key keeps.
    const author = opened.source ? parseFile(shown, opened.source).model.item : undefined;
    const gift =
      author?.type === 'quiz'
        ? giftFromQuiz(author, opened.source!)
        : giftFromQuiz(opened.quiz, source);
    for (const n of gift.notExported)
      stderr.push(`${shown}:${n.line}: not exported: "${n.id}": ${n.reason}.`);
    for (const n of gift.dropped)
      stderr.push(`${shown}:${n.line}: exported without ${n.reason}: "${n.id}".`);
    planned.push({
      path: resolve(a.cwd, a.out, `${item.id}.gift`),
      bytes: gift.text,
      count: gift.count,
    });
  }
  const existing = planned
    .filter((p) => existsSync(p.path))
    .map((p) => toPosix(relative(a.cwd, p.path)));
  if (existing.length)
    throw new UsageError(
      `Expected no files where the export writes; found ${existing.join(', ')}. Move or delete them, or pass another --out; nothing was written.`,
    );
  mkdirSync(resolve(a.cwd, a.out), { recursive: true });
  for (const p of planned) writeFileSync(p.path, p.bytes, { flag: 'wx' });
  const notExported = stderr.filter((l) => l.includes(': not exported: ')).length;
  const lines = planned.map(
    (p) => `  ${toPosix(relative(a.cwd, p.path))}: ${p.count} question${p.count === 1 ? '' : 's'}`,
  );
  return {
    stdout: `Exported ${planned.length} quiz${planned.length === 1 ? '' : 'zes'} to ${a.to}:\n${lines.join('\n')}\n${
      notExported
        ? `${notExported} question${notExported === 1 ? '' : 's'} not exported (listed above, each with its line and why).\n`
        : ''
    }`,
    stderr: stderr.map((l) => `${l}\n`).join(''),
    exitCode: notExported ? 1 : 0,
  };
}
