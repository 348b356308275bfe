import type { Quiz } from '../model.js';
import { parseFile } from '../parse/parse-file.js';
import { inForm, textForm, toLf } from '../text/line-endings.js';
import { openPayload, sealPayload } from './key-file.js';
import { quizShape, sealQuiz, type RandomSource } from './quiz-key.js';
import { applyKey } from './apply-key.js';
import { sealedLeak } from './sealed-leaks.js';

/** The key file beside a quiz: `triage-quiz.md` → `triage-quiz.key.yml`, as `key:` names it (relative to the quiz). */
export const keyFileName = (quizFile: string) =>
  `${quizFile.split('/').pop()!.replace(/\.md$/i, '')}.key.yml`;

/** Where a sealed quiz's key file is, from the quiz's path and its `key:`. */
export const keyFilePath = (quizFile: string, key: string) =>
  quizFile.includes('/') ? `${quizFile.slice(0, quizFile.lastIndexOf('/') + 1)}${key}` : key;

export type Sealed =
  | { ok: true; sealedText: string; keyFile: string; keyText: string }
  | { ok: false; line: number; message: string };

/**
 * Seal a quiz: its text without answers, and the encrypted key file to write beside it.
 * `random` is for tests that must compare two seals; the default is the platform's CSPRNG.
 */
export function seal(file: string, source: string, secret: string, random?: RandomSource): Sealed {
  // Sealed as LF, so the key opens alike in a CRLF and an LF checkout; both files are written in the quiz's own form.
  const form = textForm(source);
  const text = toLf(source);
  const item = parseFile(file, text).model.item;
  if (item?.type !== 'quiz')
    return {
      ok: false,
      line: 1,
      message: `Expected a quiz to seal; found ${item ? `a ${item.type}` : 'no item'}. Name quiz files only.`,
    };
  const keyFile = keyFileName(file);
  const r = sealQuiz(item, text, keyFile, random);
  if (!r.ok) return r;
  const sealedModel = parseFile(file, r.sealedText).model.item as Quiz;
  const leak = sealedLeak(sealedModel);
  // Lines of the sealed text are not the author's: point at the question in the author's file.
  if (leak)
    return {
      ok: false,
      line: item.questions.find((q) => (q.id ?? q.prompt) === leak.question)?.span.start.line ?? 1,
      message: leak.message,
    };
  const keyText = sealPayload({ key: r.key, shape: quizShape(sealedModel), source: text }, secret);
  return {
    ok: true,
    sealedText: inForm(r.sealedText, form),
    keyFile,
    keyText: inForm(keyText, { eol: form.eol, bom: false }),
  };
}

export type Opened =
  | { ok: true; quiz: Quiz; source: string }
  | { ok: false; reason: 'tampered' | 'malformed' | 'changed'; message: string };

/**
 * Open a sealed quiz's key: the quiz with its answers merged in (for lint and grading)
 * and the author's source (for unsealing). A key made for other questions or choices
 * than the quiz has now is refused: its letters would point at the wrong choices.
 */
export function openSealed(quiz: Quiz, keyText: string, secret: string): Opened {
  const r = openPayload(keyText, secret, quiz.id);
  if (!r.ok) return r;
  if (quizShape(quiz) !== r.payload.shape) {
    return {
      ok: false,
      reason: 'changed',
      message: `Expected "${quiz.id}" as it was when sealed; found its questions or choices changed since, so the key's letters no longer match. Run "enablekit unseal" on the sealed version, make the change there, and seal again.`,
    };
  }
  // The source is LF (a key sealed before CRLF was read as LF may hold CRLF): unsealing writes it in the sealed file's form.
  return { ok: true, quiz: applyKey(quiz, r.payload.key), source: toLf(r.payload.source) };
}

/** The author's source as an unsealed file is written: in the form (line ending, BOM) the sealed file has in this checkout. */
export function unsealedFile(source: string, sealedText: string): string {
  return inForm(toLf(source), textForm(sealedText));
}

/** Re-encrypt a key file under a new secret, unchanged inside. */
export function rotate(
  quiz: Quiz,
  keyText: string,
  oldSecret: string,
  newSecret: string,
): { ok: true; keyText: string } | { ok: false; message: string } {
  const r = openPayload(keyText, oldSecret, quiz.id);
  if (!r.ok) return r;
  const form = textForm(keyText);
  return { ok: true, keyText: inForm(sealPayload(r.payload, newSecret), form) };
}

/** The author's text of a sealed quiz file, given its key file's text: what the editor shows them. */
export function unsealText(
  file: string,
  sealedText: string,
  keyText: string,
  secret: string,
): { ok: true; source: string } | { ok: false; message: string } {
  const item = parseFile(file, sealedText).model.item;
  if (item?.type !== 'quiz' || !item.key)
    return {
      ok: false,
      message: `Expected a sealed quiz (with key:) at ${file}; found none. Open it as a normal file.`,
    };
  const r = openSealed(item, keyText, secret);
  return r.ok ? { ok: true, source: unsealedFile(r.source, sealedText) } : r;
}
