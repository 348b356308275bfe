import assert from 'node:assert/strict';
import { classifyPull } from '../../core/grading/classify-pull.js';
import { finishPull } from '../../core/grading/finish-pull.js';
import type { GradedPull, PullReads, QuizKey, SheetRead } from '../../core/grading/plan-pull.js';
import { answerSheetText } from '../../core/grading/sheet-template.js';
import type { Config } from '../../core/config/config.js';
import type { Quiz } from '../../core/model.js';
import type { ProgressRecord } from '../../core/progress/records.js';
import type { WorkspaceIndex } from '../../core/workspace/workspace-index.js';
import { loadIndex } from '../../host/analyse.js';
import { resolveTargets } from '../../host/workspace-files.js';
import { ROOT } from './cli.js';

// The sample curricula: service-types-quiz (3 questions, the config's 3 attempts and 24h cooldown),
// support-mock-beginner (reviewed by lena-trainer), and ana-support, a support learner.
export const QUIZ = 'service-types-quiz';
export const MOCK = 'support-mock-beginner';
export const ANA = 'ana-support';
export const NOW = '2026-11-20T10:00:00Z';
export const pull = { number: 7, author: ANA, headSha: 'sha-2', labels: [] as string[] };

/**
 * What the plan-pull tests share: the sample curricula loaded once (a mocha before hook, so call
 * it inside a describe), sheets for them, and what the Action would have read at the head.
 */
export function planPullHarness() {
  let roster!: { index: WorkspaceIndex; config: Config };
  let quiz!: Quiz;
  before(async () => {
    const { index, config } = await loadIndex({
      cwd: ROOT,
      cache: false,
      version: 'test',
      targets: resolveTargets(ROOT, ['curricula']),
    });
    roster = { index, config };
    quiz = index.item(QUIZ) as Quiz;
    assert.equal(quiz?.type, 'quiz');
    assert.equal(index.item(MOCK)?.type, 'scenario');
  });

  const sheetOf = (learner: string, answers: 'right' | 'wrong') => {
    const blank = answerSheetText(quiz, learner);
    return answers === 'right'
      ? blank
          .replace('- [ ] Premium support', '- [x] Premium support')
          .replace('Answer: \n', 'Answer: 1\n')
          .replace('Answer: \n', 'Answer: 90\n')
      : blank
          .replace('- [ ] Office hours', '- [x] Office hours')
          .replace('Answer: \n', 'Answer: 4\n')
          .replace('Answer: \n', 'Answer: 30\n');
  };
  const mockSheet = (learner: string) =>
    `---\ntype: answer-sheet\ncheckpoint: ${MOCK}\nlearner: ${learner}\n---\n\n# Mock: submission\n\n## Transcript\n\nDana: nobody can log in since this morning.\n`;

  /** What the Action would have read for these files at the head, author ana-support. */
  function reads(
    files: Record<string, SheetRead | undefined>,
    extra: Partial<PullReads> = {},
  ): PullReads {
    const classified = classifyPull(
      Object.keys(files).map((filename) => ({ filename, status: 'added' })),
      pull.author,
      'submissions',
      'curricula',
    );
    const keys = new Map<string, QuizKey>([[QUIZ, { ok: true, quiz }]]);
    return {
      pull,
      curricula: 'curricula',
      classified,
      comments: [],
      roster,
      texts: classified.sheets.map((s) => files[s.path]),
      keys,
      dryRun: false,
      now: NOW,
      ...extra,
    };
  }
  const finish = (g: GradedPull, r: PullReads, dryRun = false) =>
    finishPull({
      pull,
      refusals: r.classified.refusals,
      results: g.results,
      records: g.records,
      sections: g.sections,
      reviews: g.reviews,
      outcomeReviews: g.outcomeReviews,
      replies: g.replies,
      keyFailures: g.keyFailures,
      dryRun,
    });
  const failedAttempt = (at: string, sha = 'sha-1'): ProgressRecord => ({
    learner: ANA,
    checkpoint: QUIZ,
    kind: 'quiz',
    pr: 6,
    sha,
    at,
    passed: false,
    percent: 0,
    attempt: 1,
  });
  return {
    get roster() {
      return roster;
    },
    get quiz() {
      return quiz;
    },
    sheetOf,
    mockSheet,
    reads,
    finish,
    failedAttempt,
  };
}
