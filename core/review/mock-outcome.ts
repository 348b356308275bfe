import type { Config } from '../config/config.js';
import type { Scenario } from '../model.js';
import { isResult, type ProgressRecord } from '../progress/records.js';
import { cycleStart } from '../progress/recertification.js';
import { escapeMarkdown } from '../text/markdown-escape.js';
import type { GradeCommand } from './grade-command.js';
import { rubricVerdict, type ReviewerFacts } from './rubric-verdict.js';

/** A reviewer's command on the pull request: a `/grade` comment or a review that starts with one. */
export interface ReviewCommand {
  reviewer: ReviewerFacts;
  command: GradeCommand;
  /** `comment-<id>` or `review-<id>`: one verdict per comment or review, so a re-run records nothing new. */
  ref: string;
  at: string;
  /** Criteria ticked in the rubric checklist when the command was read. */
  ticked: Set<string>;
}

export interface MockFacts {
  scenario: Scenario;
  learner: string;
  learnerRoles: string[];
  config: Config;
  pr: number;
  sha: string;
  /** This learner's records: from the progress issue and this pull request's comment. */
  records: readonly ProgressRecord[];
  review?: ReviewCommand;
}

export interface MockOutcome {
  state: 'pending' | 'passed' | 'failed';
  /** A verdict this run adds. */
  record?: ProgressRecord;
  /** Why the command was not taken, told to the reviewer who wrote it. */
  reply?: string;
  markdown: string;
}

/**
 * Where a learner's mock stands on a pull request, after the reviewer's command if there
 * is one: a verdict for the head commit, or waiting for one. Only allowed reviewers grade,
 * prerequisites (the beginner mock) come first, and a pass needs every required criterion.
 */
export function mockOutcome(f: MockFacts): MockOutcome {
  const s = f.scenario;
  const learner = f.learner.toLowerCase();
  const verdicts = f.records.filter(
    (r) => r.kind === 'mock' && r.checkpoint === s.id && r.learner.toLowerCase() === learner,
  );
  const passed = new Set(
    f.records
      .filter((r) => isResult(r) && r.passed && r.learner.toLowerCase() === learner)
      .map((r) => r.checkpoint),
  );
  let record: ProgressRecord | undefined;
  let reply: string | undefined;
  if (f.review && !verdicts.some((r) => r.pr === f.pr && r.ref === f.review!.ref)) {
    // An attempt is a submission graded: a verdict changed on the same commit is not a new attempt.
    // Verdicts before a recertification are of an earlier cycle: attempts are counted afresh.
    const start = cycleStart(f.records, f.learner, s.id);
    const earlier = new Set(
      verdicts
        .filter(
          (r) =>
            !(r.pr === f.pr && r.sha === f.sha) &&
            (!start || Date.parse(r.at) > Date.parse(start.at)),
        )
        .map((r) => `${r.pr}@${r.sha}`),
    );
    const v = rubricVerdict({
      scenario: s,
      learner: f.learner,
      learnerRoles: f.learnerRoles,
      reviewer: f.review.reviewer,
      command: f.review.command,
      ticked: f.review.ticked,
      config: f.config,
      attemptsBefore: earlier.size,
      passed,
    });
    if (v.ok) {
      record = {
        learner: f.learner,
        checkpoint: s.id,
        kind: 'mock',
        pr: f.pr,
        sha: f.sha,
        ref: f.review.ref,
        at: f.review.at,
        passed: v.verdict.verdict === 'pass',
        attempt: v.verdict.attempt,
        reviewer: v.verdict.reviewer,
        met: v.verdict.met,
        ...(v.verdict.notes ? { notes: v.verdict.notes } : {}),
      };
    } else {
      reply = v.message;
    }
  }
  const onHead = [...verdicts, ...(record ? [record] : [])]
    .filter((r) => r.pr === f.pr && r.sha === f.sha)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const latest = onHead.at(-1);
  const missing = s.prerequisites.filter((p) => !passed.has(p));
  return {
    state: latest ? (latest.passed ? 'passed' : 'failed') : 'pending',
    ...(record ? { record } : {}),
    ...(reply ? { reply } : {}),
    markdown: mockMarkdown(s, latest, missing),
  };
}

function mockMarkdown(s: Scenario, v: ProgressRecord | undefined, missing: string[]): string {
  const title = escapeMarkdown(s.title, 120);
  const gate = missing.length
    ? `\n\n> [!NOTE]\n> ${missing.map((m) => `\`${escapeMarkdown(m, 80)}\``).join(', ')} must be passed first: until then this mock cannot be passed.`
    : '';
  if (!v) {
    return `**Mock scenario: ${title}** (${s.level}): waiting for a reviewer. A reviewer of this scenario ticks the criteria met in the rubric checklist and comments \`/grade pass\` or \`/grade fail\` with notes, or submits a review that starts with the command.${gate}`;
  }
  const criteria = s.rubric.map(
    (c) => `- ${v.met?.includes(c.id) ? '✅' : '⬜'} ${escapeMarkdown(c.text, 300)}`,
  );
  const notes = v.notes
    ? `\n\nReviewer notes:\n\n${v.notes
        .split('\n')
        .map((l) => `> ${escapeMarkdown(l, 2000)}`)
        .join('\n')}`
    : '';
  const next = v.passed
    ? ''
    : '\n\nNot passed yet: practise with your trainer, then push a new attempt (a new commit on this branch, or a new pull request) and ask for another review.';
  return `**Mock scenario: ${title}** (${s.level}): **${v.passed ? 'pass' : 'fail'}**${v.attempt ? ` (attempt ${v.attempt})` : ''}, graded by @${escapeMarkdown(v.reviewer ?? '', 40)}.\n\n${criteria.join('\n')}${notes}${next}${v.passed ? '' : gate}`;
}
