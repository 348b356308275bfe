import type { Config } from '../config/config.js';
import type { Quiz, Scenario } from '../model.js';
import { rolesOf } from '../progress/learner-status.js';
import { isMark, type GradeCommand } from '../review/grade-command.js';
import { commandRefusal, mayReview, reviewersOf } from '../review/rubric-verdict.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import type { PullFacts, ReviewEvent } from './pull-outcome.js';

/**
 * A reviewer's `/grade` command is checked against who wrote it before any sheet is read:
 * anyone may comment `/grade`, and only a reviewer's may cost the grader a parse. The check
 * takes two steps around one read: which teams to ask about (`reviewTeams`), then the verdict
 * on the command with the writer's teams (`reviewGate`).
 */
export function commandScenario(
  sheets: readonly { checkpoint: string }[],
  index: WorkspaceIndex,
): { scenario?: Scenario; mocks: number } {
  const mocks = sheets.filter((s) => index.item(s.checkpoint)?.type === 'scenario');
  return {
    mocks: mocks.length,
    ...(mocks.length === 1 ? { scenario: index.item(mocks[0]!.checkpoint) as Scenario } : {}),
  };
}

/** The quiz a mark (`/grade <question> 75%`) is for: the pull request's one sheet of a quiz with open questions. */
function commandQuiz(
  sheets: readonly { checkpoint: string }[],
  index: WorkspaceIndex,
): { quiz?: Quiz; quizzes: number } {
  const quizzes = sheets.flatMap((s) => {
    const item = index.item(s.checkpoint);
    return item?.type === 'quiz' && item.questions.some((q) => q.type === 'open') ? [item] : [];
  });
  return { quizzes: quizzes.length, ...(quizzes.length === 1 ? { quiz: quizzes[0]! } : {}) };
}

/** A quiz has no reviewers of its own: its open answers are graded by the learner's roles' reviewers. */
const NO_REVIEWERS = { reviewers: [] };

/** The teams whose membership decides whether the command's writer reviews this mock or quiz; undefined when there is no one of them. */
export function reviewTeams(
  sheets: readonly { checkpoint: string }[],
  index: WorkspaceIndex,
  config: Config,
  author: string,
  command: GradeCommand,
): { id: string; teams: string[] } | undefined {
  const roles = rolesOf(author, config);
  if (isMark(command)) {
    const { quiz } = commandQuiz(sheets, index);
    return quiz ? { id: quiz.id, teams: reviewersOf(NO_REVIEWERS, roles, config) } : undefined;
  }
  const { scenario } = commandScenario(sheets, index);
  return scenario ? { id: scenario.id, teams: reviewersOf(scenario, roles, config) } : undefined;
}

export type GateResult =
  { reviewer?: { login: string; teams: string[] }; refused?: undefined } | { refused: string };

/** A mark of an open answer, from whom: the reviewers of the learner's roles, never the learner. */
function markGate(
  pull: PullFacts,
  sheets: readonly { checkpoint: string }[],
  index: WorkspaceIndex,
  config: Config,
  review: ReviewEvent,
  teams: string[] | undefined,
): GateResult {
  const { quiz, quizzes } = commandQuiz(sheets, index);
  if (!quiz)
    return {
      refused: `Expected one quiz with open questions in this pull request to mark; found ${quizzes}. ${quizzes ? 'Ask the learner to submit each such quiz in its own pull request.' : 'Write "/grade pass" or "/grade fail" on a mock.'}`,
    };
  const reviewer = { login: review.login, teams: teams ?? [] };
  if (reviewer.login.toLowerCase() === pull.author.toLowerCase())
    return {
      refused: `Expected a reviewer other than the learner; found @${pull.author} marking their own answer. Ask a trainer.`,
    };
  if (!mayReview(reviewer, NO_REVIEWERS, rolesOf(pull.author, config), config))
    return {
      refused: `Expected a reviewer of the open answers of "${quiz.id}" (the reviewers of the learner's role in enablekit.yml); found @${review.login}, who is not one. The comment was ignored.`,
    };
  return { reviewer };
}

/** The command taken (with its writer as reviewer), or why not, told to its writer. `teams`: the writer's memberships read. */
export function reviewGate(
  pull: PullFacts,
  sheets: readonly { checkpoint: string }[],
  index: WorkspaceIndex,
  config: Config,
  review: ReviewEvent,
  teams: string[] | undefined,
): GateResult {
  if ('error' in review.command) return { refused: review.command.error };
  if (isMark(review.command)) return markGate(pull, sheets, index, config, review, teams);
  const { scenario, mocks } = commandScenario(sheets, index);
  const reviewer = scenario ? { login: review.login, teams: teams ?? [] } : undefined;
  const refused = !scenario
    ? `Expected one mock scenario in this pull request to grade; found ${mocks}. ${mocks ? 'Ask the learner to submit each mock in its own pull request.' : 'Grade mocks on their own pull requests; quizzes and reflections are checked automatically.'}`
    : commandRefusal({
        scenario,
        learner: pull.author,
        learnerRoles: rolesOf(pull.author, config),
        reviewer: reviewer!,
        command: review.command,
        config,
      })?.message;
  return refused ? { refused } : reviewer ? { reviewer } : {};
}
