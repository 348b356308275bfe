import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { applyEdits, bulkFixEdits, fixText } from '../core/lint/apply-fixes.js';
import type { Diagnostic } from '../core/types.js';
import { cli, tempWorkspace, MODULE } from './helpers/cli.js';

const TODAY = '2026-11-22';
const CONFIG = 'version: 1\nroles:\n  support: {}\nfeatures:\n  - id: inbox\n';

/** Lint a small workspace and take the one diagnostic of a rule in a file. */
function only(files: Record<string, string>, ruleId: string, file: string): Diagnostic {
  const found = lintInMemory(files, TODAY).diagnostics.filter(
    (d) => d.ruleId === ruleId && d.file === file,
  );
  assert.equal(found.length, 1, JSON.stringify(found, null, 2));
  return found[0]!;
}

/** A file's text after one diagnostic's fix. */
const accept = (files: Record<string, string>, d: Diagnostic) =>
  applyEdits(files[d.file]!, d.fix!.edits).text;

describe('quick fixes: every diagnostic that names one replacement offers it', () => {
  it('an unknown prerequisite with one close match: a suggestion "Change to \'…\'" that writes it', () => {
    const files = {
      'enablekit.yml': CONFIG,
      'ticket-lifecycle.md': MODULE('ticket-lifecycle'),
      'tour.md': MODULE('product-tour', 'prerequisites: [ticket-lifecycel]\n'),
    };
    const d = only(files, 'unknown-reference', 'tour.md');
    assert.match(d.message, /Did you mean "ticket-lifecycle"\?/);
    assert.deepEqual(
      { description: d.fix?.description, suggestion: d.fix?.suggestion },
      { description: "Change to 'ticket-lifecycle'", suggestion: true },
    );
    assert.equal(accept(files, d), MODULE('product-tour', 'prerequisites: [ticket-lifecycle]\n'));
    assert.equal(bulkFixEdits([d], 'submissions').size, 0, 'never in fix-all or lint --fix');
  });

  it('keeps quotes around a quoted id, fixes a block-list item, and a track entry written as a mapping at its module:', () => {
    const files = {
      'enablekit.yml': CONFIG,
      'triage.md': MODULE('triage'),
      'a.md': MODULE('a', 'prerequisites: ["triag"]\n'),
      'b.md': MODULE('b', 'prerequisites:\n  - triag\n'),
      't.md':
        '---\ntype: track\nid: t\ntitle: T\nowner: alice\nroles: [support]\nmodules:\n  - module: triag\n    optional: true\n---\n# T\n',
    };
    assert.equal(
      accept(files, only(files, 'unknown-reference', 'a.md')),
      MODULE('a', 'prerequisites: ["triage"]\n'),
    );
    assert.equal(
      accept(files, only(files, 'unknown-reference', 'b.md')),
      MODULE('b', 'prerequisites:\n  - triage\n'),
    );
    const t = only(files, 'unknown-reference', 't.md');
    assert.equal(t.line, 8);
    assert.equal(t.column, 13, 'reported at the module: value, not the whole entry');
    assert.equal(accept(files, t), files['t.md'].replace('module: triag', 'module: triage'));
  });

  it('an unknown id with nothing close says so and offers no fix', () => {
    const files = { 'a.md': MODULE('a', 'prerequisites: [zzz-nothing-like-it]\n') };
    const d = only(files, 'unknown-reference', 'a.md');
    assert.equal(d.fix, undefined);
  });

  it("a misspelt front-matter key and an enum value: suggestions; a key written already isn't offered twice", () => {
    const files = {
      'a.md': MODULE('a', 'review_evry: 90d\nrecertify: on-releas\n'),
      'b.md': MODULE('b', 'titel: B\n'),
    };
    const diags = lintInMemory(files, TODAY).diagnostics.filter((d) => d.ruleId === 'schema');
    const key = diags.find((d) => d.message.includes('review_evry'))!;
    assert.equal(key.fix?.description, "Change to 'review_every'");
    assert.equal(key.fix?.suggestion, true);
    const value = diags.find((d) => d.message.includes('on-releas'))!;
    assert.match(value.message, /Did you mean "on-release"\?/);
    assert.equal(
      applyEdits(files['a.md'], [...key.fix.edits, ...value.fix!.edits]).text,
      MODULE('a', 'review_every: 90d\nrecertify: on-release\n'),
    );
    const titel = diags.find((d) => d.file === 'b.md')!;
    assert.equal(
      titel.fix,
      undefined,
      'title is written already: renaming titel would write it twice',
    );
    assert.match(titel.message, /Remove it or fix its spelling/);
  });

  it('a value that must be one thing (version: 1) offers it, as a suggestion: a newer file may mean another', () => {
    const d = only({ 'enablekit.yml': 'version: 2\n' }, 'schema', 'enablekit.yml');
    assert.match(d.message, /Expected version to be 1; found 2\. Set it to that value\./);
    assert.deepEqual(d.fix, {
      description: "Change to '1'",
      edits: [{ start: 9, end: 10, text: '1' }],
      suggestion: true,
    });
  });

  it("enablekit.yml's fixes land on its own text (not the wrapped front matter it is read as), CRLF too", () => {
    const config = 'version: 1\ntimezone: America/Los_Angles\npolicies:\n  recertify: on-releas\n';
    const diags = lintInMemory({ 'enablekit.yml': config }, TODAY).diagnostics;
    const fixes = diags.filter((d) => d.fix);
    assert.deepEqual(fixes.map((d) => d.fix!.description).sort(), [
      "Change to 'America/Los_Angeles'",
      "Change to 'on-release'",
    ]);
    const edits = fixes.flatMap((d) => d.fix!.edits);
    const want = 'version: 1\ntimezone: America/Los_Angeles\npolicies:\n  recertify: on-release\n';
    assert.equal(applyEdits(config, edits).text, want);
    assert.equal(fixText(config.replace(/\n/g, '\r\n'), edits).text, want.replace(/\n/g, '\r\n'));
  });

  it('a question comment: a misspelt attribute, type= and scoring= value are suggestions; a tick written another way is a safe fix', () => {
    const quiz = (comment: string, choices: string) =>
      `---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n## Pick?\n${comment}\n\n${choices}`;
    const before = quiz(
      '<!-- question id=p wieght=2 type=singel scoring="all-or-nothin" -->',
      '- [✓] Yes\n- []No\n',
    );
    const files = { 'm.md': MODULE('m'), 'q.md': before };
    const diags = lintInMemory(files, TODAY).diagnostics.filter((d) => d.file === 'q.md');
    const suggested = diags.filter((d) => d.fix?.suggestion);
    assert.deepEqual(suggested.map((d) => d.fix!.description).sort(), [
      "Change to 'all-or-nothing'",
      "Change to 'single'",
      "Change to 'weight'",
    ]);
    const safe = [...bulkFixEdits(diags, 'submissions').values()].flat();
    assert.equal(
      applyEdits(before, safe).text,
      quiz(
        '<!-- question id=p wieght=2 type=singel scoring="all-or-nothin" -->',
        '- [x] Yes\n- [ ] No\n',
      ),
      'lint --fix writes the ticks, and leaves the guesses',
    );
    assert.equal(
      applyEdits(
        before,
        diags.flatMap((d) => d.fix?.edits ?? []),
      ).text,
      quiz(
        '<!-- question id=p weight=2 type=single scoring="all-or-nothing" -->',
        '- [x] Yes\n- [ ] No\n',
      ),
    );
    assert.deepEqual(
      lintInMemory(
        {
          ...files,
          'q.md': applyEdits(
            before,
            diags.flatMap((d) => d.fix?.edits ?? []),
          ).text,
        },
        TODAY,
      ).diagnostics,
      [],
      'every problem is gone once the fixes are in',
    );
  });
});

