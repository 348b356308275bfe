import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { progressMarker, recordComment } from '../core/progress/ledger.js';
import type { ItemMark, ProgressRecord } from '../core/progress/records.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { cli, cliAsync, ROOT } from './helpers/cli.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'progress-curricula');
const quiz = parseFile('basics-quiz.md', readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'))
  .model.item as Quiz;
/** p1 is single choice: a) Tier 1, b) Incident (right); header a text question. */
const sheet = (l: string, p1: 'Tier 1' | 'Incident', header: string) =>
  answerSheetText(quiz, l)
    .replace(`- [ ] ${p1}`, `- [x] ${p1}`)
    .replace('Answer: ', `Answer: ${header}`);

/** The progress fixture with the minimum set low enough for a handful of learners. */
function workspace(minimum: number, sheets: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'enablekit-items-'));
  cpSync(CURRICULA, join(dir, 'curricula'), { recursive: true });
  const yml = join(dir, 'curricula', 'enablekit.yml');
  writeFileSync(yml, `${readFileSync(yml, 'utf8')}  item_min_answers: ${minimum}\n`);
  for (const [login, text] of Object.entries(sheets)) {
    mkdirSync(join(dir, 'submissions', login), { recursive: true });
    writeFileSync(join(dir, 'submissions', login, 'basics-quiz.md'), text);
  }
  return dir;
}

interface Item {
  question: string;
  n: number;
  right: number;
  p: number;
  r: number | null;
  choices?: { letter: string; picks: number; key: boolean }[];
  flags: { kind: string }[];
}

describe('enablekit progress --items: item analysis for authors', function () {
  this.timeout(120_000);

  it('analyses the sheets on disk: a table per quiz with the flags and their counts, as markdown, json and csv', () => {
    const dir = workspace(3, {
      ana: sheet('ana', 'Incident', 'X-Request-Id'),
      bo: sheet('bo', 'Tier 1', 'X-Request-Id'),
      cy: sheet('cy', 'Tier 1', 'trace id'),
    });
    const json = cli(['progress', '--items', '--format', 'json'], dir);
    assert.equal(json.code, 0, json.stderr);
    const out = JSON.parse(json.stdout) as { minAnswers: number; attempts: number; items: Item[] };
    assert.equal(out.minAnswers, 3);
    assert.equal(out.attempts, 3);
    const p1 = out.items.find((i) => i.question === 'p1')!;
    // p1 = [1,0,0] against header = [1,1,0]: r = (3/9)/(6/9) = 0.5 by hand.
    assert.deepEqual([p1.n, p1.right, p1.p, p1.r], [3, 1, 0.33, 0.5]);
    assert.deepEqual(p1.choices, [
      { letter: 'a', picks: 2, key: false },
      { letter: 'b', picks: 1, key: true },
    ]);
    assert.deepEqual(p1.flags, [
      { kind: 'distractor-outdraws-key', distractor: 'a', picks: 2, keyPicks: 1, n: 3 },
    ]);
    const md = cli(['progress', '--items'], dir);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^## Item analysis\n/);
    assert.match(md.stdout, /### Basics quiz/);
    assert.match(
      md.stdout,
      /\| `p1` \| 3 \| 33% \| 0\.50 \| a 2 · b✓ 1 \| distractor a outdraws the right answer: ticked by 2 of 3, the right answer by 1 \|/,
    );
    assert.match(md.stdout, /No question is flagged on fewer than 3 answers/);
    const csv = cli(['progress', '--items', '--format', 'csv'], dir);
    assert.match(
      csv.stdout,
      /\r\nbasics-quiz,p1,single,3,1,0\.33,0\.5,a:2 b:1,distractor-outdraws-key\r\n/,
    );
    // With the default minimum (20) nothing is flagged on three answers.
    const strict = JSON.parse(
      cli(
        ['progress', '--items', '--format', 'json'],
        workspace(20, {
          ana: sheet('ana', 'Incident', 'X-Request-Id'),
          bo: sheet('bo', 'Tier 1', 'X-Request-Id'),
          cy: sheet('cy', 'Tier 1', 'trace id'),
        }),
      ).stdout,
    ) as { items: Item[] };
    assert.ok(strict.items.every((i) => i.flags.length === 0));
  });

  it("reads the records of the repository's progress issues (local GitHub API): first attempts, enablekit's own only", async () => {
    const gh = new LocalGitHub();
    await gh.start();
    try {
      const repo = gh.state.repo('acme', 'training');
      let pr = 10;
      const rec = (
        learner: string,
        attempt: number,
        items: Record<string, ItemMark>,
      ): ProgressRecord => ({
        learner,
        checkpoint: 'basics-quiz',
        kind: 'quiz',
        pr: ++pr,
        sha: `sha-${pr}`,
        at: `2026-01-03T10:00:${String(pr).padStart(2, '0')}Z`,
        passed: false,
        percent: 0,
        attempt,
        items,
      });
      const issue = (login: string, author: string, id: number, records: ProgressRecord[]) => {
        const i = repo.addIssue(
          `Training progress: @${login}`,
          progressMarker(login),
          'github-actions[bot]',
          ['enablekit:progress'],
        );
        repo.comments.push({
          id,
          issue: i.number,
          author,
          body: recordComment(records),
          created_at: '2026-01-03T10:00:00Z',
          updated_at: '2026-01-03T10:00:00Z',
        });
      };
      issue('ana', 'github-actions[bot]', 1, [
        rec('ana', 1, { p1: [0, 1, 'a'], header: [1, 1] }),
        // A retake, after feedback: not counted.
        rec('ana', 2, { p1: [1, 1, 'b'], header: [1, 1] }),
      ]);
      issue('cy', 'github-actions[bot]', 2, [rec('cy', 1, { p1: [0, 1, 'a'], header: [0, 1] })]);
      // Written by bo himself: no record of his counts.
      issue('bo', 'bo', 3, [rec('bo', 1, { p1: [1, 1, 'b'], header: [1, 1] })]);
      const dir = workspace(2);
      const r = await cliAsync(
        ['progress', '--items', '--format', 'json', '--repo', 'acme/training', '--api-url', gh.url],
        dir,
        { GITHUB_TOKEN: 'ghs_test' },
      );
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { attempts: number; items: Item[] };
      assert.equal(out.attempts, 2);
      const p1 = out.items.find((i) => i.question === 'p1')!;
      assert.deepEqual(
        p1.flags.map((f) => f.kind),
        ['too-hard', 'distractor-outdraws-key'],
      );
      assert.deepEqual(gh.violations, []);
    } finally {
      await gh.stop();
    }
  });
});
