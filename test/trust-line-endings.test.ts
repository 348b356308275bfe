import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  inForm,
  originalOffsets,
  textForm,
  toLf,
  type TextForm,
} from '../core/text/line-endings.js';
import { parseConfig } from '../core/config/config.js';
import { mentionLines } from '../core/freshness/stale-issue.js';
import { parseFile } from '../core/parse/parse-file.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { applyEdits } from '../core/lint/apply-fixes.js';
import { seal, unsealText, rotate } from '../core/sealing/seal.js';
import type { Quiz } from '../core/model.js';
import { LintSession } from '../core/lint/lint-session.js';
import { parseGradeCommand } from '../core/review/grade-command.js';
import { cli, tempWorkspace, MODULE, ROOT } from './helpers/cli.js';
import { copyAs, FORMS } from './helpers/line-ending-forms.js';

const TODAY = '2026-11-22';
const SECRET = 'correct horse battery staple 42';

function lintJson(dir: string): unknown[] {
  const r = cli(['lint', '--format', 'json', '--no-cache', '--today', TODAY], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as unknown[];
}

/** The sample curricula with mistakes in front matter, bodies, quizzes, links and the config, so there is something to compare. */
function brokenSample(): string {
  const dir = copyAs(join(ROOT, 'curricula'), { eol: '\n', bom: false });
  const edit = (file: string, from: string | RegExp, to: string) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const next = text.replace(from, to);
    assert.notEqual(next, text, `${file}: ${from}`);
    writeFileSync(join(dir, file), next);
  };
  edit('enablekit.yml', /pass_mark: \d+/, 'pass_mark: high');
  edit('support-onboarding/track.md', 'roles: [support]', 'roles: [suport]');
  edit('support-onboarding/triage-and-routing.md', /^owner: .*\n/m, '');
  edit(
    'support-onboarding/triage-and-routing.md',
    /\n# /,
    '\nSee [the missing page](nowhere.md).\n\n# ',
  );
  edit('support-onboarding/triage-quiz.md', /review_every: \w+/, 'review_every: soon');
  edit('support-onboarding/triage-quiz.md', '- [ ] P2', '- [ ] P2\n- [ ] P2');
  edit('product-foundations/product-foundations-quiz.md', /<!-- question id=[^>]*-->\n/, '');
  return dir;
}

