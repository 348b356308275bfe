/**
 * Git's and the network's errors in plain words. A learner who sees "bad port" or
 * "Failed to execute git" cannot tell whether their answers are safe or what to do; these
 * say what happened in a sentence the messages can carry on from.
 */

/** Why a connection failed, from Node's or undici's error codes and messages. */
function connectionReason(text: string): string | undefined {
  if (/bad port/i.test(text))
    return 'its address uses a port that web requests may not use (check enablekit.githubApiUrl)';
  if (/ECONNREFUSED|Connection refused/i.test(text)) return 'the connection was refused';
  if (/Failed to connect|Couldn't connect to server/i.test(text))
    return 'nothing answered there (are you offline?)';
  if (/ENOTFOUND|EAI_AGAIN|Could not resolve host|getaddrinfo/i.test(text))
    return 'its host name was not found (are you offline?)';
  if (/ETIMEDOUT|timed out|UND_ERR_CONNECT_TIMEOUT/i.test(text)) return 'the connection timed out';
  if (/ENETUNREACH|EHOSTUNREACH|Network is unreachable/i.test(text))
    return 'the network is unreachable (are you offline?)';
  if (/ECONNRESET|socket hang up|fetch failed|other side closed|SSL|certificate/i.test(text))
    return 'the connection broke off';
  return undefined;
}

/** The first line of what git wrote, without its "fatal:"/"error:" prefix, for what no rule below knows. */
function firstLine(text: string): string {
  const line =
    text
      .split(/\r?\n/)
      .map((l) => l.replace(/^(fatal|error|remote|hint):\s*/i, '').trim())
      .find(Boolean) ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/**
 * A failed git command (the built-in Git extension's GitError carries git's stderr),
 * completing "could not <do what> because …".
 */
export function plainGitError(e: unknown, remote?: string): string {
  const err = e as { stderr?: string; message?: string; gitErrorCode?: string };
  const text = `${err.stderr ?? ''}\n${err.message ?? ''}`;
  const at = remote ? `the remote "${remote}"` : 'the remote';
  const reason = connectionReason(text);
  if (reason) return `${at} could not be reached: ${reason}`;
  if (/Authentication failed|could not read Username|terminal prompts disabled/i.test(text))
    return `git has no credentials for ${at} (sign in to GitHub in a terminal with "gh auth login", or set up a credential helper)`;
  if (/Permission denied|returned error: 403|access denied/i.test(text))
    return `${at} refused access to your account`;
  if (/\[rejected\]|non-fast-forward|fetch first/i.test(text))
    return `${at} has newer commits on this branch than yours`;
  if (/does not appear to be a git repository|repository .* not found/i.test(text))
    return `no repository was found at ${at}`;
  if (/Please tell me who you are|user\.email|empty ident/i.test(text))
    return 'git does not know your name and email yet (run git config --global user.name "Your Name" and git config --global user.email you@example.com)';
  if (/index\.lock|Another git process/i.test(text))
    return 'another git command is running in this repository (wait for it, or delete .git/index.lock if none is)';
  const said = firstLine(err.stderr ?? '');
  return said ? `git said: "${said}"` : `git failed (${err.gitErrorCode ?? 'no reason given'})`;
}

/**
 * A failed GitHub request (octokit's RequestError: a status, and for a network failure
 * status 500 with the socket's message), completing "could not <do what> because …".
 */
export function plainGitHubError(e: unknown, apiUrl: string, repository: string): string {
  const err = e as {
    status?: number;
    message?: string;
    cause?: { message?: string; code?: string; cause?: { message?: string; code?: string } };
  };
  let host = apiUrl;
  try {
    host = new URL(apiUrl).host;
  } catch {
    /* the setting holds no URL: say it as it is */
  }
  const text = [
    err.message,
    err.cause?.message,
    err.cause?.code,
    err.cause?.cause?.message,
    err.cause?.cause?.code,
  ].join(' ');
  const reason = connectionReason(text);
  if (reason || err.status === undefined)
    return `GitHub (${host}) could not be reached: ${reason ?? 'the connection failed'}`;
  if (err.status === 401)
    return 'GitHub did not accept your token (it may have expired or been revoked); run "enablekit: Set GitHub token" with a new one, or sign in again';
  if (err.status === 403)
    return /rate limit/i.test(err.message ?? '')
      ? 'GitHub asked to slow down (rate limit); wait a minute'
      : `GitHub refused: your account or token may not open pull requests in ${repository} (a token needs the repo scope)`;
  if (err.status === 404)
    return `GitHub found no repository ${repository} that your account can see (check enablekit.repository and your access)`;
  if (err.status === 422)
    return `GitHub refused the pull request (${firstLine(err.message ?? '')})`;
  if (err.status >= 500) return `GitHub had an error (HTTP ${err.status}); try again in a minute`;
  return `GitHub answered HTTP ${err.status} (${firstLine(err.message ?? '')})`;
}
