import { resolve } from 'node:path';
import * as core from '@actions/core';
import { context as run } from '@actions/github';
import { writerNamed, writtenBy, type Writer } from '../core/progress/writer.js';

/** Everything the Action reads from its environment, read in this one place. */
export interface RunContext {
  eventName: string;
  action?: string;
  owner: string;
  repo: string;
  apiUrl: string;
  token: string;
  workspace: string;
  /** Where the scheduled run writes the full dashboard matrix (input dashboard-path, under the workspace). */
  dashboardDir: string;
  /** Where the scheduled run keeps what it read, for the next run (input state-path, under the workspace; carried by the Actions cache). */
  stateDir: string;
  curricula: string;
  submissions: string;
  dryRun: boolean;
  /** Record results in each learner's progress issue (and count attempts across pull requests from it). */
  progress: boolean;
  /** workflow_dispatch with progress: rebuild: recompute every progress body from its records. */
  rebuildProgress: boolean;
  /** The pull request from the event; absent for workflow_dispatch, which names only its number. */
  pull?: PullInfo;
  pullNumber?: number;
  /** Where links to files and commits point (GITHUB_SERVER_URL). */
  serverUrl: string;
  /** A product release to check the curricula against, from the event or the inputs. */
  release?: ReleaseInfo;
  /** For push: the branch pushed to, the commit, and the repository's default branch. */
  push?: { ref: string; sha: string; defaultBranch: string };
  freshness: FreshnessInputs;
  /** The secret sealed quizzes' keys open with (input answer-key, or ENABLEKIT_KEY). */
  answerKey?: string;
  /** The private key certificates are signed with (input certificate-key, a JWK), if any. */
  certificateKey?: string;
  /** The commit the workflow checked out (GITHUB_SHA): what a scheduled run's certificates were earned against. */
  sha: string;
  /** Who this run writes as: only what this identity wrote (records, grade comments, progress issues) is trusted. */
  writer: Writer;
  /** issue_comment: the comment and the issue or pull request it is on. */
  comment?: CommentInfo;
  /** pull_request_review: the review (the pull request is in `pull`). */
  review?: {
    id: number;
    body: string;
    author: string;
    authorIsBot: boolean;
    at: string;
    state: string;
  };
}

export interface CommentInfo {
  id: number;
  body: string;
  author: string;
  authorIsBot: boolean;
  at: string;
  issue: number;
  isPull: boolean;
  issueLabels: string[];
  issueBody: string;
  /** The issue was opened by the identity the Action writes as. */
  issueByEnablekit: boolean;
}

export interface ReleaseInfo {
  tag: string;
  notes: string;
  /** Feature ids named outright (dispatch payload or input). */
  features: string[];
  /** The release before it, when the sender knows it; otherwise found among the product's releases. */
  previous?: string;
  /** owner/name of the product repository, when the event says. */
  productRepository?: string;
}

export interface FreshnessInputs {
  productRepository?: string;
  featureSources: string[];
  operationsPerRun: number;
}

export interface PullInfo {
  number: number;
  author: string;
  headSha: string;
  baseSha: string;
  labels: string[];
  before?: string;
}

/** A field of an event payload by its path: whatever is missing or of another shape reads as undefined. */
const at = (v: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
    v,
  );
/** A payload scalar as text (workflow_dispatch inputs may be booleans or numbers); anything else as ''. */
const str = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const labelNames = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((l) => str(at(l, 'name'))) : [];

export function pullInfo(pr: unknown): PullInfo {
  return {
    number: Number(at(pr, 'number')),
    author: str(at(pr, 'user', 'login')),
    headSha: str(at(pr, 'head', 'sha')),
    baseSha: str(at(pr, 'base', 'sha')),
    labels: labelNames(at(pr, 'labels')),
  };
}

/** A push to a pull request (synchronize) names the head it replaced; a new branch's is all zeros. */
function replaced(event: unknown): { before?: string } {
  const before = at(event, 'action') === 'synchronize' ? str(at(event, 'before')) : '';
  return before && !/^0+$/.test(before) ? { before } : {};
}