describe("quick fixes in a learner's answer sheet", () => {
  it('a tick written [✓] offers "Write [x]" in the editor, and fix-all still never edits a sheet', () => {
    const sheet =
      '---\ntype: answer-sheet\ncheckpoint: triage-quiz\nlearner: ana\n---\n\n# Triage quiz: answers\n\n## Which priority?\n<!-- question id=priority type=single -->\n\n- [✓] P1\n- [ ] P2\n';
    const files = { 'submissions/ana/triage-quiz.md': sheet };
    const d = only(files, 'answer-sheet', 'submissions/ana/triage-quiz.md');
    assert.equal(d.fix?.description, 'Write [x]');
    assert.equal(accept(files, d), sheet.replace('[✓]', '[x]'));
    assert.equal(bulkFixEdits([d], 'submissions').size, 0, "a learner's sheet is theirs to change");
  });
});

describe('enablekit lint --fix (the built CLI) with suggestions', () => {
  it('applies the safe fixes, leaves a suggestion as written, and says it is there', () => {
    const quiz =
      '---\ntype: quiz\nid: q\ntitle: Q\nmodule: ticket-lifecycle\nowner: alice\n---\n# Q\n\n## Pick one?\n<!-- question id=pick -->\n\n- [✓] Yes\n- [ ] No\n';
    const tour = MODULE('product-tour', 'prerequisites: [ticket-lifecycel]\n');
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\n',
      'ticket-lifecycle.md': MODULE('ticket-lifecycle'),
      'tour.md': tour,
      'q.md': quiz,
    });
    const before = cli(['lint', '--no-cache'], dir);
    assert.match(before.stdout, /1 can be fixed with --fix/, before.stdout);
    assert.match(before.stdout, /1 has a suggested fix that --fix leaves alone/);
    const r = cli(['lint', '--fix', '--no-cache'], dir);
    assert.match(r.stdout, /Fixed 1 problem\./, r.stdout + r.stderr);
    assert.equal(readFileSync(join(dir, 'q.md'), 'utf8'), quiz.replace('[✓]', '[x]'));
    assert.equal(readFileSync(join(dir, 'tour.md'), 'utf8'), tour, 'the guess is not written');
    assert.match(r.stdout, /found "ticket-lifecycel"\. Did you mean "ticket-lifecycle"\?/);
    assert.equal(r.code, 1, 'the unknown prerequisite is still an error');
  });
});
