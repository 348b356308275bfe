import type { Client } from './calls.js';

/**
 * The members of an org/team, paginated. A token that cannot read organisation teams
 * (the default workflow token) gets a warning saying what to do, and no members.
 */
export async function teamMembers(gh: Client, team: string, purpose: string): Promise<string[]> {
  const [org = '', slug = ''] = team.replace(/^@/, '').split('/');
  try {
    const members = await gh.paginate(gh.rest.teams.listMembersInOrg, {
      org,
      team_slug: slug,
      per_page: 100,
    });
    return members.map((m) => m.login.toLowerCase());
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status !== 404 && status !== 403) throw e;
    gh.log.warn(
      `Expected to read the members of team ${team} (${purpose}); GitHub answered ${status}. The workflow token cannot read organisation teams: give the Action a token with read:org, or list the people in enablekit.yml.`,
    );
    return [];
  }
}

/** Which of these teams (org/team names; other entries are skipped) a person is in. */
export async function teamsOf(
  gh: Client,
  login: string,
  candidates: readonly string[],
  purpose: string,
): Promise<string[]> {
  const teams = [
    ...new Set(
      candidates.filter((c) => /^@?[^/\s]+\/[^/\s]+$/.test(c)).map((c) => c.replace(/^@/, '')),
    ),
  ];
  const out: string[] = [];
  for (const t of teams)
    if ((await teamMembers(gh, t, purpose)).includes(login.toLowerCase())) out.push(t);
  return out;
}
