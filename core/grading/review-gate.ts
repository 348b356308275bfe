import type { Config } from '../config/config.js';
import type { Scenario } from '../model.js';
import { rolesOf } from '../progress/learner-status.js';
import { commandRefusal, reviewersOf } from '../review/rubric-verdict.js';
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

/** The teams whose membership decides whether the command's writer reviews this mock; undefined when there is no one mock. */
export function reviewTeams(
  sheets: readonly { checkpoint: string }[],
  index: WorkspaceIndex,
  config: Config,
  author: string,
): { scenario: Scenario; teams: string[] } | undefined {
  const { scenario } = commandScenario(sheets, index);
  return scenario
    ? { scenario, teams: reviewersOf(scenario, rolesOf(author, config), config) }
    : undefined;
}

export type GateResult =
  { reviewer?: { login: string; teams: string[] }; refused?: undefined } | { refused: string };

/** The command taken (with its writer as reviewer), or why not, told to its writer. `teams`: the writer's memberships read. */
export function reviewGate(
  pull: PullFacts,
  sheets: readonly { checkpoint: string }[],
  index: WorkspaceIndex,
  config: Config,
  review: ReviewEvent,
  teams: string[] | undefined,
): GateResult {
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
