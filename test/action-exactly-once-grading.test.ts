import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { progressMarker, readRecords } from '../core/progress/ledger.js';
import { recordKey } from '../core/progress/records.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';
import {
  count,
  DROPPED,
  faultedIn,
  FAULTS,
  KEEPS_FAILING,
  type WriteFault,
} from './helpers/write-faults.js';

/**
 * Grading writes exactly once, whatever GitHub answers: the grade comment, the progress issue,
 * its record comments and report card, its body, the label and the check run, each under a write
 * applied and then answered 502 (or by a dropped connection), a 502 for a write not applied, a
 * secondary rate limit with retry-after, and the documented re-run of a run GitHub made fail.
 */

describe('the Action grades exactly once under faults and re-runs (real bundle, local GitHub API)', function () {
  this.timeout(300_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const issues = () => [...repo().issues.values()].filter((i) => !i.isPull);
  const commentsOn = (n: number) => repo().comments.filter((c) => c.issue === n);
  const faulted = (f: WriteFault) => faultedIn(gh, f);

  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  describe('grading a pull request, with progress', () => {
    const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
    const quiz = parseFile(
      'basics-quiz.md',
      readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'),
    ).model.item as Quiz;
    const RIGHT = answerSheetText(quiz, 'ana')
      .replace('- [ ] Incident', '- [x] Incident')
      .replace('Answer: ', 'Answer: X-Request-Id');

    beforeEach(async () => {
      gh = new LocalGitHub();
      await gh.start();
      workspace = workspaceWith(CURRICULA);
      repo().setFiles('sha-1', { 'submissions/ana/basics-quiz.md': RIGHT });
      repo().addPull({
        number: 500,
        author: 'ana',
        title: 'Answers',
        head: { ref: 'ana/answers', sha: 'sha-1' },
        base: { ref: 'main', sha: 'base' },
        files: [{ filename: 'submissions/ana/basics-quiz.md', status: 'added' }],
      });
    });

    const grade = (action = 'opened') =>
      runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'pull_request_target',
        payload: pullRequestEvent(action, { number: 500, author: 'ana', headSha: 'sha-1' }),
      });
    const progressIssues = () => issues().filter((i) => i.body.includes(progressMarker('ana')));

    /** What one grading of a right first attempt leaves, each thing once. */
    function assertGradedOnce(outputs: Record<string, string>) {
      const onPull = commentsOn(500).map((c) => c.body);
      assert.equal(
        onPull.length,
        1,
        `one comment on the pull request; found:\n${onPull.join('\n---\n')}`,
      );
      assert.match(onPull[0]!, /<!-- enablekit:grade -->[\s\S]*Passed: 100%/);
      assert.deepEqual(repo().issues.get(500)!.labels, ['checkpoint:passed']);
      assert.deepEqual(
        repo().checkRuns.map((c) => c.conclusion),
        ['success'],
        'one check run',
      );
      assert.equal(progressIssues().length, 1, 'one progress issue');
      const [issue] = progressIssues();
      assert.deepEqual(issue!.labels, ['enablekit:progress', 'enablekit:track-complete']);
      const bodies = commentsOn(issue!.number).map((c) => c.body);
      assert.equal(new Set(bodies).size, bodies.length, 'no comment written twice');
      const keys = bodies.flatMap((b) => readRecords(b)).map(recordKey);
      assert.equal(new Set(keys).size, keys.length, `each record once: ${keys.join(', ')}`);
      assert.deepEqual([...new Set(keys)].sort(), [
        'basics-quiz#500@sha-1',
        'basics-quiz#500@sha-1/claim',
      ]);
      assert.equal(count(bodies, /Report card: Support basics/), 1, 'one report card');
      assert.match(issue!.body, /Training progress of @ana/);
      assert.equal(JSON.parse(outputs.summary!).sheets[0].attempt, 1);
      assert.equal(outputs.passed, '1');
    }

    const WRITES: { what: string; match: RegExp; body?: RegExp; drop?: true }[] = [
      {
        what: 'the grade comment',
        match: /^POST \/repos\/acme\/training\/issues\/500\/comments$/,
        drop: true,
      },
      { what: 'the progress issue', match: /^POST \/repos\/acme\/training\/issues$/, drop: true },
      {
        what: "the attempt's claim record",
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /enablekit:record .*claim/,
      },
      {
        what: 'the result record',
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /enablekit:record (?!.*claim)/,
        drop: true,
      },
      {
        what: 'the report card',
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /Report card/,
      },
      { what: "the progress issue's body", match: /^PATCH \/repos\/acme\/training\/issues\/\d+$/ },
      { what: 'the label', match: /^POST \/repos\/acme\/training\/issues\/500\/labels$/ },
      { what: 'the check run', match: /^POST \/repos\/acme\/training\/check-runs$/, drop: true },
    ];

    for (const w of WRITES)
      for (const f of [...FAULTS, ...(w.drop ? [DROPPED] : [])])
        it(`${w.what}: ${f.name}`, async () => {
          gh.fault({ ...f.fault, match: w.match, ...(w.body ? { body: w.body } : {}) });
          const r = await grade();
          assert.equal(r.code, 0, r.stdout + r.stderr);
          assert.ok(faulted(f.fault), 'the fault was injected');
          assertGradedOnce(r.outputs);
        });

    it('a run that fails at its check run (GitHub keeps answering 502) is made good by its re-run, each thing once', async () => {
      gh.fault({ ...KEEPS_FAILING, match: /^POST \/repos\/acme\/training\/check-runs$/ });
      const failed = await grade();
      assert.equal(failed.code, 1, 'the run fails');
      assert.equal(repo().checkRuns.length, 0);
      const rerun = await grade();
      assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
      assertGradedOnce(rerun.outputs);
    });

    it('a run that fails at its result record is made good by its re-run, each thing once', async () => {
      gh.fault({
        ...KEEPS_FAILING,
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /enablekit:record (?!.*claim)/,
      });
      const failed = await grade();
      assert.equal(failed.code, 1, 'the run fails');
      const rerun = await grade();
      assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
      assertGradedOnce(rerun.outputs);
    });
  });
});
