import type { Reflection } from '../model.js';
import { parseReflectionBody } from '../parse/reflection-body.js';
import type { SheetBody } from './read-answer-sheet.js';

export interface ReflectionCheck {
  complete: boolean;
  /** What is still missing, each saying what to do. */
  missing: string[];
  words: number[];
}

const wordsIn = (s: string) => (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;

/**
 * A reflection counts as complete when the read check is ticked and every prompt has an
 * answer of at least min_words words.
 */
export function checkReflection(sheet: SheetBody, reflection: Reflection): ReflectionCheck {
  const sheetText = sheet.text;
  const body = parseReflectionBody(sheet.tree, sheet.lines);
  const missing: string[] = [];
  const readTicked = /^\s*[-*+] \[[xX]\]/m.test(
    sheetText.slice(body.readCheck?.span.start.offset ?? 0, body.readCheck?.span.end.offset ?? 0),
  );
  if (reflection.readCheck && !readTicked)
    missing.push(
      `Expected the read check ("${reflection.readCheck.text}") ticked; found it empty. Tick it with [x] once you have read the lesson.`,
    );
  const min = reflection.minWords ?? 1;
  const words = reflection.prompts.map((_, i) => wordsIn(body.answers[i]?.text ?? ''));
  words.forEach((n, i) => {
    if (n < min)
      missing.push(
        `Expected at least ${min} word${min === 1 ? '' : 's'} under prompt ${i + 1}; found ${n}. Say more: what you will do and why.`,
      );
  });
  return { complete: missing.length === 0, missing, words };
}
