import assert from 'node:assert/strict';
import { seal } from '../core/sealing/seal.js';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { readRecords } from '../core/progress/ledger.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { MODULE, tempWorkspace } from './helpers/cli.js';
import { issueCommentEvent, pullRequestEvent, runAction } from './helpers/run-action.js';
import { DROPPED, FAULTS, KEEPS_FAILING, faultedIn } from './helpers/write-faults.js';

const SECRET = 'correct horse battery staple 42';
const QUIZ = `---
type: quiz
id: hq
title: Hinted quiz
module: basics
owner: lead
---
# Hinted quiz

## Which priority when everyone is blocked?
<!-- question id=prio type=single -->

<details><summary>Hint</summary>

Think of impact.

</details>

<details><summary>Hint (cost 25%)</summary>

HINT-SECRET: everyone blocked, no workaround: the top one.

</details>

- [x] P1
- [ ] P2

## Hours to a first reply on a P2?
<!-- question id=hours type=numeric -->

Answer: 4
`;

describe('hints with a cost, asked for with /hint on the learner’s pull request (real bundle, local GitHub API)', function () {
  this.timeout(120_000);
  let gh: LocalGitHub;
  let workspace: string;
  let nextId = 7000;
  const repo = () => gh.state.repo('acme', 'training');
  const commentsOn = (n: number) => repo().comments.filter((c) => c.issue === n);
  const hintRecords = () =>
    repo()
      .comments.flatMap((c) => readRecords(c.body))
      .filter((r) => r.kind === 'hint');
  const gradeComment = () =>
    commentsOn(5).find((c) => c.body.includes('<!-- enablekit:grade -->'))?.body ?? '';
  const everything = () =>
    [...repo().comments.map((c) => c.body), ...[...repo().issues.values()].map((i) => i.body)].join(
      '\n',
    );

  const comment = (author: string, body: string, id = nextId++) => {
    const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    repo().comments.push({ id, issue: 5, author, body, created_at: at, updated_at: at });
    return deliver(id, author, body);
  };
  const deliver = (id: number, author: string, body: string) =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'issue_comment',
      payload: issueCommentEvent({ id, author, body, issue: 5, isPull: true }),
      inputs: { 'answer-key': SECRET },
    });
  const push = (sha: string) => {
    const p = repo().pulls.get(5)!;
    p.head.sha = sha;
    return runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('synchronize', { number: 5, author: 'ana', headSha: sha }),
      inputs: { 'answer-key': SECRET },
    });
  };

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    const sealed = seal('curricula/hq.md', QUIZ, SECRET);
    assert.ok(sealed.ok);
    workspace = tempWorkspace({
      'curricula/enablekit.yml': 'version: 1\nroles:\n  support:\n    learners: [ana, ben]\n',
      'curricula/basics.md': MODULE('basics'),
      'curricula/hq.md': sealed.sealedText,
      'curricula/hq.key.yml': sealed.keyText,
    });
    const shown = parseFile('curricula/hq.md', sealed.sealedText).model.item as Quiz;
    const right = answerSheetText(shown, 'ana')
      .replace('- [ ] P1', '- [x] P1')
      .replace('Answer: ', 'Answer: 4');
    repo().setFiles('sha-1', { 'submissions/ana/hq.md': right });
    repo().setFiles('sha-2', { 'submissions/ana/hq.md': `${right}\n` });
    repo().addPull({
      number: 5,
      author: 'ana',
      title: 'answers',
      head: { ref: 'ana/hq', sha: 'sha-1' },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: 'submissions/ana/hq.md', status: 'added' }],
    });
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it('someone else is refused; the learner gets the hint and one record, once however often the comment is delivered or the hint asked for; the next grade charges it and says so', async () => {
    const first = await push('sha-1');
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(gradeComment(), /Passed: 100%/);
    assert.doesNotMatch(everything(), /HINT-SECRET/, 'the hint is in the key only');

    const ben = await comment('ben', '/hint prio');
    assert.equal(ben.code, 0, ben.stdout + ben.stderr);
    assert.match(
      commentsOn(5).at(-1)!.body,
      /^@ben: Expected a hint to be asked for by &#64;ana, whose checkpoint pull request this is; found &#64;ben\. Nothing was opened or recorded/,
    );
    assert.doesNotMatch(everything(), /HINT-SECRET/);
    assert.equal(hintRecords().length, 0);

    const id = nextId;
    const ana = await comment('ana', '/hint prio');
    assert.equal(ana.code, 0, ana.stdout + ana.stderr);
    const reply = commentsOn(5).at(-1)!.body;
    assert.match(
      reply,
      /^@ana: Here is hint 2 of question "prio" \(hq\)\. It costs 25% of the question/,
    );
    assert.match(reply, /\n\nHINT-SECRET: everyone blocked, no workaround: the top one\.\n\n/);
    assert.deepEqual(
      hintRecords().map((r) => [r.learner, r.checkpoint, r.question, r.hint, r.cost, r.pr, r.ref]),
      [['ana', 'hq', 'prio', 2, 0.25, 5, `hint-${id}`]],
    );

    const replies = () => commentsOn(5).filter((c) => c.body.includes('enablekit:hint')).length;
    const again = await deliver(id, 'ana', '/hint prio');
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(replies(), 2, 'a re-run of the same comment replies no more');
    assert.equal(hintRecords().length, 1, 'and records nothing more');

    await comment('ana', '/hint prio');
    assert.match(
      commentsOn(5).at(-1)!.body,
      /^@ana: You opened hint 2 of question "prio" \(hq\) on \d{4}-\d\d-\d\d; here it is again, at no further cost .* First opened in #5\.\n\nHINT-SECRET/,
    );
    assert.equal(hintRecords().length, 1, 'asking twice costs once');

    const rerun = await push('sha-1');
    assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
    assert.match(
      gradeComment(),
      /Passed: 100%/,
      'a re-run is graded as of its first run, before the hint',
    );

    const next = await push('sha-2');
    assert.equal(next.code, 0, next.stdout + next.stderr);
    const graded = gradeComment();
    assert.match(graded, /: 87\.5% \(pass mark/, 'prio earns 75% of its credit: (0.75 + 1) of 2');
    assert.match(graded, /✅ right \(0\.75\/1\)/);
    assert.match(graded, /Hint opened: −25% of the question(&#39;|')s credit\./);
  });

  const WRITES = [
    ['the hint record', /enablekit:record/],
    ['the reply with the hint', /enablekit:hint comment=/],
  ] as const;
  for (const [what, body] of WRITES)
    for (const f of [...FAULTS, DROPPED])
      it(`${what}: ${f.name}: the hint recorded once and given once`, async () => {
        gh.fault({
          ...f.fault,
          match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
          body,
        });
        const r = await comment('ana', '/hint prio');
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.ok(faultedIn(gh, f.fault), 'the fault fired');
        assert.equal(hintRecords().length, 1);
        assert.equal(
          commentsOn(5).filter((c) => c.body.includes('enablekit:hint comment=')).length,
          1,
        );
        assert.match(commentsOn(5).at(-1)!.body, /HINT-SECRET/);
      });

  it('a reply GitHub keeps refusing fails the run after the record; the re-run gives the hint once and records nothing more', async () => {
    gh.fault({
      ...KEEPS_FAILING,
      match: /^POST \/repos\/acme\/training\/issues\/5\/comments$/,
      body: /enablekit:hint comment=/,
    });
    const id = nextId;
    const failed = await comment('ana', '/hint prio');
    assert.notEqual(failed.code, 0, 'the run fails');
    assert.equal(hintRecords().length, 1, 'recorded before the hint is shown');
    const again = await deliver(id, 'ana', '/hint prio');
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(hintRecords().length, 1);
    const replies = commentsOn(5).filter((c) => c.body.includes(`enablekit:hint comment=${id}`));
    assert.equal(replies.length, 1);
    assert.match(replies[0]!.body, /^@ana: Here is hint 2[\s\S]*HINT-SECRET/);
  });
});
