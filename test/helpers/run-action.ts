import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

const require = createRequire(import.meta.url);

/** A webhook payload from @octokit/webhooks-examples, adapted to our repo and pull request. */
export function pullRequestEvent(
  action: string,
  pr: { number: number; author: string; headSha: string; baseSha?: string; labels?: string[] },
  repo = 'acme/training',
) {
  const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
    name: string;
    examples: Record<string, any>[];
  }[];
  const base = structuredClone(
    examples.find((e) => e.name === 'pull_request')!.examples.find((e) => e.action === 'opened')!,
  );
  const [owner, name] = repo.split('/');
  base.action = action;
  base.number = pr.number;
  base.pull_request.number = pr.number;
  base.pull_request.user.login = pr.author;
  base.pull_request.head.sha = pr.headSha;
  base.pull_request.base.sha = pr.baseSha ?? 'base-sha';
  base.pull_request.labels = (pr.labels ?? []).map((l) => ({ name: l }));
  base.repository.full_name = repo;
  base.repository.name = name;
  base.repository.owner.login = owner;
  return base;
}

const example = (name: string, action: string) => {
  const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
    name: string;
    examples: Record<string, any>[];
  }[];
  return structuredClone(
    examples.find((e) => e.name === name)!.examples.find((e) => e.action === action)!,
  );
};

function ourRepo(event: Record<string, any>, repo: string) {
  const [owner, name] = repo.split('/');
  event.repository.full_name = repo;
  event.repository.name = name;
  event.repository.owner.login = owner;
  return event;
}

/** An issue_comment (created) webhook from @octokit/webhooks-examples, on a pull request or an issue of ours. */
export function issueCommentEvent(
  c: {
    id: number;
    author: string;
    body: string;
    issue: number;
    isPull: boolean;
    issueBody?: string;
    issueLabels?: string[];
    issueAuthor?: string;
    action?: string;
  },
  repo = 'acme/training',
) {
  const e = example('issue_comment', 'created');
  e.action = c.action ?? 'created';
  e.comment.id = c.id;
  e.comment.body = c.body;
  e.comment.user.login = c.author;
  e.comment.user.type = c.author.endsWith('[bot]') ? 'Bot' : 'User';
  e.comment.created_at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  e.issue.number = c.issue;
  e.issue.body = c.issueBody ?? '';
  e.issue.labels = (c.issueLabels ?? []).map((name) => ({ name }));
  e.issue.user.login = c.issueAuthor ?? 'github-actions[bot]';
  e.issue.user.type = (c.issueAuthor ?? 'github-actions[bot]').endsWith('[bot]') ? 'Bot' : 'User';
  e.issue.user.id =
    e.issue.user.login === 'github-actions[bot]' ? 41898282 : e.issue.user.login.length * 7919;
  if (c.isPull)
    e.issue.pull_request = { url: `https://api.github.com/repos/${repo}/pulls/${c.issue}` };
  else delete e.issue.pull_request;
  return ourRepo(e, repo);
}

/** A release (published) webhook from @octokit/webhooks-examples, for our repository. */
export function releaseEvent(tag: string, body: string, repo = 'acme/training') {
  const e = example('release', 'published');
  e.release.tag_name = tag;
  e.release.body = body;
  e.repository.full_name = repo;
  return e;
}

/** A pull_request_review (submitted) webhook from @octokit/webhooks-examples. */
export function pullRequestReviewEvent(
  r: {
    id: number;
    reviewer: string;
    body: string;
    state?: string;
    pr: { number: number; author: string; headSha: string; labels?: string[] };
  },
  repo = 'acme/training',
) {
  const e = example('pull_request_review', 'submitted');
  e.review.id = r.id;
  e.review.body = r.body;
  e.review.state = r.state ?? 'commented';
  e.review.user.login = r.reviewer;
  e.review.submitted_at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const pr = pullRequestEvent('opened', r.pr, repo).pull_request;
  e.pull_request = pr;
  return ourRepo(e, repo);
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** The curricula the workflow checked out at the base branch. */
export function workspaceWith(curricula: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'enablekit-action-ws-'));
  cpSync(curricula, join(dir, 'curricula'), { recursive: true });
  return dir;
}

/** Run the committed bundle as GitHub does: node dist/action.js with the environment a runner sets. */
export function runAction(o: {
  apiUrl: string;
  workspace: string;
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}): Promise<ActionRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'enablekit-action-'));
  const eventPath = join(tmp, 'event.json');
  const outputPath = join(tmp, 'output');
  const summaryPath = join(tmp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs = Object.fromEntries(
    Object.entries({
      'github-token': 'ghs_test',
      curricula: 'curricula',
      submissions: 'submissions',
      'dry-run': 'false',
      ...o.inputs,
    }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  );
  const env = {
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/training',
    GITHUB_API_URL: o.apiUrl,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: tmp,
    ...inputs,
    ...o.env,
  };
  return new Promise((resolve) => {
    // test/action-node24.sh runs these tests again with the bundle on Node 24, as action.yml declares.
    const child = spawn(
      process.env.ENABLEKIT_ACTION_NODE ?? process.execPath,
      [join(ROOT, 'dist', 'action.js')],
      {
        env,
        cwd: o.workspace,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const outputs: Record<string, string> = {};
      const raw = readFileSync(outputPath, 'utf8');
      for (const m of raw.matchAll(/^(\w[\w-]*)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
      resolve({ code, stdout, stderr, outputs, summary: readFileSync(summaryPath, 'utf8') });
    });
  });
}
