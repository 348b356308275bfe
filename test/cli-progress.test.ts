import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { progressMarker, recordComment } from '../core/progress/ledger.js';
import type { ProgressRecord } from '../core/progress/records.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { cli, cliAsync, ROOT } from './helpers/cli.js';
import { runAction } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'progress-curricula');
const quiz = parseFile('basics-quiz.md', readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'))
  .model.item as Quiz;
const RIGHT = (l: string) =>
  answerSheetText(quiz, l)
    .replace('- [ ] Incident', '- [x] Incident')
    .replace('Answer: ', 'Answer: X-Request-Id');
const REFLECTION = (l: string) =>
  `---\ntype: answer-sheet\ncheckpoint: basics-reflection\nlearner: ${l}\n---\n\n# Basics reflection\n\n- [x] I have read "Basics" to the end\n\n## Your reflection\n\n### 1. Name a triage habit you will keep, and say why.\n\nRead the whole thread first, because the ask is often at the end.\n`;
const WRONG = (l: string) =>
  answerSheetText(quiz, l)
    .replace('- [ ] Tier 1', '- [x] Tier 1')
    .replace('Answer: ', 'Answer: trace id');

function workspace(sheets: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'enablekit-progress-'));
  cpSync(CURRICULA, join(dir, 'curricula'), { recursive: true });
  for (const [path, text] of Object.entries(sheets)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('enablekit progress: the same status and dashboard as the Action, from local sheets or the progress issues', function () {
  this.timeout(60_000);

  it('grades the sheets on disk and prints each learner and the cohort, as json and markdown', () => {
    const dir = workspace({
      'submissions/ana/basics-quiz.md': RIGHT('ana'),
      'submissions/ana/basics-reflection.md': REFLECTION('ana'),
      'submissions/bo/basics-quiz.md': WRONG('bo'),
    });
    const r = cli(['progress', '--format', 'json', '--today', '2026-01-05'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.source, 'answer-sheets');
    assert.deepEqual(
      out.learners.map((l: { login: string; roles: string[] }) => [l.login, l.roles]),
      [
        ['ana', ['support']],
        ['bo', ['support']],
        ['cy', ['success']],
      ],
    );
    const basics = (login: string) =>
      out.learners.find((l: { login: string }) => l.login === login).tracks[0].modules[0];
    assert.deepEqual([basics('ana').state, basics('ana').checkpoints[0].best], ['passed', 100]);
    assert.deepEqual([basics('bo').state, basics('bo').checkpoints[0].best], ['failed', 0]);
    const stats = out.cohort.checkpoints.find((c: { id: string }) => c.id === 'basics-quiz');
    assert.deepEqual(stats, {
      id: 'basics-quiz',
      attempted: 2,
      passed: 1,
      passRate: 50,
      medianAttempts: 1,
    });
    assert.deepEqual(out.cohort.mostMissed, [
      { checkpoint: 'basics-quiz', question: 'header', count: 1 },
      { checkpoint: 'basics-quiz', question: 'p1', count: 1 },
    ]);

    const md = cli(['progress', '--today', '2026-01-05'], dir);
    assert.equal(md.code, 0, md.stderr);
    assert.match(
      md.stdout,
      /^## @ana\n\nTraining progress of @ana \(support\), as of 2026-01-05\.\n/,
    );
    assert.match(
      md.stdout,
      /\| Basics \| ✅ passed \| 2026-01-10 \| Basics quiz: passed, best 100%, 1 attempt<br>Basics reflection: passed, 1 attempt \|/,
    );
    assert.match(md.stdout, /## Cohort\n\nCohort progress as of 2026-01-05/);
    assert.match(md.stdout, /\| Basics quiz \| 2 \| 1 \| 50% \| 1 \|/);
    assert.doesNotMatch(md.stdout, /<!-- enablekit:/, 'no hidden markers in what a person reads');

    const one = cli(
      ['progress', '--learner', 'bo', '--format', 'json', '--today', '2026-01-05'],
      dir,
    );
    assert.deepEqual(
      JSON.parse(one.stdout).learners.map((l: { login: string }) => l.login),
      ['bo'],
    );
    assert.equal(JSON.parse(one.stdout).cohort, undefined);
    const nobody = cli(['progress', '--learner', 'zed'], dir);
    assert.equal(nobody.code, 2);
    assert.match(
      nobody.stderr,
      /Expected a learner "zed" in enablekit.yml or with records; found none/,
    );
    const csv = cli(['progress', '--format', 'csv', '--today', '2026-01-05'], dir);
    assert.equal(csv.code, 0, csv.stderr);
    assert.equal(
      csv.stdout.split('\r\n')[0],
      'role,track,learner,standing,overdue since,kickoff,basics,tools',
    );
    assert.match(csv.stdout, /\r\nsupport,support-basics,bo,in progress,,,failed,open\r\n/);
    assert.match(
      cli(['progress', '--format', 'xml'], dir).stderr,
      /Expected --format to be markdown, json or csv; found "xml"/,
    );
  });

  it("reads the records from the repository's progress issues: only enablekit's own, unedited", async () => {
    const gh = new LocalGitHub();
    await gh.start();
    try {
      const repo = gh.state.repo('acme', 'training');
      const rec = (
        learner: string,
        passed: boolean,
        percent: number,
        pr: number,
      ): ProgressRecord => ({
        learner,
        checkpoint: 'basics-quiz',
        kind: 'quiz',
        pr,
        sha: `sha-${pr}`,
        at: '2026-01-03T10:00:00Z',
        passed,
        percent,
        attempt: 1,
        missed: passed ? [] : ['p1'],
      });
      const ana = repo.addIssue(
        'Training progress: @ana',
        progressMarker('ana'),
        'github-actions[bot]',
        ['enablekit:progress'],
      );
      repo.comments.push({
        id: 1,
        issue: ana.number,
        author: 'github-actions[bot]',
        body: recordComment([rec('ana', false, 50, 10), rec('ana', true, 100, 11)]),
        created_at: '2026-01-03T10:00:00Z',
        updated_at: '2026-01-03T10:00:00Z',
      });
      const bo = repo.addIssue(
        'Training progress: @bo',
        progressMarker('bo'),
        'github-actions[bot]',
        ['enablekit:progress'],
      );
      repo.comments.push({
        id: 2,
        issue: bo.number,
        author: 'bo',
        body: recordComment([rec('bo', true, 100, 12)]),
        created_at: '2026-01-03T10:00:00Z',
        updated_at: '2026-01-03T10:00:00Z',
      });
      repo.addIssue('Training progress: @cy', progressMarker('cy'), 'cy', ['enablekit:progress']);

      const dir = workspace({});
      const r = await cliAsync(
        [
          'progress',
          '--repo',
          'acme/training',
          '--api-url',
          gh.url,
          '--format',
          'json',
          '--today',
          '2026-01-05',
        ],
        dir,
        { GITHUB_TOKEN: 'ghs_test' },
      );
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.source, 'github:acme/training');
      const ofAna = out.learners.find((l: { login: string }) => l.login === 'ana');
      assert.deepEqual(
        [
          ofAna.records,
          ofAna.tracks[0].modules[0].state,
          ofAna.tracks[0].modules[0].checkpoints[0].attempts,
        ],
        [2, 'submitted', 2],
      );
      assert.equal(
        out.learners.find((l: { login: string }) => l.login === 'bo').records,
        0,
        'a record bo wrote himself does not count',
      );
      assert.deepEqual(out.cohort.checkpoints, [
        { id: 'basics-quiz', attempted: 1, passed: 1, passRate: 100, medianAttempts: 2 },
      ]);
      assert.deepEqual(gh.violations, []);

      const noToken = await cliAsync(
        ['progress', '--repo', 'acme/training', '--api-url', gh.url],
        dir,
        {},
      );
      assert.equal(noToken.code, 2);
      assert.match(noToken.stderr, /Set GITHUB_TOKEN \(or GH_TOKEN\)/);
      const wrong = await cliAsync(
        ['progress', '--repo', 'acme/nothing', '--api-url', gh.url],
        dir,
        { GITHUB_TOKEN: 'ghs_test' },
      );
      assert.equal(wrong.code, 2);
      assert.match(
        wrong.stderr,
        /Expected to read the issues of acme\/nothing .*GitHub answered 404/,
      );
    } finally {
      await gh.stop();
    }
  });

  it('progress rebuild recomputes every body from its records, as the Action does: then neither rewrites anything', async () => {
    const gh = new LocalGitHub();
    await gh.start();
    try {
      const repo = gh.state.repo('acme', 'training');
      const ana = repo.addIssue(
        'Training progress: @ana',
        `${progressMarker('ana')}\nsomeone edited this`,
        'github-actions[bot]',
        ['enablekit:progress'],
      );
      const rec: ProgressRecord = {
        learner: 'ana',
        checkpoint: 'basics-quiz',
        kind: 'quiz',
        pr: 10,
        sha: 'sha-10',
        at: '2026-01-03T10:00:00Z',
        passed: true,
        percent: 100,
        attempt: 1,
      };
      repo.comments.push({
        id: 1,
        issue: ana.number,
        author: 'github-actions[bot]',
        body: recordComment([rec]),
        created_at: '2026-01-03T10:00:00Z',
        updated_at: '2026-01-03T10:00:00Z',
      });
      const dir = workspace({});
      const env = { GITHUB_TOKEN: 'ghs_test' };
      const args = [
        'progress',
        'rebuild',
        '--repo',
        'acme/training',
        '--api-url',
        gh.url,
        '--today',
        new Date().toISOString().slice(0, 10),
      ];
      const dry = await cliAsync([...args, '--dry-run'], dir, env);
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /1 body\(ies\) would be rewritten/);
      assert.match(
        repo.issues.get(ana.number)!.body,
        /someone edited this/,
        'a dry run writes nothing',
      );
      const r = await cliAsync(args, dir, env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Rebuilt the progress of 1 learner\(s\): 1 body\(ies\) rewritten/);
      assert.match(
        repo.issues.get(ana.number)!.body,
        /\| Basics \| ⚠️ overdue \| 2026-01-10 \| Basics quiz: passed/,
      );
      assert.match((await cliAsync(args, dir, env)).stdout, /: 0 body\(ies\) rewritten/);
      const action = await runAction({
        apiUrl: gh.url,
        workspace: dir,
        eventName: 'workflow_dispatch',
        payload: { inputs: { progress: 'rebuild' } },
      });
      assert.deepEqual(
        JSON.parse(action.outputs.summary!),
        { learners: 1, rewritten: 0 },
        'the Action agrees with the CLI, body for body',
      );
      assert.deepEqual(gh.violations, []);
    } finally {
      await gh.stop();
    }
  });
});
