import { toLf } from '../text/line-endings.js';

export type GradeCommand = { verdict: 'pass' | 'fail'; notes: string } | { error: string };

/**
 * Read a reviewer's `/grade pass` or `/grade fail` comment, strictly: the command must be
 * the comment's first line, alone or followed by notes; anything else that starts with
 * /grade is an error to answer, and any other comment is not a command (undefined).
 */
export function parseGradeCommand(body: string): GradeCommand | undefined {
  const text = toLf(body).trim();
  const first = text.split('\n')[0]!.trim();
  if (!/^\/grade\b/i.test(first)) return undefined;
  const m = /^\/grade[ \t]+(pass|fail)\b[ \t]*(.*)$/i.exec(first);
  if (!m)
    return {
      error: `Expected "/grade pass" or "/grade fail" on the first line, with notes after it; found "${first.slice(0, 60)}". Write the command again.`,
    };
  const notes = [m[2]!, ...text.split('\n').slice(1)].join('\n').trim();
  return { verdict: m[1]!.toLowerCase() as 'pass' | 'fail', notes };
}
