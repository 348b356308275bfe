import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inForm, type TextForm } from '../core/text/line-endings.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { parseFile } from '../core/parse/parse-file.js';
import type { Quiz } from '../core/model.js';
import { cli, ROOT } from './helpers/cli.js';
import { copyAs, filesUnder, FORMS } from './helpers/line-ending-forms.js';

describe('CRLF and a BOM read as LF everywhere (issue #17, section 1)', () => {
  describe('grading', () => {
    const quizzes = () =>
      filesUnder(join(ROOT, 'curricula'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => parseFile(f, readFileSync(join(ROOT, 'curricula', f))).model.item)
        .filter((i) => i?.type === 'quiz' || i?.type === 'reflection');

    /** A blank sheet filled in: half the questions right, half wrong; a reflection ticked and answered. */
    function fill(sheet: string, quiz: Quiz | undefined): string {
      const out: string[] = [];
      let q: Quiz['questions'][number] | undefined;
      let right = false;
      let n = 0;
      let item = 0;
      for (const line of sheet.split('\n')) {
        const meta = /<!-- question id=([\w-]+)/.exec(line);
        if (meta) {
          q = quiz?.questions.find((x) => x.id === meta[1]);
          right = n++ % 2 === 0;
          item = 0;
        }
        const choice = /^- \[ \] (.*)$/.exec(line);
        if (!quiz && choice) out.push(`- [x] ${choice[1]}`);
        else if (choice && q) {
          const c = q.choices.find((x) => x.text === choice[1]);
          const tick = right ? c?.checked : c === q.choices.find((x) => !x.checked);
          out.push(tick ? `- [x] ${choice[1]}` : line);
        } else if (/^Answer:/.test(line) && q) {
          const answer =
            q.type === 'numeric'
              ? String((q.numeric?.value ?? 0) + (right ? 0 : 1000))
              : right && q.accepted[0] && !q.accepted[0].value.startsWith('/')
                ? q.accepted[0].value
                : 'not this';
          out.push(`Answer: ${answer}`);
        } else if (/^\d+\. /.test(line) && q?.type === 'ordering' && right) {
          // Put the items in the author's order: the right one.
          out.push(`${item + 1}. ${q.items[item]!.text}`);
          item++;
        } else if (!quiz && /^### /.test(line)) out.push(line, '', 'word '.repeat(70).trim());
        else out.push(line);
      }
      return out.join('\n');
    }

    it('grades every sample quiz and reflection sheet written in CRLF, with a BOM, and both, exactly as in LF', function () {
      this.timeout(120_000);
      const items = quizzes();
      assert.ok(items.length >= 10);
      const lfDir = copyAs(join(ROOT, 'curricula'), { eol: '\n', bom: false });
      const sheets = new Map<string, string>();
      for (const item of items) {
        assert.equal(
          cli(['take', item.id, '--learner', 'ana', '--curricula', '.'], lfDir).code,
          0,
          item.id,
        );
        const path = join(lfDir, 'submissions', 'ana', `${item.id}.md`);
        sheets.set(
          item.id,
          fill(readFileSync(path, 'utf8'), item.type === 'quiz' ? item : undefined),
        );
      }
      const gradeAll = (dir: string, form: TextForm) => {
        const out = new Map<string, unknown>();
        for (const [id, text] of sheets) {
          writeFileSync(join(dir, 'submissions', 'ana', `${id}.md`), inForm(text, form));
          const r = cli(
            ['grade', `submissions/ana/${id}.md`, '--format', 'json', '--curricula', '.'],
            dir,
          );
          assert.ok(r.code === 0 || r.code === 1, r.stderr);
          out.set(id, JSON.parse(r.stdout));
        }
        return out;
      };
      const lf = gradeAll(lfDir, { eol: '\n', bom: false });
      const graded = [...lf.values()] as {
        questions?: { outcome: string }[];
        percent?: number;
        missing?: string[];
      }[];
      const outcomes = graded.flatMap((g) => g.questions?.map((q) => q.outcome) ?? []);
      assert.ok(
        outcomes.includes('right') && outcomes.includes('wrong'),
        `a mix of outcomes: ${outcomes.join(', ')}`,
      );
      assert.ok(
        graded.every((g) => g.questions || g.missing),
        'every sheet graded or checked, none refused',
      );
      for (const [name, form] of Object.entries(FORMS)) {
        const dir = copyAs(lfDir, form);
        assert.deepEqual(gradeAll(dir, form), lf, name);
      }
    });

    it('reads a sheet with CRLF or a BOM as the same sheet (no "found none", no "\\r" in an answer)', () => {
      const sheet =
        '---\ntype: answer-sheet\ncheckpoint: q\nlearner: crlfer\n---\n\n## Which header?\n<!-- question id=h type=text -->\n\nAnswer: X-Request-Id\n';
      const lf = readAnswerSheet(sheet);
      assert.ok(lf.ok);
      for (const [name, form] of Object.entries(FORMS)) {
        const r = readAnswerSheet(inForm(sheet, form));
        assert.ok(r.ok, name);
        assert.equal(r.sheet.learner, 'crlfer');
        assert.deepEqual(r.sheet.questions, lf.sheet.questions, name);
      }
    });
  });
});
