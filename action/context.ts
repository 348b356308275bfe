import { readFileSync } from 'node:fs';
import * as core from '@actions/core';

/** Everything the Action reads from its environment, read in this one place. */
export interface RunContext {
  eventName: string;
  action?: string;
  owner: string;
  repo: string;
  apiUrl: string;
  token: string;
  workspace: string;
  curricula: string;
  submissions: string;
  dryRun: boolean;
  /** The pull request from the event; absent for workflow_dispatch, which names only its number. */
  pull?: PullInfo;
  pullNumber?: number;
}

export interface PullInfo {
  number: number;
  author: string;
  headSha: string;
  baseSha: string;
  labels: string[];
}

type Json = Record<string, any>;

export function pullInfo(pr: Json): PullInfo {
  return { number: pr.number, author: pr.user?.login ?? '', headSha: pr.head?.sha ?? '', baseSha: pr.base?.sha ?? '', labels: (pr.labels ?? []).map((l: Json) => l.name) };
}

export function readContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const event = (env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {}) as Json;
  const dispatched = Number(event.inputs?.['pull-number'] ?? core.getInput('pull-number'));
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ...(event.action ? { action: event.action as string } : {}),
    owner,
    repo,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    token: core.getInput('github-token') || env.GITHUB_TOKEN || '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    curricula: core.getInput('curricula') || 'curricula',
    submissions: core.getInput('submissions') || 'submissions',
    dryRun: /^true$/i.test(core.getInput('dry-run')),
    ...(event.pull_request ? { pull: pullInfo(event.pull_request) } : {}),
    ...(Number.isInteger(dispatched) && dispatched > 0 ? { pullNumber: dispatched } : {}),
  };
}
