export interface ChangedFile {
  filename: string;
  status: string;
  /** For a rename: where the file was before. */
  previous?: string;
}

export interface PullPlan {
  /** Answer sheets to grade: submissions/<author>/<checkpoint>.md, added or changed. */
  sheets: { path: string; checkpoint: string }[];
  /** Why the pull request as a whole gets no grade; empty when it may be graded. */
  refusals: string[];
}

const posixJoin = (a: string, b: string) =>
  a === '' || a === '.' ? b : `${a.replace(/\/+$/, '')}/${b}`;

/**
 * Decide what a checkpoint pull request may contain: only the author's own answer sheets.
 * Anything touching the curricula (quizzes, keys, config) or another learner's folder
 * makes the whole PR ungradable, so a PR can never change what it is graded against.
 * The folder must be spelled exactly as the login: `ANA/` and `ana/` are different paths in
 * git, and accepting both would let one pull request be graded once per spelling.
 */
export function classifyPull(
  files: ChangedFile[],
  author: string,
  submissionsDir: string,
  curriculaDir: string,
): PullPlan {
  const plan: PullPlan = { sheets: [], refusals: [] };
  const subs = posixJoin(submissionsDir, '');
  const curricula = posixJoin(curriculaDir, '');
  const mine = `${subs}${author}/`;
  for (const f of files) {
    const name = f.filename;
    // A rename takes a file away from where it was: that place must be the author's own too.
    if (f.previous && !f.previous.startsWith(mine)) {
      plan.refusals.push(
        `Expected changes only under your own folder ${mine}; found ${name} moved from ${f.previous}. Submitted work stays where it was; add your own sheet instead.`,
      );
      continue;
    }
    if (curricula !== '' && (name.startsWith(curricula) || name === curricula.replace(/\/$/, ''))) {
      plan.refusals.push(
        `Expected a checkpoint pull request to change only your answer sheets; found a change to ${name}. Open curricula changes in a separate pull request.`,
      );
    } else if (/(^|\/)enablekit\.yml$|\.key(\.enc)?\.ya?ml$|\.key$/.test(name)) {
      plan.refusals.push(
        `Expected no change to configuration or answer keys; found ${name}. Remove it from this pull request.`,
      );
    } else if (name.startsWith(subs)) {
      if (name.startsWith(mine)) {
        const rest = name.slice(mine.length);
        const m = /^([a-z0-9][a-z0-9-]*)\.md$/.exec(rest);
        if (f.status === 'removed')
          plan.refusals.push(
            `Expected answer sheets to be added or changed; found ${name} removed. Restore it: submitted work is never deleted.`,
          );
        else if (m && plan.sheets.some((s) => s.checkpoint === m[1]))
          plan.refusals.push(
            `Expected one answer sheet per checkpoint in a pull request; found ${name} a second time for "${m[1]}". Remove the copy.`,
          );
        else if (m) plan.sheets.push({ path: name, checkpoint: m[1]! });
        else
          plan.refusals.push(
            `Expected answer sheets at ${mine}<checkpoint-id>.md; found ${name}. Move it there.`,
          );
      } else if (name.toLowerCase().startsWith(mine.toLowerCase())) {
        plan.refusals.push(
          `Expected your folder spelled exactly as your login, ${mine}; found ${name}. Move the sheet to ${mine}${name.slice(mine.length)} and remove the other spelling.`,
        );
      } else {
        const other = name.slice(subs.length).split('/')[0];
        plan.refusals.push(
          `Expected changes only under your own folder ${mine}; found ${name}, in ${other}'s folder. A learner submits only their own answers.`,
        );
      }
    } else {
      plan.refusals.push(
        `Expected a checkpoint pull request to change only answer sheets under ${subs}; found ${name}. Remove it from this pull request.`,
      );
    }
  }
  if (plan.sheets.length === 0 && plan.refusals.length === 0)
    plan.refusals.push(
      `Expected an answer sheet under ${mine}; found none. Add submissions/${author}/<checkpoint-id>.md.`,
    );
  return plan;
}
