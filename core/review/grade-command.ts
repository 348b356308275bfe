import { toLf } from '../text/line-endings.js';

/** A reviewer's mark on one open question of a quiz: the share of its credit, 0 to 1. */
export interface MarkCommand {
  question: string;
  share: number;
  notes: string;
}

export type GradeCommand =
  { verdict: 'pass' | 'fail'; notes: string } | MarkCommand | { error: string };

export const isMark = (c: GradeCommand): c is MarkCommand => 'question' in c;

const USAGE =
  '"/grade pass" or "/grade fail" (a mock), or "/grade <question-id> 75%" (an open question of a quiz), on the first line, with notes after it';

/**
 * Read a reviewer's `/grade pass`, `/grade fail` or `/grade <question-id> 75%` comment,
 * strictly: the command must be the comment's first line, alone or followed by notes; anything
 * else that starts with /grade is an error to answer, and any other comment is not a command
 * (undefined).
 */
export function parseGradeCommand(body: string): GradeCommand | undefined {
  const text = toLf(body).trim();
  const first = text.split('\n')[0]!.trim();
  if (!/^\/grade\b/i.test(first)) return undefined;
  const notesAfter = (rest: string) => [rest, ...text.split('\n').slice(1)].join('\n').trim();
  const m = /^\/grade[ \t]+(pass|fail)\b[ \t]*(.*)$/i.exec(first);
  if (m) return { verdict: m[1]!.toLowerCase() as 'pass' | 'fail', notes: notesAfter(m[2]!) };
  const mark = /^\/grade[ \t]+(\S+)[ \t]+(\d{1,3}(?:[.,]\d+)?)[ \t]*%(?:[ \t]+(.*))?$/i.exec(first);
  if (mark) {
    const share = Number(mark[2]!.replace(',', '.')) / 100;
    if (share > 1)
      return {
        error: `Expected a mark from 0% to 100% of the question's credit; found ${mark[2]}%. Write the command again.`,
      };
    return { question: mark[1]!, share, notes: notesAfter(mark[3] ?? '') };
  }
  return {
    error: `Expected ${USAGE}; found "${first.slice(0, 60)}". Write the command again.`,
  };
}
