import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalGitHub } from './github-api/server.js';
import { Octokit } from 'octokit';
import { plainGitError, plainGitHubError } from '../extension/src/plain-errors.js';

/** What a learner reads must never be the raw error: no codes, no stack, no "fatal:". */
const RAW =
  /ECONN|ENOTFOUND|EAI_AGAIN|bad port|fetch failed|fatal:|Failed to execute git|at \w+ \(/;

/**
 * A real failed request of a client made as the extension makes its own (extension/src/github.ts:
 * octokit, one retry), and its error. (That file is bundled for VS Code, and loads as CommonJS.)
 */
async function failedPr(baseUrl: string, repository = 'acme/training'): Promise<unknown> {
  const [owner = '', repo = ''] = repository.split('/');
  const gh = new Octokit({ auth: 'ghp_test', baseUrl, retry: { retries: 1 } });
  try {
    await gh.rest.pulls.list({ owner, repo, head: `${owner}:enablekit/ana/quiz`, state: 'open' });
  } catch (e) {
    return e;
  }
  throw new Error('Expected the request to fail; it succeeded.');
}

/** A real failed git command, as the Git extension reports it (a GitError carrying git's stderr). */
function failedGit(cwd: string, ...args: string[]): { stderr: string; message: string } {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  assert.notEqual(r.status, 0, `git ${args.join(' ')} should fail`);
  return { stderr: r.stderr, message: 'Failed to execute git' };
}

const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe("the extension's errors in plain words (issue #20, item 1)", () => {
  describe('GitHub, through the real client', () => {
    let gh: LocalGitHub;
    before(async () => {
      gh = new LocalGitHub();
      await gh.start();
      gh.state.repo('acme', 'training');
    });
    after(() => gh.stop());

    const cases: [string, () => Promise<[unknown, string]>, RegExp][] = [
      [
        'a port fetch refuses ("bad port")',
        async () => [await failedPr('http://127.0.0.1:9'), 'http://127.0.0.1:9'],
        /^GitHub \(127\.0\.0\.1:9\) could not be reached: its address uses a port that web requests may not use \(check enablekit\.githubApiUrl\)$/,
      ],
      [
        'nothing listening',
        async () => {
          const url = `http://127.0.0.1:${await closedPort()}`;
          return [await failedPr(url), url];
        },
        /^GitHub \(127\.0\.0\.1:\d+\) could not be reached: the connection was refused$/,
      ],
      [
        'a host that does not resolve',
        async () => [
          await failedPr('http://enablekit-no-such-host.invalid'),
          'http://enablekit-no-such-host.invalid',
        ],
        /could not be reached: its host name was not found \(are you offline\?\)$/,
      ],
      [
        'a connection closed without an answer',
        async () => {
          gh.fault({ status: 500, times: 2, drop: true }); // the request and its one retry
          return [await failedPr(gh.url), gh.url];
        },
        /could not be reached: the connection broke off$/,
      ],
      [
        'a repository the account cannot see',
        async () => [await failedPr(gh.url, 'acme/secret'), gh.url],
        /^GitHub found no repository acme\/secret that your account can see/,
      ],
      [
        'a server error',
        async () => {
          gh.fault({ status: 502, times: 2 });
          return [await failedPr(gh.url), gh.url];
        },
        /^GitHub had an error \(HTTP 502\); try again in a minute$/,
      ],
    ];
    for (const [what, fail, said] of cases)
      it(what, async () => {
        const [e, url] = await fail();
        const text = plainGitHubError(
          e,
          url,
          what.includes('repository') ? 'acme/secret' : 'acme/training',
        );
        assert.match(text, said);
        assert.doesNotMatch(text, RAW);
      });
  });

  describe('git, from its own messages', () => {
    const repo = () => {
      const dir = mkdtempSync(join(tmpdir(), 'enablekit-plain-git-'));
      spawnSync('git', ['init', '-q', '-b', 'main', dir]);
      return dir;
    };
    const committed = (text = 'a\n') => {
      const dir = repo();
      writeFileSync(join(dir, 'a.md'), text);
      spawnSync('git', ['add', 'a.md'], { cwd: dir });
      spawnSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@x', 'commit', '-qm', 'a'], {
        cwd: dir,
      });
      return dir;
    };

    it('a remote nothing answers at', () => {
      const said = plainGitError(
        failedGit(committed(), 'push', 'http://127.0.0.1:9/remote.git', 'main'),
        'origin',
      );
      assert.equal(
        said,
        'the remote "origin" could not be reached: nothing answered there (are you offline?)',
      );
    });
    it('a remote that is not a repository', () => {
      const said = plainGitError(
        failedGit(committed(), 'push', '/nonexistent/remote.git', 'main'),
        'origin',
      );
      assert.equal(said, 'no repository was found at the remote "origin"');
    });
    it('a remote with newer commits', () => {
      const remote = mkdtempSync(join(tmpdir(), 'enablekit-plain-remote-'));
      spawnSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
      spawnSync('git', ['push', '-q', remote, 'main'], { cwd: committed() });
      const said = plainGitError(failedGit(committed('b\n'), 'push', remote, 'main'), 'origin');
      assert.equal(said, 'the remote "origin" has newer commits on this branch than yours');
    });
    it('a commit git cannot sign with a name', () => {
      const dir = repo();
      writeFileSync(join(dir, 'a.md'), 'a\n');
      spawnSync('git', ['add', 'a.md'], { cwd: dir });
      const e = failedGit(dir, '-c', 'user.useConfigOnly=true', 'commit', '-qm', 'a');
      assert.match(plainGitError(e), /^git does not know your name and email yet/);
    });
    it("anything else: git's one line, quoted, without its prefix", () => {
      const said = plainGitError(failedGit(committed(), 'checkout', 'no-such-branch'));
      assert.match(said, /^git said: "pathspec 'no-such-branch' did not match/);
      assert.doesNotMatch(said, RAW);
    });
  });
});