describe('CRLF and a BOM read as LF everywhere (issue #17, section 1)', () => {
  describe('the line-endings module', () => {
    it("reads CRLF, lone CR and a BOM as LF, and writes LF back in a file's own form", () => {
      assert.equal(toLf('\ufeffa\r\nb\rc\n'), 'a\nb\nc\n');
      const lf = 'a\nb\n';
      assert.equal(toLf(lf), lf);
      assert.deepEqual(textForm('\ufeffa\r\nb\r\n'), { eol: '\r\n', bom: true });
      assert.deepEqual(
        textForm('a\r\nb\nc\r\n'),
        { eol: '\r\n', bom: false },
        'the ending used most',
      );
      assert.deepEqual(textForm('one line'), { eol: '\n', bom: false });
      for (const form of Object.values(FORMS)) assert.equal(toLf(inForm(lf, form)), lf);
      assert.equal(inForm(lf, FORMS['crlf+bom']!), '\ufeffa\r\nb\r\n');
    });

    it('maps every offset of the LF reading to the same character of the CRLF text', () => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom('a', 'é', ' ', '\n', '\r\n', '\r'), { maxLength: 60 }),
          fc.boolean(),
          (parts, bom) => {
            const original = `${bom ? '\ufeff' : ''}${parts.join('')}`;
            const lf = toLf(original);
            const at = originalOffsets(original);
            for (let i = 0; i < lf.length; i++) {
              const o = at(i);
              if (lf[i] === '\n')
                assert.ok(original[o] === '\n' || original[o] === '\r', `offset ${i}`);
              else assert.equal(original[o], lf[i]);
            }
            assert.equal(at(lf.length), original.length);
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('lint, through the built CLI', () => {
    it('lints the sample in CRLF, with a BOM, and both, exactly as in LF', () => {
      const lf = lintJson(join(ROOT, 'curricula'));
      assert.deepEqual(lf, []);
      for (const [name, form] of Object.entries(FORMS)) {
        const r = cli(
          ['lint', '--no-cache', '--today', TODAY],
          copyAs(join(ROOT, 'curricula'), form),
        );
        assert.equal(r.code, 0, `${name}: ${r.stdout}`);
        assert.match(
          r.stdout,
          /Linted 37 files: 6 tracks, 16 modules, 6 quizzes, 3 scenarios, 5 reflections\. No problems\./,
        );
      }
    });

    it('reports every diagnostic of a broken sample (config included) at the same file, line, column, rule and message in every form', () => {
      const broken = brokenSample();
      const lf = lintJson(broken) as { file: string; ruleId: string }[];
      const files = new Set(lf.map((d) => d.file));
      for (const f of [
        'enablekit.yml',
        'support-onboarding/track.md',
        'support-onboarding/triage-and-routing.md',
        'support-onboarding/triage-quiz.md',
        'product-foundations/product-foundations-quiz.md',
      ])
        assert.ok(files.has(f), `a diagnostic in ${f}: ${JSON.stringify(lf)}`);
      for (const [name, form] of Object.entries(FORMS))
        assert.deepEqual(lintJson(copyAs(broken, form)), lf, name);
    });

    it('reads a CRLF enablekit.yml as the LF one', () => {
      const text = readFileSync(join(ROOT, 'curricula', 'enablekit.yml'), 'utf8');
      const lf = parseConfig('enablekit.yml', text);
      for (const form of Object.values(FORMS))
        assert.deepEqual(parseConfig('enablekit.yml', inForm(text, form)), lf);
      const bad = 'version: 1\npolicies:\n  pass_mark: high\n';
      const problems = parseConfig('enablekit.yml', bad).problems;
      assert.equal(problems.length, 1);
      assert.deepEqual(parseConfig('enablekit.yml', inForm(bad, FORMS.crlf!)).problems, problems);
    });
  });

  describe("edits keep the file's own line ending", () => {
    const QUIZ =
      '---\ntype: quiz\nid: q\ntitle: Q\nmodule: a\nowner: alice\n---\n# Q\n\n## Pick one?\n\n- [x] Yes\n- [ ] No\n- [ ] No\n';
    const FIXED =
      '---\ntype: quiz\nid: q\ntitle: Q\nmodule: a\nowner: alice\n---\n# Q\n\n## Pick one?\n<!-- question id=pick-one -->\n\n- [x] Yes\n- [ ] No\n';

    const LF: TextForm = { eol: '\n', bom: false };
    for (const [name, form] of Object.entries({ lf: LF, ...FORMS })) {
      it(`lint --fix on a ${name} file writes ${name}`, () => {
        const dir = tempWorkspace({
          'enablekit.yml': inForm('version: 1\n', form),
          'a.md': inForm(MODULE('a'), form),
          'q.md': inForm(QUIZ, form),
        });
        const r = cli(['lint', '--fix'], dir);
        assert.equal(r.code, 0, r.stdout);
        assert.match(r.stdout, /Fixed 2 problems/);
        assert.equal(readFileSync(join(dir, 'q.md'), 'utf8'), inForm(FIXED, form));
      });
    }

    it("the editor's quick fixes land on the same characters of a CRLF document (offsets mapped as code-actions.ts does)", () => {
      const lint = lintInMemory(
        { 'enablekit.yml': 'version: 1\n', 'a.md': MODULE('a'), 'q.md': inForm(QUIZ, FORMS.crlf!) },
        TODAY,
      );
      const fixes = lint.diagnostics.filter((d) => d.fix).flatMap((d) => d.fix!.edits);
      assert.equal(fixes.length, 2);
      const crlf = inForm(QUIZ, FORMS.crlf!);
      const at = originalOffsets(crlf);
      const mapped = fixes.map((e) => ({
        ...e,
        start: at(e.start),
        end: at(e.end),
        text: e.text.replace(/\n/g, '\r\n'),
      }));
      assert.equal(applyEdits(crlf, mapped).text, inForm(FIXED, FORMS.crlf!));
    });

    it('seal and unseal (core and CLI) keep CRLF, a BOM and LF; a CRLF seal unseals in an LF checkout as LF', () => {
      const quiz = readFileSync(
        join(ROOT, 'curricula', 'support-onboarding', 'triage-quiz.md'),
        'utf8',
      );
      // Ordering items are shuffled at random when sealed: every seal here draws the same numbers, so the texts compare.
      const sameDraw = (into: Uint32Array) => into.map((_, i) => (i * 2654435761) >>> 0);
      const lfSealed = seal('q/triage-quiz.md', quiz, SECRET, sameDraw);
      assert.ok(lfSealed.ok);
      assert.doesNotMatch(lfSealed.sealedText + lfSealed.keyText, /\r/);
      for (const [name, form] of Object.entries(FORMS)) {
        const source = inForm(quiz, form);
        const s = seal('q/triage-quiz.md', source, SECRET, sameDraw);
        assert.ok(s.ok, name);
        assert.equal(s.sealedText, inForm(lfSealed.sealedText, form), name);
        assert.equal(toLf(s.keyText).split('\n').length, lfSealed.keyText.split('\n').length);
        if (form.eol === '\r\n')
          assert.doesNotMatch(
            s.keyText.replace(/\r\n/g, ''),
            /\n/,
            "the key file in the quiz's ending",
          );
        const opened = unsealText('q/triage-quiz.md', s.sealedText, `\ufeff${s.keyText}`, SECRET);
        assert.ok(opened.ok);
        assert.equal(opened.source, source, `${name}: unsealed exactly`);
        // The same commit checked out with LF: the key opens, and the quiz comes back LF.
        const inLf = unsealText('q/triage-quiz.md', toLf(s.sealedText), toLf(s.keyText), SECRET);
        assert.ok(inLf.ok);
        assert.equal(inLf.source, quiz);
        const quizModel = parseFile('q/triage-quiz.md', s.sealedText).model.item as Quiz;
        const rotated = rotate(quizModel, s.keyText, SECRET, 'another secret');
        assert.ok(rotated.ok);
        assert.equal(textForm(rotated.keyText).eol, form.eol, "rotate keeps the key file's ending");
      }
      for (const form of [{ eol: '\n', bom: false } as TextForm, FORMS.crlf!]) {
        const dir = tempWorkspace({
          'curricula/enablekit.yml': inForm('version: 1\n', form),
          'curricula/basics.md': inForm(MODULE('basics'), form),
          'curricula/triage-quiz.md': inForm(
            quiz.replace(/^module: .*$/m, 'module: basics').replace(/^covers: .*\n/m, ''),
            form,
          ),
        });
        const original = readFileSync(join(dir, 'curricula', 'triage-quiz.md'), 'utf8');
        const sealed = cli(['seal'], dir, { ENABLEKIT_KEY: SECRET });
        assert.equal(sealed.code, 0, sealed.stdout + sealed.stderr);
        const sealedText = readFileSync(join(dir, 'curricula', 'triage-quiz.md'), 'utf8');
        assert.equal(textForm(sealedText).eol, form.eol);
        assert.equal(
          toLf(sealedText).split('\n').length,
          sealedText.split(form.eol).length,
          'one ending throughout',
        );
        const lint = cli(['lint', 'curricula', '--no-cache'], dir, { ENABLEKIT_KEY: SECRET });
        assert.equal(lint.code, 0, lint.stdout);
        const rotated = cli(['seal', '--rotate'], dir, {
          ENABLEKIT_KEY: SECRET,
          ENABLEKIT_NEW_KEY: 'another secret',
        });
        assert.equal(rotated.code, 0, rotated.stdout);
        assert.equal(
          textForm(readFileSync(join(dir, 'curricula', 'triage-quiz.key.yml'), 'utf8')).eol,
          form.eol,
        );
        const unsealed = cli(['unseal'], dir, { ENABLEKIT_KEY: 'another secret' });
        assert.equal(unsealed.code, 0, unsealed.stdout + unsealed.stderr);
        assert.equal(readFileSync(join(dir, 'curricula', 'triage-quiz.md'), 'utf8'), original);
      }
    });
  });

  it("an editor's CRLF document, typed in, lints as the LF file does (the incremental parse sees LF)", () => {
    const quiz = readFileSync(
      join(ROOT, 'curricula', 'support-onboarding', 'triage-quiz.md'),
      'utf8',
    ).replace('<!-- question id=blocked-priority type=single -->\n', '');
    const session = new LintSession();
    session.setConfig(inForm('version: 1\nfeatures:\n  - id: routing-rules\n', FORMS.crlf!));
    session.setFile('m.md', inForm(MODULE('triage-and-routing'), FORMS.crlf!));
    const crlf = inForm(quiz, FORMS.crlf!);
    session.setFile('q.md', crlf, { editing: true });
    session.lint(TODAY);
    // A keystroke in the body, then one in the front matter.
    const typed = crlf
      .replace('## Put the triage', '## Now put the triage')
      .replace('title: ', 'title: The ');
    session.setFile('q.md', typed, { editing: true });
    const got = session.lint(TODAY).diagnostics.get('q.md');
    const want = lintInMemory(
      {
        'enablekit.yml': 'version: 1\nfeatures:\n  - id: routing-rules\n',
        'm.md': MODULE('triage-and-routing'),
        'q.md': toLf(typed),
      },
      TODAY,
    ).diagnostics.filter((d) => d.file === 'q.md');
    assert.ok(
      want.some((d) => d.ruleId === 'quiz-question-id'),
      JSON.stringify(want),
    );
    assert.deepEqual(got, want);
  });

  it("a reviewer's comment reads alike with CRLF or lone CR line breaks", () => {
    for (const eol of ['\n', '\r\n', '\r'])
      assert.deepEqual(
        parseGradeCommand(`/grade pass${eol}Clear and kind.${eol}Good escalation.`),
        { verdict: 'pass', notes: 'Clear and kind.\nGood escalation.' },
        JSON.stringify(eol),
      );
  });

  it("release notes, and a file's mentions of a feature, read alike in any line ending", () => {
    const text = 'intro\nthe inbox changed\nnothing\nSLA too\n';
    const lf = mentionLines(text, ['inbox', 'sla']);
    assert.deepEqual(
      lf.map((m) => m.line),
      [2, 4],
    );
    for (const eol of ['\r\n', '\r'] as const)
      assert.deepEqual(mentionLines(`\ufeff${text.replace(/\n/g, eol)}`, ['inbox', 'sla']), lf);
  });
});
