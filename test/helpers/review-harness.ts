import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readRecords } from '../../core/progress/ledger.js';
import { LocalGitHub } from '../github-api/server.js';
import { ROOT } from './cli.js';
import { issueCommentEvent, pullRequestEvent, runAction, workspaceWith } from './run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'review-curricula');
const sheet = (learner: string, checkpoint: string, body: string) =>
  `---\ntype: answer-sheet\ncheckpoint: ${checkpoint}\nlearner: ${learner}\n---\n\n${body}`;
export const MOCK = (learner: string, id: string) =>
  sheet(
    learner,
    id,
    `# Mock: submission\n\n## Transcript\n\nDana: nobody can log in.\nMe: that stops your whole team; let us fix it together.\n`,
  );
export const REFLECTION = (learner: string, words: string) =>
  sheet(
    learner,
    'basics-reflection',
    `# Basics reflection\n\n- [x] I have read "Basics" to the end\n\n## Your reflection\n\n### 1. Share a triage strategy\n\n${words}\n`,
  );

/**
 * The review fixture's repository on a local GitHub API, fresh for each test, and the moves
 * of a review: submit a sheet, open its pull request, comment, tick rubric criteria. Called
 * inside a describe: it registers the hooks that start and stop the server around each test.
 */
export function reviewHarness() {
  let gh: LocalGitHub;
  let workspace: string;
  let nextId = 9000;
  const repo = () => gh.state.repo('acme', 'training');
  const progressIssue = (login: string) =>
    [...repo().issues.values()].find(
      (i) => !i.isPull && i.body.includes(`<!-- enablekit:progress learner=${login} -->`),
    );
  const recordsOf = (login: string) =>
    repo()
      .comments.filter((c) => c.issue === progressIssue(login)?.number)
      .flatMap((c) => readRecords(c.body));
  const commentsOn = (n: number) => repo().comments.filter((c) => c.issue === n);
  const gradeComment = (n: number) =>
    commentsOn(n).find((c) => c.body.includes('<!-- enablekit:grade -->'))!;

  const submit = (
    number: number,
    author: string,
    checkpoint: string,
    text: string,
    sha: string,
  ) => {
    repo().setFiles(sha, { [`submissions/${author}/${checkpoint}.md`]: text });
    const existing = repo().pulls.get(number);
    if (existing) {
      existing.head.sha = sha;
      return existing;
    }
    return repo().addPull({
      number,
      author,
      title: `${checkpoint} by ${author}`,
      head: { ref: `${author}/${checkpoint}`, sha },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: `submissions/${author}/${checkpoint}.md`, status: 'added' }],
    });
  };
  const opened = (
    p: { number: number; author: string; head: { sha: string } },
    action = 'opened',
  ) =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent(action, {
        number: p.number,
        author: p.author,
        headSha: p.head.sha,
        labels: repo().issues.get(p.number)!.labels,
      }),
    });
  const comment = (issue: number, author: string, body: string, id = nextId++) => {
    const i = repo().issues.get(issue)!;
    repo().comments.push({
      id,
      issue,
      author,
      body,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    });
    return runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'issue_comment',
      payload: issueCommentEvent({
        id,
        author,
        body,
        issue,
        isPull: i.isPull,
        issueBody: i.body,
        issueLabels: i.labels,
        issueAuthor: i.author,
      }),
    });
  };
  /** A reviewer ticks criteria in the rubric checklist the Action posted. */
  const tick = (pr: number, ...criteria: string[]) => {
    const list = commentsOn(pr).find((c) => c.body.includes('<!-- enablekit:rubric'))!;
    for (const id of criteria)
      list.body = list.body.replace(
        new RegExp(`- \\[ \\] (.*<!-- criterion:${id} -->)`),
        '- [x] $1',
      );
  };

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
    gh.state.teams.set('acme/trainers', ['tom']);
    repo();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  return {
    get gh() {
      return gh;
    },
    get workspace() {
      return workspace;
    },
    get nextId() {
      return nextId;
    },
    repo,
    progressIssue,
    recordsOf,
    commentsOn,
    gradeComment,
    submit,
    opened,
    comment,
    tick,
  };
}
