import assert from 'node:assert/strict';
import { classifyPull } from '../core/grading/classify-pull.js';

describe('a learner cannot be graded once per spelling of their folder', () => {
  it('grades nothing when one pull request adds the same sheet under ANA, ANa, AnA and ana, and says which folder is theirs', () => {
    const files = ['ANA', 'ANa', 'AnA', 'ana'].map((d) => ({ filename: `submissions/${d}/quiz.md`, status: 'added' }));
    const plan = classifyPull(files, 'ana', 'submissions', 'curricula');
    assert.deepEqual(plan.sheets, [{ path: 'submissions/ana/quiz.md', checkpoint: 'quiz' }], 'only the exact folder is read as a sheet');
    assert.equal(plan.refusals.length, 3, 'each other spelling is refused, so the pull request is not graded');
    for (const d of ['ANA', 'ANa', 'AnA']) assert.ok(plan.refusals.some((r) => r.includes(`found submissions/${d}/quiz.md`) && r.includes('spelled exactly as your login, submissions/ana/')), d);
  });

  it('refuses a folder that differs from the login only in case, alone', () => {
    const plan = classifyPull([{ filename: 'submissions/ANA/quiz.md', status: 'added' }], 'ana', 'submissions', 'curricula');
    assert.deepEqual(plan.sheets, []);
    assert.match(plan.refusals.join('\n'), /Expected your folder spelled exactly as your login, submissions\/ana\/; found submissions\/ANA\/quiz\.md\. Move the sheet to submissions\/ana\/quiz\.md/);
  });

  it('takes a login spelled with capitals only in a folder spelled the same', () => {
    assert.deepEqual(classifyPull([{ filename: 'submissions/Ana/quiz.md', status: 'added' }], 'Ana', 'submissions', 'curricula').refusals, []);
    assert.equal(classifyPull([{ filename: 'submissions/ana/quiz.md', status: 'added' }], 'Ana', 'submissions', 'curricula').sheets.length, 0);
  });

  it('refuses a rename out of a case-variant folder like any other folder', () => {
    const plan = classifyPull([{ filename: 'submissions/ana/quiz.md', status: 'renamed', previous: 'submissions/Ana/quiz.md' }], 'ana', 'submissions', 'curricula');
    assert.match(plan.refusals.join('\n'), /moved from submissions\/Ana\/quiz\.md/);
  });

  it('keeps one sheet per checkpoint in a run, whatever the listing holds', () => {
    const plan = classifyPull([{ filename: 'submissions/ana/quiz.md', status: 'added' }, { filename: 'submissions/ana/quiz.md', status: 'modified' }], 'ana', 'submissions', 'curricula');
    assert.equal(plan.sheets.length, 1);
    assert.match(plan.refusals.join('\n'), /Expected one answer sheet per checkpoint in a pull request; found submissions\/ana\/quiz\.md a second time for "quiz"/);
  });
});
