import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { seal } from '../core/sealing/seal.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { tempWorkspace, MODULE } from './helpers/cli.js';
import { pullRequestEvent, runAction } from './helpers/run-action.js';

const SECRET = 'correct horse battery staple 42';
/** Every kind of credit issue #21 item 1 adds, sealed, with its feedback marked ZEBRA-… to grep for. */
const QUIZ = `---
type: quiz
id: credits-quiz
title: Credits quiz
module: basics
owner: lead
reveal_answers: never
---
# Credits quiz

## Within how many hours does a P2 need a first reply?
<!-- question id=p2 -->

Accepted numbers:

- 4 ± 0.5
- 8 (50%)
  > ZEBRA-EIGHT: eight hours is the P3 window.

## Which are prime?
<!-- question id=primes type=multiple -->

- [x] 2 (credit 50%)
- [x] 3 (credit 50%)
- [ ] 4 (credit -50%)
  > ZEBRA-FOUR: four is two twos.

## Which header carries the request id?
<!-- question id=header -->

Accepted answers:

- \`X-Request-Id\`
- \`Request-Id\` (credit 50%)
  > ZEBRA-CLOSE: the header has an X- prefix.

## Put the steps in order
<!-- question id=steps scoring=partial -->

1. Read
2. Find the impact
3. Set the priority
4. Route

## Match each tool to its job
<!-- question id=tools -->

- Grafana → dashboards
- PagerDuty → paging
- → billing

## Complete the routing rule
<!-- question id=rule -->

A P1 goes to the {1} queue and is answered within {2} minutes.

- {1}
  - [x] Incident
  - [ ] Tier 1
- {2}
  - \`15\`
`;

describe('the Action grades per-answer credit and says what earned what (issue #21, item 1)', function () {
  this.timeout(60_000);
  let gh: LocalGitHub;
  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, []);
  });

  it('a sealed quiz: each partly right answer earns its credit, the comment says so per question, and nothing hidden leaks', async () => {
    const sealed = seal('curricula/credits-quiz.md', QUIZ, SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    const sealedQuiz = parseFile('curricula/credits-quiz.md', sealed.sealedText).model.item as Quiz;
    let sheet = answerSheetText(sealedQuiz, 'ana')
      .replace('Answer: \n', 'Answer: 8\n')
      .replace('Answer: \n', 'Answer: request-id\n')
      .replace('- [ ] 2\n', '- [x] 2\n')
      .replace('- [ ] 4\n', '- [x] 4\n')
      .replace('- Grafana → \n', '- Grafana → DASHBOARDS\n')
      .replace('- PagerDuty → \n', '- PagerDuty → billing\n')
      .replace('  - [ ] Incident\n', '  - [x] Incident\n')
      .replace('- {2}: \n', '- {2}: 16\n');
    // Route moved to the front: 3 of 4 in order. Sealing shuffles the items anew each time, and
    // an order left as the sheet listed it earns no partial credit: if the sheet happens to list
    // this very order (1 seal in 24), Route goes second instead, as far from right.
    const listed = sheet.match(/(?:^\d+\. .*\n)+/m)![0];
    const moved = ['Route', 'Read', 'Find the impact', 'Set the priority'];
    const order = listed.includes('1. Route\n2. Read\n')
      ? ['Read', 'Route', 'Find the impact', 'Set the priority']
      : moved;
    sheet = sheet.replace(listed, order.map((t, i) => `${i + 1}. ${t}\n`).join(''));
    const workspace = tempWorkspace({
      'curricula/enablekit.yml': 'version: 1\nroles:\n  support:\n    learners: [ana]\n',
      'curricula/basics.md': MODULE('basics'),
      'curricula/credits-quiz.md': sealed.sealedText,
      'curricula/credits-quiz.key.yml': sealed.keyText,
    });
    const repo = gh.state.repo('acme', 'training');
    repo.setFiles('sha-1', { 'submissions/ana/credits-quiz.md': sheet });
    repo.addPull({
      number: 5,
      author: 'ana',
      title: 'answers',
      head: { ref: 'ana/q', sha: 'sha-1' },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: 'submissions/ana/credits-quiz.md', status: 'added' }],
    });
    const r = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', { number: 5, author: 'ana', headSha: 'sha-1' }),
      inputs: { 'answer-key': SECRET },
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    // 0.5 + 0 + 0.5 + 2/3 + 0.5 + 0.5 of 6.
    assert.equal(JSON.parse(r.outputs.summary!).sheets[0].percent, 44.4);
    const comment = repo.comments.map((c) => c.body).join('\n');
    assert.match(
      comment,
      /🟡 partly right \(0\.5\/1\) \| This number earns 50% of the question's credit\.<br>ZEBRA-EIGHT/,
    );
    assert.match(
      comment,
      /❌ wrong \(0\/1\) \| Your ticks add up to 0% of the question's credit\. \|/,
    );
    assert.match(
      comment,
      /🟡 partly right \(0\.5\/1\) \| This answer earns 50% of the question's credit\.<br>ZEBRA-CLOSE/,
    );
    assert.match(
      comment,
      /🟡 partly right \(0\.667\/1\) \| 3 of 4 items are in the right order relative to each other \(1 to move\): 66\.7% of the question's credit\./,
    );
    assert.match(
      comment,
      /🟡 partly right \(0\.5\/1\) \| 1 of 2 prompts are matched right: 50% of the question's credit\./,
    );
    assert.match(
      comment,
      /🟡 partly right \(0\.5\/1\) \| 1 of 2 blanks are right: 50% of the question's credit\./,
    );
    assert.doesNotMatch(
      comment,
      /ZEBRA-FOUR|Each tick|X-Request-Id|→ paging|\{2\} 15/,
      'what would tell the right answer stays hidden',
    );
  });
});
