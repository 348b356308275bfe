import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
const QUIZ_TEXT = readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8');
const quiz = parseFile('basics-quiz.md', QUIZ_TEXT).model.item as Quiz;
const blank = (learner: string) => answerSheetText(quiz, learner);
const RIGHT = (learner: string) =>
  blank(learner)
    .replace('- [ ] Incident', '- [x] Incident')
    .replace('Answer: ', 'Answer: X-Request-Id');
const WRONG = (learner: string) =>
  blank(learner).replace('- [ ] Tier 1', '- [x] Tier 1').replace('Answer: ', 'Answer: trace id');
const SHEET = 'submissions/ana/basics-quiz.md';

describe('the GitHub Action grades checkpoint pull requests (real bundle, local GitHub API)', function () {
  this.timeout(60_000);
  let gh: LocalGitHub;
  let workspace: string;

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  function pull(files: Record<string, string>, head: string, number = 5, author = 'ana') {
    const repo = gh.state.repo('acme', 'training');
    repo.setFiles(head, files);
    const existing = repo.pulls.get(number);
    if (existing) {
      existing.head.sha = head;
      existing.files = Object.keys(files).map((filename) => ({
        filename,
        status: 'added' as const,
      }));
      return existing;
    }
    return repo.addPull({
      number,
      author,
      title: 'Answers',
      head: { ref: `${author}/answers`, sha: head },
      base: { ref: 'main', sha: 'base-sha' },
      files: Object.keys(files).map((filename) => ({ filename, status: 'added' as const })),
    });
  }

  // Grading alone, with attempts kept in the pull request's comment; test/action-progress.test.ts covers the progress issue.
  const run = (
    action: string,
    p: { number: number; author: string; head: { sha: string } },
    extra: { inputs?: Record<string, string> } = {},
  ) =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent(action, {
        number: p.number,
        author: p.author,
        headSha: p.head.sha,
        labels: gh.state.repo('acme', 'training').issues.get(p.number)?.labels ?? [],
      }),
      inputs: { progress: 'false', ...extra.inputs },
    });

  const repo = () => gh.state.repo('acme', 'training');

  // 7: the grade comment is opened empty first, so a run writing as the wrong identity stops before it shows a grade.
  it('passes a right sheet: one comment, a passed label, a successful check, outputs; within 7 API calls', async () => {
    const p = pull({ [SHEET]: RIGHT('ana') }, 'sha-1');
    const r = await run('opened', p);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(repo().comments.length, 1);
    assert.match(repo().comments[0]!.body, /Passed: 100%/);
    assert.deepEqual(repo().issues.get(5)!.labels, ['checkpoint:passed']);
    assert.equal(repo().checkRuns[0]!.conclusion, 'success');
    assert.equal(r.outputs.graded, '1');
    assert.equal(JSON.parse(r.outputs.summary!).sheets[0].percent, 100);
    assert.match(r.summary, /Passed: 100%/);
    assert.ok(
      gh.calls.length <= 7,
      `${gh.calls.length} calls: ${gh.calls.map((c) => c.operationId).join(', ')}`,
    );
  });

  it('fails a wrong sheet without revealing the key anywhere, then a retake after the cooldown updates the same comment', async () => {
    const p = pull({ [SHEET]: WRONG('ana') }, 'sha-1');
    const first = await run('opened', p);
    assert.equal(first.code, 0, first.stderr);
    const everything = [
      repo().comments[0]!.body,
      first.stdout,
      first.stderr,
      first.summary,
      JSON.stringify(first.outputs),
      JSON.stringify(repo().checkRuns),
    ].join('\n');
    assert.doesNotMatch(everything, /KEY-EXPLANATION|X-Request-Id/);
    assert.match(repo().comments[0]!.body, /Not passed yet/);
    assert.match(repo().comments[0]!.body, /Tier 1 handles routine work/);
    assert.deepEqual(repo().issues.get(5)!.labels, ['checkpoint:failed']);
    assert.equal(repo().checkRuns[0]!.conclusion, 'failure');

    // Pretend the first attempt was two hours ago, past the 1h cooldown.
    const c = repo().comments[0]!;
    c.body = c.body.replace(/"at":"[^"]+"/, '"at":"2020-01-01T00:00:00Z"');
    const retake = pull({ [SHEET]: RIGHT('ana') }, 'sha-2');
    const second = await run('synchronize', retake);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(repo().comments.length, 1, 'updated in place');
    assert.match(repo().comments[0]!.body, /Attempt 2 of 3/);
    assert.match(repo().comments[0]!.body, /Passed: 100%/);
    assert.deepEqual(repo().issues.get(5)!.labels, ['checkpoint:passed']);
  });

  it('refuses a retake inside the cooldown, and keeps the answers', async () => {
    const p = pull({ [SHEET]: WRONG('ana') }, 'sha-1');
    await run('opened', p);
    const again = pull({ [SHEET]: RIGHT('ana') }, 'sha-2');
    const r = await run('synchronize', again);
    assert.equal(r.code, 0);
    assert.match(repo().comments[0]!.body, /Expected the retake to wait until/);
    assert.equal(JSON.parse(r.outputs.summary!).sheets[0].refused, 'cooldown');
  });

  it('a re-run of the same commit adds no comment, no attempt and no label churn', async () => {
    const p = pull({ [SHEET]: WRONG('ana') }, 'sha-1');
    await run('opened', p);
    const before = repo().comments[0]!.body;
    const callsBefore = gh.calls.length;
    const r = await run('synchronize', p);
    assert.equal(r.code, 0);
    assert.equal(repo().comments.length, 1);
    assert.equal(repo().comments[0]!.body, before);
    const rerunCalls = gh.calls.slice(callsBefore).map((c) => c.operationId);
    assert.ok(
      !rerunCalls.includes('issues/add-labels') &&
        !rerunCalls.includes('issues/remove-label') &&
        !rerunCalls.includes('issues/update-comment'),
      rerunCalls.join(', '),
    );
  });

  it('refuses impersonation, a PR that edits the curricula, an unknown checkpoint and a malformed sheet, with reasons and no grade', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'submissions/kofi/basics-quiz.md': RIGHT('kofi') }, /in kofi's folder/],
      [
        {
          [SHEET]: RIGHT('ana'),
          'curricula/basics-quiz.md': QUIZ_TEXT.replace('- [x] Incident', '- [ ] Incident'),
        },
        /change to curricula\/basics-quiz.md/,
      ],
      [
        {
          'submissions/ana/no-such-quiz.md': RIGHT('ana').replace(
            'checkpoint: basics-quiz',
            'checkpoint: no-such-quiz',
          ),
        },
        /Expected a checkpoint "no-such-quiz"/,
      ],
      [
        { [SHEET]: '# no front matter\n' },
        /submissions\/ana\/basics-quiz.md:1: Expected the answer sheet to start with front matter/,
      ],
      [{ [SHEET]: RIGHT('ana').replace('learner: ana', 'learner: kofi') }, /found learner: kofi/],
      [
        { [SHEET]: RIGHT('ana'), 'keys/basics-quiz.key.yml': 'quiz: basics-quiz\n' },
        /no change to configuration or answer keys; found keys\/basics-quiz.key.yml/,
      ],
      [
        { [SHEET]: `${RIGHT('ana')}\n${'x'.repeat(70_000)}\n` },
        /at most \d+ KB for this checkpoint/,
      ],
    ];
    let n = 10;
    for (const [files, reason] of cases) {
      const p = pull(files, `sha-${n}`, n++);
      const r = await run('opened', p);
      assert.equal(r.code, 0, r.stderr);
      const body = repo().comments.filter((c) => c.issue === p.number)[0]!.body;
      assert.match(body, reason);
      assert.doesNotMatch(body, /Passed|%/);
      assert.equal(repo().checkRuns.at(-1)!.conclusion, 'failure');
      assert.equal(r.outputs.graded, '0');
    }
  });

  it('retries injected 500, 502 and secondary rate limits, and fails clearly when GitHub keeps failing, writing nothing half-way', async () => {
    const p = pull({ [SHEET]: RIGHT('ana') }, 'sha-1');
    gh.fault({ status: 502, times: 1, match: /files$/ });
    gh.fault({ status: 500, times: 1, match: /comments$/ });
    gh.fault({ status: 403, times: 1, retryAfter: 1, match: /check-runs$/ });
    const ok = await run('opened', p);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(repo().comments.length, 1);
    assert.equal(repo().checkRuns.length, 1);

    const q = pull({ 'submissions/ana/basics-quiz.md': RIGHT('ana') }, 'sha-9', 30);
    gh.fault({ status: 502, times: 10, match: /files$/ });
    const failed = await run('opened', q);
    assert.equal(failed.code, 1);
    assert.match(failed.stdout, /GitHub answered 502/);
    assert.equal(repo().comments.filter((c) => c.issue === 30).length, 0, 'nothing written');
  });

  it('refuses a sheet once every attempt is used, telling the learner what to do', async () => {
    const p = pull({ [SHEET]: RIGHT('ana') }, 'sha-4');
    const records = [1, 2, 3].map((n) => ({
      checkpoint: 'basics-quiz',
      learner: 'ana',
      sha: `old-${n}`,
      at: `2020-01-0${n}T00:00:00Z`,
      passed: false,
      percent: 0,
    }));
    repo().comments.push({
      id: 1,
      issue: 5,
      author: 'github-actions[bot]',
      body: `<!-- enablekit:grade -->\nold\n<!-- enablekit:attempts ${JSON.stringify({ records })} -->`,
      created_at: '2020-01-03T00:00:00Z',
      updated_at: '2020-01-03T00:00:00Z',
    });
    const r = await run('synchronize', p);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      repo().comments[0]!.body,
      /found all 3 used\. Ask your trainer to reset your attempts/,
    );
    assert.equal(JSON.parse(r.outputs.summary!).sheets[0].refused, 'no-attempts-left');
  });

  it('ignores attempt records in comments not written by the Action', async () => {
    const p = pull({ [SHEET]: RIGHT('ana') }, 'sha-5');
    const records = [1, 2, 3].map((n) => ({
      checkpoint: 'basics-quiz',
      learner: 'ana',
      sha: `old-${n}`,
      at: `2020-01-0${n}T00:00:00Z`,
      passed: false,
      percent: 0,
    }));
    repo().comments.push({
      id: 1,
      issue: 5,
      author: 'ana',
      body: `<!-- enablekit:grade -->\n<!-- enablekit:attempts ${JSON.stringify({ records })} -->`,
      created_at: '2020-01-03T00:00:00Z',
      updated_at: '2020-01-03T00:00:00Z',
    });
    const r = await run('opened', p);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.outputs.summary!).sheets[0].attempt, 1);
  });

  it('regrades a pull request by number on workflow_dispatch', async () => {
    const p = pull({ [SHEET]: RIGHT('ana') }, 'sha-6');
    const examples = (
      await import('@octokit/webhooks-examples/api.github.com/index.json', {
        with: { type: 'json' },
      })
    ).default as { name: string; examples: Record<string, unknown>[] }[];
    const payload = {
      ...examples.find((e) => e.name === 'workflow_dispatch')!.examples[0],
      inputs: { 'pull-number': String(p.number) },
    };
    const r = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'workflow_dispatch',
      payload,
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(gh.callsTo('pulls/get'), 1);
    assert.equal(r.outputs.passed, '1');
  });

  it('a sheet that cannot be read (404) is refused with a failing check, not graded', async () => {
    const p = pull({ [SHEET]: RIGHT('ana') }, 'sha-7');
    gh.fault({ status: 404, times: 1, match: /contents/ });
    const r = await run('opened', p);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      repo().comments[0]!.body,
      /Expected submissions\/ana\/basics-quiz.md at the head of the pull request to be an answer sheet of at most \d+ KB; found nothing\. Push the sheet again/,
    );
    assert.equal(repo().checkRuns[0]!.conclusion, 'failure');
  });

  it('dry-run grades and writes nothing to the pull request', async () => {
    const p = pull({ [SHEET]: RIGHT('ana') }, 'sha-1');
    const r = await run('opened', p, { inputs: { 'dry-run': 'true' } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(repo().comments.length, 0);
    assert.equal(repo().checkRuns.length, 0);
    assert.equal(r.outputs.passed, '1');
  });
});
