import type { Config } from '../config/config.js';
import type { AppraisalRole } from '../progress/records.js';
import { toLf } from '../text/line-endings.js';

export type AppraiseCommand =
  { as: AppraisalRole; track: string; notes: string } | { error: string };

/**
 * Read `/appraise <self|trainer|manager> <track-id>` on a comment's first line, with the
 * appraisal as the rest of the comment. Anything else starting with /appraise is an error
 * to answer; any other comment is not a command (undefined).
 */
export function parseAppraiseCommand(body: string): AppraiseCommand | undefined {
  const text = toLf(body).trim();
  const first = text.split('\n')[0]!.trim();
  if (!/^\/appraise\b/i.test(first)) return undefined;
  const m = /^\/appraise[ \t]+(self|trainer|manager)[ \t]+([a-z0-9][a-z0-9-]*)[ \t]*(.*)$/i.exec(
    first,
  );
  if (!m)
    return {
      error: `Expected "/appraise self|trainer|manager <track-id>" on the first line, with the appraisal after it; found "${first.slice(0, 60)}". Write the command again.`,
    };
  const notes = [m[3]!, ...text.split('\n').slice(1)].join('\n').trim();
  if (!notes)
    return {
      error:
        'Expected an appraisal after the command (on the same line or below it); found none. Write what went well and what to work on.',
    };
  return { as: m[1]!.toLowerCase() as AppraisalRole, track: m[2]!, notes };
}

/** Who may write an appraisal in each capacity: the learner about themselves, their roles' reviewers as trainers, their roles' managers. */
export function mayAppraise(
  as: AppraisalRole,
  who: { login: string; teams: string[] },
  learner: string,
  learnerRoles: string[],
  config: Config,
): boolean {
  const login = who.login.toLowerCase();
  if (as === 'self') return login === learner.toLowerCase();
  if (login === learner.toLowerCase()) return false;
  const named = learnerRoles.flatMap(
    (id) =>
      (as === 'trainer' ? config.roles.get(id)?.reviewers : config.roles.get(id)?.managers) ?? [],
  );
  return named.some(
    (n) =>
      n.replace(/^@/, '').toLowerCase() === login ||
      who.teams.some((t) => t.toLowerCase() === n.toLowerCase()),
  );
}
