import type { ProgressRecord } from '../../core/progress/records.js';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { githubApiUrl, githubRepository } from './github-session.js';
import type { GitHubToken } from './github-token.js';
import { plainGitHubError } from './plain-errors.js';

/**
 * Every learner's records, read from the repository's progress issues (as `enablekit progress
 * --repo` reads them) for what authors look at: item analysis, survey results. What went
 * wrong comes back as a sentence to show instead.
 */
export async function readCohortRecords(
  ws: CurriculaWorkspace,
  token: GitHubToken,
): Promise<{ records: ProgressRecord[] } | { problem: string }> {
  await ws.ready;
  if (!ws.lintSession) return { problem: 'open a folder with an enablekit.yml first.' };
  const repository = await githubRepository(ws.root);
  if (!repository)
    return { problem: 'this folder has no GitHub remote. Set enablekit.repository to owner/name.' };
  const auth = await token.get(true);
  if ('problem' in auth) return { problem: `could not read the progress issues: ${auth.problem}.` };
  const engine = ws.engine();
  const records: ProgressRecord[] = [];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const github = require('./github.js') as typeof import('./github.js');
    const byLogin = await github.cohortComments(
      { baseUrl: githubApiUrl(), token: auth.token, repository },
      engine,
    );
    // Only the Action's own, unedited records count, as everywhere else.
    for (const [login, comments] of byLogin)
      records.push(...engine.readLedger(comments, login).records);
  } catch (e) {
    return {
      problem: `could not read the progress issues of ${repository}: ${plainGitHubError(e, githubApiUrl(), repository)}.`,
    };
  }
  return { records };
}
