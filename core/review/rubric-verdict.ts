import type { Config } from '../config/config.js';
import type { Scenario } from '../model.js';
import type { GradeCommand } from './grade-command.js';

export interface MockVerdict {
  scenario: string;
  learner: string;
  reviewer: string;
  verdict: 'pass' | 'fail';
  met: string[];
  unmetRequired: string[];
  notes: string;
  attempt: number;
}

export type VerdictResult =
  | { ok: true; verdict: MockVerdict }
  | {
      ok: false;
      reason:
        'not-a-reviewer' | 'prerequisite' | 'required-unmet' | 'bad-command' | 'own-submission';
      message: string;
    };

export interface ReviewerFacts {
  login: string;
  /** org/team slugs the reviewer belongs to, as the adapter looked them up. */
  teams: string[];
}

/** The logins and org/teams who may grade a learner's mock: the scenario's reviewers (role ids expanded), or else the learner's roles' reviewers. */
export function reviewersOf(
  s: Pick<Scenario, 'reviewers'>,
  learnerRoles: string[],
  config: Config,
): string[] {
  const fromRoles = (roles: string[]) =>
    roles.flatMap((id) => config.roles.get(id)?.reviewers ?? []);
  return s.reviewers.length
    ? s.reviewers.flatMap((x) => (config.roles.has(x) ? fromRoles([x]) : [x]))
    : fromRoles(learnerRoles);
}

/**
 * Who may grade a learner's mock: the scenario's own reviewers (logins, teams or role
 * ids), or else the reviewers of the learner's roles in enablekit.yml.
 */
export function mayReview(
  r: ReviewerFacts,
  s: Pick<Scenario, 'reviewers'>,
  learnerRoles: string[],
  config: Config,
): boolean {
  const named = reviewersOf(s, learnerRoles, config);
  const login = r.login.toLowerCase();
  return named.some(
    (n) =>
      n.replace(/^@/, '').toLowerCase() === login ||
      r.teams.some((t) => t.toLowerCase() === n.toLowerCase()),
  );
}

/**
 * Whether a command may be taken at all, from who wrote it and what it says: checked before
 * anything the learner submitted is read, so anyone's `/grade` costs the grader nothing.
 */
export function commandRefusal(
  i: Pick<
    VerdictInput,
    'scenario' | 'learner' | 'learnerRoles' | 'reviewer' | 'command' | 'config'
  >,
): Extract<VerdictResult, { ok: false }> | undefined {
  const s = i.scenario;
  if ('error' in i.command) return { ok: false, reason: 'bad-command', message: i.command.error };
  if (i.reviewer.login.toLowerCase() === i.learner.toLowerCase())
    return {
      ok: false,
      reason: 'own-submission',
      message: `Expected a reviewer other than the learner; found @${i.learner} grading their own mock. Ask a trainer.`,
    };
  if (!mayReview(i.reviewer, s, i.learnerRoles, i.config)) {
    return {
      ok: false,
      reason: 'not-a-reviewer',
      message: `Expected a reviewer of "${s.id}" (its reviewers, or the reviewers of the learner's role in enablekit.yml); found @${i.reviewer.login}, who is not one. The comment was ignored.`,
    };
  }
  return undefined;
}

export interface VerdictInput {
  scenario: Scenario;
  learner: string;
  learnerRoles: string[];
  reviewer: ReviewerFacts;
  command: GradeCommand;
  ticked: Set<string>;
  config: Config;
  /** Submissions of this mock by this learner graded before this one. */
  attemptsBefore: number;
  /** Ids of checkpoints this learner has passed (for prerequisite gating). */
  passed: Set<string>;
}

/**
 * Record a reviewer's verdict on a mock: only allowed reviewers, never on their own
 * submission; prerequisites (the beginner mock) must be passed first; a pass needs every
 * required criterion met. Failing means another attempt.
 */
export function rubricVerdict(i: VerdictInput): VerdictResult {
  const s = i.scenario;
  const refused = commandRefusal(i);
  if (refused) return refused;
  // Already refused above; repeated so that the type of the command narrows here.
  if ('error' in i.command) return { ok: false, reason: 'bad-command', message: i.command.error };
  if (!('verdict' in i.command))
    return {
      ok: false,
      reason: 'bad-command',
      message: `Expected "/grade pass" or "/grade fail" on a mock; found a mark for a question ("${i.command.question}"), which only a quiz's open questions take. Write the command again.`,
    };
  const missing = s.prerequisites.filter((p) => !i.passed.has(p));
  if (missing.length)
    return {
      ok: false,
      reason: 'prerequisite',
      message: `Expected ${missing.join(', ')} passed before "${s.id}"; found ${missing.length === 1 ? 'it' : 'them'} not passed yet. Pass ${missing.length === 1 ? 'it' : 'them'} first.`,
    };
  const unmetRequired = s.rubric.filter((c) => c.required && !i.ticked.has(c.id)).map((c) => c.id);
  if (i.command.verdict === 'pass' && unmetRequired.length) {
    return {
      ok: false,
      reason: 'required-unmet',
      message: `Expected every required criterion ticked for a pass; found ${unmetRequired.join(', ')} not ticked. Tick them in the rubric, or comment /grade fail.`,
    };
  }
  return {
    ok: true,
    verdict: {
      scenario: s.id,
      learner: i.learner,
      reviewer: i.reviewer.login,
      verdict: i.command.verdict,
      met: s.rubric.filter((c) => i.ticked.has(c.id)).map((c) => c.id),
      unmetRequired,
      notes: i.command.notes,
      attempt: i.attemptsBefore + 1,
    },
  };
}
