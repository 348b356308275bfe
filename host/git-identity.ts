import { execFileSync } from 'node:child_process';
import type { GitIdentity } from '../core/templates/owner-login.js';

/**
 * What `git config` says of its user in a folder (the repository's settings, then the
 * user's): core's loginFromGit reads a GitHub login out of it. No git, or no setting, is
 * an empty identity, never an error: the caller asks for --owner then.
 */
export function gitIdentity(cwd: string): GitIdentity {
  const get = (key: string): string | undefined => {
    try {
      const value = execFileSync('git', ['config', '--get', key], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 5000,
      }).trim();
      return value || undefined;
    } catch {
      return undefined;
    }
  };
  const githubUser = get('github.user');
  const email = get('user.email');
  const name = get('user.name');
  return {
    ...(githubUser ? { githubUser } : {}),
    ...(email ? { email } : {}),
    ...(name ? { name } : {}),
  };
}
