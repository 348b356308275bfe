import common from '../../schemas/common.schema.json' with { type: 'json' };

const OWNER = new RegExp(common.definitions.owner.pattern);
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** Whether `owner` is what the schema takes as an owner: a GitHub login or org/team. */
export function isOwner(owner: string): boolean {
  return OWNER.test(owner);
}

/** What git knows of its user, as `git config` holds it. */
export interface GitIdentity {
  /** `github.user`, the convention GitHub's own tools read. */
  githubUser?: string;
  /** `user.email`. */
  email?: string;
  /** `user.name`. */
  name?: string;
}

/**
 * The GitHub login git's settings give away, to offer as a new item's owner: github.user,
 * else the login in a GitHub no-reply address (12345+login@users.noreply.github.com), else
 * user.name when it is written like a login. A display name ("Ana Support") is no login:
 * offering it would only write an owner that assigns stale issues to nobody.
 */
export function loginFromGit(git: GitIdentity): string | undefined {
  const noReply = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i.exec(
    git.email?.trim() ?? '',
  )?.[1];
  for (const candidate of [git.githubUser, noReply, git.name]) {
    const login = candidate?.trim();
    if (login && LOGIN.test(login)) return login;
  }
  return undefined;
}