export function readContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  // @actions/github has read the event's payload (GITHUB_EVENT_PATH), its name and the run's URLs.
  const event: unknown = run.payload;
  const input = (name: string): string => str(at(event, 'inputs', name)) || core.getInput(name);
  const dispatched = Number(input('pull-number'));
  const list = (v: unknown): string[] =>
    (Array.isArray(v) ? v.map((x) => str(x)) : typeof v === 'string' ? v.split(',') : [])
      .map((x) => x.trim())
      .filter(Boolean);
  const payload = at(event, 'client_payload');
  const fromPayload = (...names: string[]) =>
    names.map((n) => str(at(payload, n))).find(Boolean) ?? '';
  let release: ReleaseInfo | undefined;
  const explicit = list(input('features'));
  if (run.eventName === 'release' && at(event, 'release')) {
    release = {
      tag: str(at(event, 'release', 'tag_name')),
      notes: str(at(event, 'release', 'body')),
      features: explicit,
    };
  } else if (run.eventName === 'repository_dispatch') {
    const tag = fromPayload('release', 'tag', 'version');
    const previous = fromPayload('previous');
    const productRepository = fromPayload('repository');
    if (tag)
      release = {
        tag,
        notes: fromPayload('notes', 'body'),
        features: [...list(at(payload, 'features')), ...explicit],
        ...(previous ? { previous } : {}),
        ...(productRepository ? { productRepository } : {}),
      };
  } else if (input('release')) {
    release = { tag: input('release'), notes: input('notes'), features: explicit };
  }
  if (release && !release.previous && input('previous-release'))
    release.previous = input('previous-release');
  const budget = Number(input('operations-per-run') || 100);
  const answerKey = core.getInput('answer-key') || env.ENABLEKIT_KEY || '';
  const certificateKey = core.getInput('certificate-key') || env.ENABLEKIT_CERTIFICATE_KEY || '';
  // Masked before anything could print them.
  if (answerKey) core.setSecret(answerKey);
  if (certificateKey) core.setSecret(certificateKey);
  const writer = writerNamed(core.getInput('writer-login'));
  const action = str(at(event, 'action'));
  const comment = at(event, 'comment');
  const issue = at(event, 'issue');
  const review = at(event, 'review');
  return {
    writer,
    eventName: run.eventName ?? '',
    ...(action ? { action } : {}),
    owner,
    repo,
    apiUrl: run.apiUrl,
    token: core.getInput('github-token') || env.GITHUB_TOKEN || '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    dashboardDir: resolve(
      env.GITHUB_WORKSPACE ?? process.cwd(),
      core.getInput('dashboard-path') || '.enablekit/dashboard',
    ),
    stateDir: resolve(
      env.GITHUB_WORKSPACE ?? process.cwd(),
      core.getInput('state-path') || '.enablekit/state',
    ),
    curricula: core.getInput('curricula') || 'curricula',
    submissions: core.getInput('submissions') || 'submissions',
    dryRun: /^true$/i.test(core.getInput('dry-run')),
    progress: !/^false$/i.test(input('progress')),
    rebuildProgress: /^rebuild$/i.test(input('progress')),
    ...(at(event, 'pull_request')
      ? { pull: { ...pullInfo(at(event, 'pull_request')), ...replaced(event) } }
      : {}),
    ...(Number.isInteger(dispatched) && dispatched > 0 ? { pullNumber: dispatched } : {}),
    serverUrl: run.serverUrl,
    ...(answerKey ? { answerKey } : {}),
    ...(certificateKey ? { certificateKey } : {}),
    sha: run.sha ?? '',
    ...(release ? { release } : {}),
    ...(run.eventName === 'push'
      ? {
          push: {
            ref: str(at(event, 'ref')),
            sha: str(at(event, 'after')) || run.sha || '',
            defaultBranch: str(at(event, 'repository', 'default_branch')),
          },
        }
      : {}),
    ...(run.eventName === 'issue_comment' && comment && issue
      ? {
          comment: {
            id: Number(at(comment, 'id')),
            body: str(at(comment, 'body')),
            author: str(at(comment, 'user', 'login')),
            authorIsBot: at(comment, 'user', 'type') === 'Bot',
            at: str(at(comment, 'created_at')),
            issue: Number(at(issue, 'number')),
            isPull: !!at(issue, 'pull_request'),
            issueLabels: labelNames(at(issue, 'labels')),
            issueBody: str(at(issue, 'body')),
            issueByEnablekit: writtenBy(
              at(issue, 'user') as { login?: string; id?: number } | null | undefined,
              writer,
            ),
          },
        }
      : {}),
    ...(run.eventName === 'pull_request_review' && review
      ? {
          review: {
            id: Number(at(review, 'id')),
            body: str(at(review, 'body')),
            author: str(at(review, 'user', 'login')),
            authorIsBot: at(review, 'user', 'type') === 'Bot',
            at: str(at(review, 'submitted_at')),
            state: str(at(review, 'state')),
          },
        }
      : {}),
    freshness: {
      ...(input('product-repository') ? { productRepository: input('product-repository') } : {}),
      featureSources: list(input('feature-sources') || 'explicit,notes,pulls'),
      operationsPerRun: Number.isInteger(budget) && budget > 0 ? budget : 100,
    },
  };
}
