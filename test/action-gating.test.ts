import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { readRecords } from '../core/progress/ledger.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
const BASICS = parseFile('basics-quiz.md', readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'))
  .model.item as Quiz;
const BASICS_RIGHT = (l: string) =>
  answerSheetText(BASICS, l)
    .replace('- [ ] Incident', '- [x] Incident')
    .replace('Answer: ', 'Answer: X-Request-Id');

/** An advanced track after the fixture's foundation one, its module needing the foundation's module. */
const DEEP_QUIZ = `---
type: quiz
id: deep-quiz
title: Deep quiz
module: deep
owner: lead
---
# Deep quiz

## Which queue takes P1 tickets?
<!-- question id=p1 type=single -->

- [ ] Tier 1
- [x] Incident
`;
const deep = parseFile('deep-quiz.md', DEEP_QUIZ).model.item as Quiz;
const DEEP_RIGHT = (l: string) =>
  answerSheetText(deep, l).replace('- [ ] Incident', '- [x] Incident');
const advancedTrack = (extra: string) => `---
type: track
id: support-advanced
title: Support advanced
roles: [support]
phase: advanced
prerequisites: [support-basics]
owner: lead
${extra}modules:
  - deep
---
# Support advanced
`;

describe('the GitHub Action gates checkpoints by prerequisites, phases and windows (real bundle, local GitHub API)', function () {
  this.timeout(120_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');

  /** The fixture curricula plus the advanced track, with `gating` in enablekit.yml and `track` lines on the track. */
  function curricula(gating: string, track = '') {
    workspace = workspaceWith(CURRICULA);
    const dir = join(workspace, 'curricula');
    const yml = readFileSync(join(dir, 'enablekit.yml'), 'utf8');
    writeFileSync(join(dir, 'enablekit.yml'), `${yml}  gating: ${gating}\n`);
    writeFileSync(
      join(dir, 'deep.md'),
      '---\ntype: module\nid: deep\ntitle: Deep dive\nowner: lead\nprerequisites: [basics]\n---\n# Deep dive\n',
    );
    writeFileSync(join(dir, 'deep-quiz.md'), DEEP_QUIZ);
    writeFileSync(join(dir, 'advanced.md'), advancedTrack(track));
  }
  const pull = (number: number, checkpoint: string, sheet: string, sha: string) => {
    const path = `submissions/ana/${checkpoint}.md`;
    repo().setFiles(sha, { [path]: sheet });
    const existing = repo().pulls.get(number);
    if (existing) {
      existing.head.sha = sha;
      return existing;
    }
    return repo().addPull({
      number,
      author: 'ana',
      title: 'Answers',
      head: { ref: `ana/answers-${number}`, sha },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: path, status: 'added' }],
    });
  };
  const grade = (
    p: { number: number; author: string; head: { sha: string } },
    o: { inputs?: Record<string, string>; env?: Record<string, string> } = {},
  ) =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', {
        number: p.number,
        author: p.author,
        headSha: p.head.sha,
        labels: repo().issues.get(p.number)?.labels ?? [],
      }),
      ...o,
    });
  const gradeComment = (pr: number) =>
    repo().comments.find((c) => c.issue === pr && c.body.includes('<!-- enablekit:grade -->'))!
      .body;
  const records = () =>
    [...repo().issues.values()]
      .filter((i) => !i.isPull && i.labels.includes('enablekit:progress'))
      .flatMap((i) => repo().comments.filter((c) => c.issue === i.number))
      .flatMap((c) => readRecords(c.body));

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    repo();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it('strict: refuses a checkpoint taken before its prerequisite, saying what to finish first, records nothing; once the prerequisite passes, a re-run grades it', async () => {
    curricula('strict');
    const early = pull(600, 'deep-quiz', DEEP_RIGHT('ana'), 'sha-deep');
    const before = gh.calls.length;
    const refused = await grade(early);
    assert.equal(refused.code, 0, refused.stdout + refused.stderr);
    const body = gradeComment(600);
    assert.match(body, /### Not graded/);
    assert.match(
      body,
      /Finish the module "Basics" \(basics\) first: pass "Basics quiz" \(basics-quiz\)\./,
    );
    assert.match(body, /Finish the track "Support basics" \(support-basics\) first/);
    assert.match(body, /nothing is recorded or counted/);
    assert.doesNotMatch(body, /Passed|Attempt 1/);
    assert.equal(repo().checkRuns.at(-1)!.conclusion, 'failure');
    assert.equal(repo().checkRuns.at(-1)!.output?.title, 'Not graded');
    assert.deepEqual(repo().issues.get(600)!.labels, ['checkpoint:failed']);
    assert.deepEqual(records(), [], 'no claim, no result: no attempt used');
    assert.equal(refused.outputs.graded, '0');
    const calls = gh.calls.slice(before);
    assert.ok(
      calls.length <= 6,
      `${calls.length} calls: ${calls.map((c) => c.operationId).join(', ')}`,
    );

    // The prerequisite, passed in its own pull request.
    const passed = await grade(pull(601, 'basics-quiz', BASICS_RIGHT('ana'), 'sha-basics'));
    assert.equal(passed.code, 0, passed.stderr);
    assert.match(gradeComment(601), /Passed: 100%/);

    // The same commit, run again: now graded, as its first attempt.
    const rerun = await grade(early);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.match(gradeComment(600), /Passed: 100%/);
    assert.match(gradeComment(600), /Attempt 1 of 3/);
    assert.doesNotMatch(gradeComment(600), /Not graded|out of order/);
    assert.deepEqual(repo().issues.get(600)!.labels, ['checkpoint:passed']);
    assert.deepEqual(
      records()
        .filter((r) => r.checkpoint === 'deep-quiz' && r.ref !== 'claim')
        .map((r) => [r.pr, r.passed, r.attempt]),
      [[600, true, 1]],
    );
  });

  it("advisory (a track's own gating over a strict policy): grades it, records it, and the comment says it was taken out of order", async () => {
    curricula('strict', 'gating: advisory\n');
    const r = await grade(pull(700, 'deep-quiz', DEEP_RIGHT('ana'), 'sha-adv'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const body = gradeComment(700);
    assert.match(body, /Passed: 100%/);
    assert.match(body, /### Taken out of order/);
    assert.match(
      body,
      /taken out of order, graded anyway \(gating is advisory\)\. Finish the module "Basics"/,
    );
    assert.match(r.summary, /Taken out of order/);
    assert.deepEqual(
      records()
        .filter((x) => x.ref !== 'claim')
        .map((x) => [x.checkpoint, x.passed]),
      [['deep-quiz', true]],
    );
    // The learner's progress issue shows the module passed, not locked.
    const issue = [...repo().issues.values()].find((i) => i.labels.includes('enablekit:progress'))!;
    assert.match(issue.body, /\| Deep dive \| ✅ passed \|/);
    assert.match(issue.body, /\| Basics \| 📖 open \|/);
  });

  it('with progress: false a window not open yet still gates (passes are unknown there), within 7 API calls; from the day it opens it is graded', async () => {
    curricula('strict', 'window: {opens: 2099-03-01, due: 2099-03-31}\n');
    const p = pull(800, 'deep-quiz', DEEP_RIGHT('ana'), 'sha-win');
    const early = await grade(p, {
      inputs: { progress: 'false' },
      env: { ENABLEKIT_NOW: '2099-02-28T12:00:00Z' },
    });
    assert.equal(early.code, 0, early.stderr);
    assert.match(
      gradeComment(800),
      /"Deep dive" \(deep\) opens on 2099-03-01 in "Support advanced"/,
    );
    assert.doesNotMatch(gradeComment(800), /Finish the module/, 'prerequisites are not known here');
    assert.ok(gh.calls.length <= 7, `${gh.calls.length} calls`);
    const open = await grade(p, {
      inputs: { progress: 'false' },
      env: { ENABLEKIT_NOW: '2099-03-01T12:00:00Z' },
    });
    assert.equal(open.code, 0, open.stderr);
    assert.match(gradeComment(800), /Passed: 100%/);
  });
});
