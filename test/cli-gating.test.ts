import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { Quiz } from '../core/model.js';
import { spawn } from 'node:child_process';
import { progressMarker, recordComment } from '../core/progress/ledger.js';
import { LocalGitHub } from './github-api/server.js';
import { BIN, cli, tempWorkspace } from './helpers/cli.js';

const quiz = (id: string, module: string) =>
  `---\ntype: quiz\nid: ${id}\ntitle: ${id} title\nmodule: ${module}\nowner: l\n---\n# Q\n\n## Which queue takes P1 tickets?\n<!-- question id=a -->\n\n- [ ] Tier 1\n- [x] Incident\n`;
const files = (gating: string) => ({
  'curricula/enablekit.yml': `version: 1\nroles:\n  support:\n    learners: [ana]\npolicies:\n  gating: ${gating}\n`,
  'curricula/found.md':
    '---\ntype: track\nid: found\ntitle: Foundations\nroles: [support]\nphase: foundation\nowner: l\nmodules: [basics]\n---\n# F\n',
  'curricula/adv.md':
    '---\ntype: track\nid: adv\ntitle: Advanced\nroles: [support]\nphase: advanced\nowner: l\nmodules:\n  - module: deep\n    window: {opens: 2027-02-01, due: 2027-02-26}\n---\n# A\n',
  'curricula/basics.md': '---\ntype: module\nid: basics\ntitle: Basics\nowner: l\n---\n# B\n',
  'curricula/deep.md':
    '---\ntype: module\nid: deep\ntitle: Deep dive\nowner: l\nprerequisites: [basics]\n---\n# D\n',
  'curricula/basics-quiz.md': quiz('basics-quiz', 'basics'),
  'curricula/deep-quiz.md': quiz('deep-quiz', 'deep'),
});
const basics = parseFile('basics-quiz.md', quiz('basics-quiz', 'basics')).model.item as Quiz;

describe('enablekit take and progress: a checkpoint held back by gating', function () {
  this.timeout(60_000);

  it('progress shows the module locked with the reason; take warns on stderr what to finish first and still writes the sheet; passing the prerequisite opens both', () => {
    const ws = tempWorkspace(files('strict'));
    const locked = cli(['progress', '--learner', 'ana', '--today', '2027-02-02'], ws);
    assert.equal(locked.code, 0, locked.stderr);
    assert.match(
      locked.stdout,
      /\| Deep dive \| 🔒 locked: Finish the module "Basics" \(basics\) first/,
    );
    assert.doesNotMatch(locked.stdout, /\| Deep dive \| 📖 open/);
    const json = JSON.parse(
      cli(['progress', '--learner', 'ana', '--today', '2027-02-02', '--format', 'json'], ws).stdout,
    ) as {
      learners: { tracks: { modules: { module: string; state: string; locked?: string[] }[] }[] }[];
    };
    const deep = json.learners[0]!.tracks.flatMap((t) => t.modules).find(
      (m) => m.module === 'deep',
    )!;
    assert.equal(deep.state, 'locked');
    assert.equal(deep.locked!.length, 2);

    const take = cli(['take', 'deep-quiz', '--learner', 'ana', '--today', '2027-02-02'], ws);
    assert.equal(take.code, 0, take.stderr);
    assert.match(take.stdout, /Created submissions\/ana\/deep-quiz\.md/);
    assert.ok(existsSync(join(ws, 'submissions/ana/deep-quiz.md')), 'the sheet is made anyway');
    assert.match(
      take.stderr,
      /^Warning: "deep-quiz" is locked for ana\. Finish the module "Basics" \(basics\) first: pass "basics-quiz title" \(basics-quiz\)\. Finish the foundation track "Foundations" \(found\) first, before the advanced track "Advanced" \(adv\): .* The Action will not grade it until then \(gating: strict\); the sheet is made anyway\.\n$/,
    );

    // The prerequisite answered and passing on disk: nothing holds the advanced quiz back.
    const right = answerSheetText(basics, 'ana').replace('- [ ] Incident', '- [x] Incident');
    writeFileSync(join(ws, 'submissions/ana/basics-quiz.md'), right);
    rmSync(join(ws, 'submissions/ana/deep-quiz.md'));
    const open = cli(['progress', '--learner', 'ana', '--today', '2027-02-02'], ws);
    assert.match(open.stdout, /\| Deep dive \| 📖 open/);
    // Before the window opens it is locked by the window alone, with its date.
    const early = cli(['progress', '--learner', 'ana', '--today', '2027-01-20'], ws);
    assert.match(
      early.stdout,
      /\| Deep dive \| 🔒 locked: "Deep dive" \(deep\) opens on 2027-02-01/,
    );
    const again = cli(['take', 'deep-quiz', '--learner', 'ana', '--today', '2027-02-02'], ws);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stderr, '', 'no warning once the prerequisite is passed');
  });

  it('advisory: take says the Action grades it anyway; off (the default): no warning at all', () => {
    const ws = tempWorkspace(files('advisory'));
    const take = cli(['take', 'deep-quiz', '--learner', 'ana', '--today', '2027-02-02'], ws);
    assert.equal(take.code, 0, take.stderr);
    assert.match(
      take.stderr,
      /grades it anyway and says it was taken out of order \(gating: advisory\)/,
    );
    const off = tempWorkspace({
      ...files('off'),
      'curricula/enablekit.yml': 'version: 1\nroles:\n  support:\n    learners: [ana]\n',
    });
    const quiet = cli(['take', 'deep-quiz', '--learner', 'ana', '--today', '2027-02-02'], off);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.equal(quiet.stderr, '');
    assert.match(readFileSync(join(off, 'submissions/ana/deep-quiz.md'), 'utf8'), /deep-quiz/);
  });

  it('progress --repo judges by the records in the progress issues (local GitHub API): locked until the Action recorded the prerequisite passed', async () => {
    const gh = new LocalGitHub();
    await gh.start();
    try {
      const repo = gh.state.repo('acme', 'training');
      const issue = repo.addIssue(
        'Training progress: @ana',
        progressMarker('ana'),
        'github-actions[bot]',
        ['enablekit:progress'],
      );
      const ws = tempWorkspace(files('strict'));
      const progress = () =>
        new Promise<string>((resolve) => {
          const child = spawn(
            process.execPath,
            [
              BIN,
              'progress',
              '--repo',
              'acme/training',
              '--api-url',
              gh.url,
              '--learner',
              'ana',
              '--today',
              '2027-02-02',
            ],
            { cwd: ws, env: { PATH: process.env.PATH!, NO_COLOR: '1', GITHUB_TOKEN: 'ghs_test' } },
          );
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          child.on('close', () => resolve(out));
        });
      assert.match(
        await progress(),
        /\| Deep dive \| 🔒 locked: Finish the module "Basics" \(basics\) first/,
      );
      repo.comments.push({
        id: gh.state.id(),
        issue: issue.number,
        author: 'github-actions[bot]',
        body: recordComment([
          {
            learner: 'ana',
            checkpoint: 'basics-quiz',
            kind: 'quiz',
            pr: 3,
            sha: 'b1',
            at: '2027-01-20T10:00:00Z',
            passed: true,
            percent: 100,
            attempt: 1,
          },
        ]),
        created_at: '2027-01-20T10:00:00Z',
        updated_at: '2027-01-20T10:00:00Z',
      });
      assert.match(await progress(), /\| Deep dive \| 📖 open/);
    } finally {
      await gh.stop();
      assert.deepEqual(gh.violations, []);
    }
  });
});
