/**
 * Who the Action writes as. Records, grade comments, notices and progress issues are trusted
 * only when this identity wrote them: any account of type Bot (a GitHub App a learner
 * installs, say) can comment on an issue, so "a bot wrote it" proves nothing.
 */
export interface Writer {
  login: string;
  /** GitHub's account id, when known: a login can be renamed and taken, an id cannot. */
  id?: number;
}

/** The identity a workflow's GITHUB_TOKEN writes as, on github.com. */
export const ACTIONS_BOT: Writer = { login: 'github-actions[bot]', id: 41898282 };

/** The writer named by a login (the Action's writer-login input): its id is known only for github-actions[bot]. */
export function writerNamed(login: string | undefined): Writer {
  const l = (login ?? '').trim().replace(/^@/, '');
  return !l || l.toLowerCase() === ACTIONS_BOT.login ? ACTIONS_BOT : { login: l };
}

/** Whether a comment's or issue's author, as the REST API gives it, is the writer. */
export function writtenBy(
  user: { login?: string; id?: number } | null | undefined,
  w: Writer = ACTIONS_BOT,
): boolean {
  if (!user?.login || user.login.toLowerCase() !== w.login.toLowerCase()) return false;
  return w.id === undefined || user.id === undefined || user.id === w.id;
}
