import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { progressMarker, readRecords, recordComment } from '../core/progress/ledger.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';
import { answered, SURVEY_FILE } from './helpers/survey.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'progress-curricula');
const BOT = 'github-actions[bot]';
const rec = (learner: string, checkpoint: string, kind: ProgressRecord['kind'], at: string) => ({
  learner,
  checkpoint,
  kind,
  pr: 1,
  sha: `${learner}-${checkpoint}`,
  at,
  passed: true,
  ...(kind === 'quiz' ? { percent: 100 } : {}),
});

describe('surveys in the Action: invited once when due, answered by pull request, recorded ungraded, shown on the dashboard (real bundle, local GitHub API)', function () {
  this.timeout(180_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const issueOf = (login: string) =>
    [...repo().issues.values()].find((i) => !i.isPull && i.body.includes(progressMarker(login)));
  const commentsOn = (n: number) => repo().comments.filter((c) => c.issue === n);
  const recordsOf = (login: string) =>
    commentsOn(issueOf(login)!.number).flatMap((c) => readRecords(c.body));
  const dashboard = () =>
    [...repo().issues.values()].find((i) => i.labels.includes('enablekit:dashboard'))!;
  const schedule = () =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'schedule',
      payload: { schedule: '0 6 * * 1' },
    });
  const submit = (number: number, author: string, text: string, sha: string) => {
    repo().setFiles(sha, { [`submissions/${author}/support-feedback.md`]: text });
    const pull =
      repo().pulls.get(number) ??
      repo().addPull({
        number,
        author,
        title: `Feedback by ${author}`,
        head: { ref: `${author}/feedback`, sha },
        base: { ref: 'main', sha: 'base' },
        files: [{ filename: `submissions/${author}/support-feedback.md`, status: 'added' }],
      });
    pull.head.sha = sha;
    return runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', { number, author, headSha: sha }),
    });
  };

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
    copyFileSync(SURVEY_FILE, join(workspace, 'curricula', 'support-feedback.md'));
    gh.state.teams.set('acme/support', ['ana']);
    // ana finished the track in January; bo has not passed Basics.
    for (const [login, records] of [
      [
        'ana',
        [
          rec('ana', 'basics-quiz', 'quiz', '2026-01-06T10:00:00Z'),
          rec('ana', 'basics-reflection', 'reflection', '2026-01-07T10:00:00Z'),
          rec('ana', 'tools-quiz', 'quiz', '2026-01-08T10:00:00Z'),
        ],
      ],
      ['bo', [{ ...rec('bo', 'basics-quiz', 'quiz', '2026-01-05T11:00:00Z'), passed: false }]],
    ] as const) {
      const issue = repo().addIssue(
        `Training progress: @${login}`,
        `${progressMarker(login)}\nold body`,
        BOT,
        ['enablekit:progress'],
      );
      repo().comments.push({
        id: gh.state.id(),
        issue: issue.number,
        author: BOT,
        body: recordComment([...records]),
        created_at: '2026-01-09T00:00:00Z',
        updated_at: '2026-01-09T00:00:00Z',
      });
    }
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it('the scheduled run invites once per occasion come; the learner answers by pull request; nothing is graded; the dashboard shows the results; re-runs add nothing', async () => {
    const first = await schedule();
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.equal(JSON.parse(first.outputs.progress!).surveyed, 3);
    const invitations = (login: string) =>
      commentsOn(issueOf(login)!.number).filter((c) => /asks for your feedback/.test(c.body));
    assert.deepEqual(
      invitations('ana').map((c) => /--occasion ([\w-]+)/.exec(c.body)![1]),
      ['during-basics', 'after-1w', 'after-12w'],
    );
    assert.equal(invitations('bo').length, 0, 'bo has not finished Basics: not asked yet');

    const again = await schedule();
    assert.equal(JSON.parse(again.outputs.progress!).surveyed, 0);
    assert.equal(invitations('ana').length, 3, 'a re-run invites no one twice');

    const answer = await submit(40, 'ana', answered('ana', 'after-1w'), 'sha-s1');
    assert.equal(answer.code, 0, answer.stdout + answer.stderr);
    const surveys = () => recordsOf('ana').filter((r) => r.kind === 'survey');
    assert.deepEqual(
      surveys().map((r) => [r.checkpoint, r.occasion, r.answers]),
      [['support-feedback', 'after-1w', [4, 'Quizzes', 'More mocks.']]],
    );
    const grade = commentsOn(40).find((c) => c.body.includes('<!-- enablekit:grade -->'))!;
    assert.match(
      grade.body,
      /\*\*Feedback: How is Support basics going\?\*\* \(a week after the track\): recorded, thank you/,
    );
    assert.doesNotMatch(grade.body.replace(/<!--[\s\S]*?-->/g, ''), /passed|failed|%/i);
    assert.ok(!repo().issues.get(40)!.labels.includes('checkpoint:passed'));
    assert.ok(!repo().issues.get(40)!.labels.includes('checkpoint:failed'));

    await submit(40, 'ana', answered('ana', 'after-1w'), 'sha-s1');
    assert.equal(surveys().length, 1, 'a re-delivered event records nothing twice');

    await submit(41, 'bo', answered('bo', 'after-1w'), 'sha-b1');
    assert.match(
      commentsOn(41).find((c) => c.body.includes('<!-- enablekit:grade -->'))!.body,
      /Expected survey "support-feedback" to ask a week after the track once that time has come for you/,
    );
    assert.equal(recordsOf('bo').filter((r) => r.kind === 'survey').length, 0);

    await schedule();
    const body = dashboard().body;
    assert.match(body, /### Feedback on the training/);
    assert.match(
      body,
      /\*\*a week after the track\*\* \(after-1w\): 1 response\n\n- 1\. How useful was the track for your work\?: mean 4 \(n=1; 1: 0, 2: 0, 3: 0, 4: 1, 5: 0\)\n- 2\. Which part helped you most\?: n=1; Lessons: 0, Quizzes: 1\n- 3\. What would you change\?: 1 written/,
    );
    assert.doesNotMatch(body, /More mocks/, 'the dashboard quotes no one');
    // The survey never counts toward completion: ana's track is complete with or without it.
    assert.match(body, /Support basics \(1 of \d complete\)/);
  });
});
