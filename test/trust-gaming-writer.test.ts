import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import {
  ledgerComment,
  progressIssuesOf,
  readLedger,
  recordComment,
} from '../core/progress/ledger.js';
import { ACTIONS_BOT, writerNamed, writtenBy } from '../core/progress/writer.js';
import type { ProgressRecord } from '../core/progress/records.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
const quiz = parseFile('basics-quiz.md', readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'))
  .model.item as Quiz;
const WRONG = (l: string) =>
  answerSheetText(quiz, l)
    .replace('- [ ] Tier 1', '- [x] Tier 1')
    .replace('Answer: ', 'Answer: trace id');
const forged = (learner: string, sha: string): ProgressRecord => ({
  learner,
  checkpoint: 'basics-quiz',
  kind: 'quiz',
  pr: 99,
  sha,
  at: '2020-01-01T00:00:00Z',
  passed: true,
  percent: 100,
  attempt: 1,
});

describe("only the Action's own identity is trusted, not any bot", () => {
  it('reads records and progress issues written by github-actions[bot] (by login and id), not by another bot', () => {
    const at = '2026-01-01T00:00:00Z';
    const body = recordComment([forged('ana', 'f')]);
    const ours = ledgerComment({
      id: 1,
      body,
      user: { login: 'github-actions[bot]', id: 41898282 },
      created_at: at,
      updated_at: at,
    });
    const other = ledgerComment({
      id: 2,
      body: recordComment([forged('ana', 'g')]),
      user: { login: 'evil-app[bot]', id: 5 },
      created_at: at,
      updated_at: at,
    });
    const impostor = ledgerComment({
      id: 3,
      body: recordComment([forged('ana', 'h')]),
      user: { login: 'github-actions[bot]', id: 7 },
      created_at: at,
      updated_at: at,
    });
    const ledger = readLedger([ours, other, impostor], 'ana');
    assert.deepEqual(
      ledger.records.map((r) => r.sha),
      ['f'],
    );
    assert.deepEqual(
      ledger.flagged.map((f) => [f.comment, f.why]),
      [
        [2, 'not-written-by-enablekit'],
        [3, 'not-written-by-enablekit'],
      ],
    );
    const marker = '<!-- enablekit:progress learner=ana -->';
    const issues = [
      { number: 1, body: marker, user: { login: 'evil-app[bot]', id: 5 } },
      { number: 2, body: marker, user: { login: 'github-actions[bot]', id: 41898282 } },
    ];
    assert.deepEqual(
      progressIssuesOf(issues, 'ana').map((i) => i.number),
      [2],
    );
    assert.deepEqual(
      progressIssuesOf(issues, 'ana', writerNamed('evil-app[bot]')).map((i) => i.number),
      [1],
      'unless the Action is told it writes as that app',
    );
    assert.equal(writtenBy({ login: 'GitHub-Actions[bot]', id: 41898282 }, ACTIONS_BOT), true);
  });
});

describe('the Action ignores records and issues forged by another bot (real bundle, local GitHub API)', function () {
  this.timeout(120_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const issuesOf = (login: string) =>
    [...repo().issues.values()].filter(
      (i) => !i.isPull && i.body.includes(`<!-- enablekit:progress learner=${login} -->`),
    );
  const pull = (number: number, author: string, sha: string) => {
    repo().setFiles(sha, { [`submissions/${author}/basics-quiz.md`]: WRONG(author) });
    return repo().addPull({
      number,
      author,
      title: 'Answers',
      head: { ref: `${author}/${number}`, sha },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: `submissions/${author}/basics-quiz.md`, status: 'added' }],
    });
  };
  const grade = (
    p: { number: number; author: string; head: { sha: string } },
    inputs?: Record<string, string>,
  ) =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', {
        number: p.number,
        author: p.author,
        headSha: p.head.sha,
      }),
      ...(inputs ? { inputs } : {}),
    });
  const ageRecords = () =>
    repo().comments.forEach(
      (c) => (c.body = c.body.replace(/"at":"[^"]+"/g, '"at":"2020-01-01T00:00:00Z"')),
    );
  const attemptOf = (r: { outputs: Record<string, string> }) =>
    JSON.parse(r.outputs.summary!).sheets[0].attempt as number;

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
    repo();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it("a passing record another bot appends to the learner's issue counts for nothing and is flagged", async () => {
    assert.equal((await grade(pull(10, 'ana', 'sha-1'))).code, 0);
    const [issue] = issuesOf('ana');
    const now = new Date().toISOString();
    repo().comments.push({
      id: 7001,
      issue: issue!.number,
      author: 'evil-app[bot]',
      body: recordComment([forged('ana', 'forged')]),
      created_at: now,
      updated_at: now,
    });
    ageRecords();
    const r = await grade(pull(30, 'ana', 'sha-2'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(attemptOf(r), 2, 'the forged pass neither counts as an attempt nor as a pass');
    assert.match(issuesOf('ana')[0]!.body, /not written by enablekit/);
    assert.doesNotMatch(issuesOf('ana')[0]!.body, /✅ passed/);
  });

  it("a progress issue another bot opened with the learner's marker is not the learner's ledger", async () => {
    const fake = repo().addIssue(
      'Training progress: @ana',
      '<!-- enablekit:progress learner=ana -->',
      'evil-app[bot]',
      ['enablekit:progress'],
    );
    const now = new Date().toISOString();
    for (let k = 0; k < 3; k++)
      repo().comments.push({
        id: 7100 + k,
        issue: fake.number,
        author: 'evil-app[bot]',
        body: recordComment([{ ...forged('ana', `old-${k}`), passed: false, percent: 0 }]),
        created_at: now,
        updated_at: now,
      });
    const r = await grade(pull(12, 'ana', 'sha-1'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(attemptOf(r), 1, 'three forged failures did not use up the attempts');
    assert.equal(
      issuesOf('ana').filter((i) => i.author === 'github-actions[bot]').length,
      1,
      "the Action opened the learner's own issue",
    );
  });

  it("with a GitHub App token, trusts that app's records when writer-login names it, and fails loudly when it does not", async () => {
    gh.tokens.set('ghs_app', 'enablekit-app[bot]');
    const app = { 'github-token': 'ghs_app', 'writer-login': 'enablekit-app[bot]' };
    assert.equal(attemptOf(await grade(pull(20, 'ana', 'sha-1'), app)), 1);
    ageRecords();
    const second = await grade(pull(31, 'ana', 'sha-2'), app);
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.equal(attemptOf(second), 2, "the app's own record of attempt 1 was read");
    const unset = await grade(pull(32, 'kofi', 'sha-3'), { 'github-token': 'ghs_app' });
    assert.equal(unset.code, 1);
    assert.match(
      unset.stdout,
      /Expected this run to write to GitHub as github-actions\[bot\]; found it writing as enablekit-app\[bot\].*Set the Action's input writer-login: enablekit-app\[bot\]/,
    );
  });
});
