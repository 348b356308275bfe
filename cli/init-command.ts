import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { curriculaToday } from '../core/config/clock.js';
import { configCandidates } from '../core/config/config-candidates.js';
import { defaultConfig } from '../core/config/config.js';
import { curriculaScaffold } from '../core/templates/curricula-scaffold.js';
import { isOwner, loginFromGit } from '../core/templates/owner-login.js';
import { gitIdentity } from '../host/git-identity.js';
import { UsageError } from '../host/usage-error.js';
import { toPosix } from '../host/walk.js';

export interface InitArgs {
  /** The repository's folder; made when missing. */
  dir: string;
  cwd: string;
  owner?: string;
  role?: string;
  name?: string;
  today?: string;
  now: Date;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** The folder itself when it exists, else its nearest existing parent: where git is asked who the user is. */
function nearestExisting(dir: string): string {
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** The root of the git repository a folder is inside, when that is a folder above it. */
function enclosingRepository(dir: string): string | undefined {
  for (let at = dirname(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/**
 * enablekit init [dir]: a new curricula repository that lints clean at once (core's
 * curriculaScaffold). Nothing is ever overwritten: if any file it would write exists, it
 * writes none and lists them.
 */
export function initCommand(a: InitArgs): string {
  const dir = resolve(a.cwd, a.dir);
  const shown = toPosix(relative(a.cwd, dir)) || '.';
  const role = a.role ?? 'support';
  if (!ID.test(role))
    throw new UsageError(
      `Expected --role to be an id of lowercase letters, digits and dashes, such as support; found "${role}".`,
    );
  if (a.name !== undefined && !a.name.trim())
    throw new UsageError(
      'Expected --name to name the product; found it empty. Pass --name "Beacon Desk".',
    );
  const owner = a.owner ?? loginFromGit(gitIdentity(nearestExisting(dir)));
  if (owner === undefined)
    throw new UsageError(
      "Expected --owner <login>, the GitHub login (or org/team) who keeps the first items true; found none given, and git's settings name no GitHub login (github.user, a no-reply user.email, or a user.name written as a login). Pass --owner <login>; nothing was written.",
    );
  if (!isOwner(owner))
    throw new UsageError(
      `Expected --owner to be a GitHub login (alice) or org/team (acme/support-leads); found "${owner}". Nothing was written.`,
    );
  // A curricula already above (or in) the folder would be read instead of, or together with, the new one.
  const enclosing = configCandidates(toPosix(dir)).find((p) => existsSync(p));
  if (enclosing)
    throw new UsageError(
      `Expected ${shown} to hold no curricula yet; found ${toPosix(relative(a.cwd, enclosing)) || 'enablekit.yml'}. Add items to it with "enablekit new <type> <id>"; nothing was written.`,
    );
  const files = curriculaScaffold({
    owner,
    role,
    product: a.name?.trim() ?? 'Our product',
    today: curriculaToday(defaultConfig(), a.now, a.today),
  });
  const existing = files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
  if (existing.length)
    throw new UsageError(
      `Expected none of the files init writes to exist in ${shown}; found ${existing.join(', ')}. Nothing was written: move or delete ${existing.length > 1 ? 'them' : 'it'}, or run "enablekit init <new-folder>".`,
    );
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    // LF whatever the platform: the template's text is written as it is.
    writeFileSync(path, f.text, { flag: 'wx' });
  }
  const git = existsSync(join(dir, '.git'));
  const outer = git ? undefined : enclosingRepository(dir);
  const next = [
    ...(shown === '.' ? [] : [`cd ${shown}`]),
    'enablekit lint',
    `${git || outer ? '' : 'git init && '}git add . && git commit -m "Curricula, from enablekit init"`,
  ];
  return `Created a curricula repository in ${shown}:
${files.map((f) => `  ${f.path}\n`).join('')}Owner of the first items: ${owner}${a.owner ? '' : " (from git's settings; pass --owner to name another)"}.
${
  outer
    ? `Note: ${shown} is inside the git repository at ${toPosix(relative(a.cwd, outer)) || '.'}, and GitHub runs only the workflows at a repository's root: move .github/ there and prefix the curricula's paths in them, or make ${shown} a repository of its own.\n`
    : ''
}Next:
${next.map((c) => `  ${c}\n`).join('')}`;
}
