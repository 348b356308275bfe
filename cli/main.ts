import { parseArgs } from 'node:util';
import { lintCommand } from './lint-command.js';
import { UsageError } from '../host/usage-error.js';
import { isCalendarDate } from '../core/text/calendar-date.js';

declare const __ENABLEKIT_VERSION__: string;
/** package.json's version, put in by the build (build.ts); a run from the sources has none. */
const VERSION = typeof __ENABLEKIT_VERSION__ === 'string' ? __ENABLEKIT_VERSION__ : 'dev';
declare const __ENABLEKIT_BUILD__: string;
/** The version plus a hash of the sources it was built from: what caches are keyed on. */
const BUILD =
  typeof __ENABLEKIT_BUILD__ === 'string' ? `${VERSION}+${__ENABLEKIT_BUILD__}` : `${VERSION}+dev`;

const HELP = `enablekit ${VERSION}: training as code

Usage:
  enablekit init [folder] [--owner <login>] [--role <id>] [--name <product>]
  enablekit lint [paths...] [--format stylish|json|sarif] [--fix] [--submissions <folder>] [--no-cache] [--jobs <n>]
  enablekit new <track|module|quiz|scenario|reflection|survey> <id> [--dir <folder>] [--owner <login>] [--module <id>] [--track <id>]
  enablekit import <files...> --from gift|quizdown|mkdocs-quiz --module <id> [--dir <folder>] [--owner <login>]
  enablekit export <quiz.md...> --to gift|qti [--out <folder>]   (sealed: ENABLEKIT_KEY)
  enablekit take <checkpoint-or-survey-id> --learner <login> [--attempt <n>] [--occasion <id>] [--answered] [--curricula <folder>] [--submissions <folder>]
  enablekit grade <answer-sheet> [--format text|json|markdown] [--curricula <folder>]
  enablekit progress [--format markdown|json|csv] [--learner <login>] [--repo owner/name] [--api-url <url>]
  enablekit progress --surveys [--format markdown|json] [--learner <login>] [--repo owner/name]
  enablekit progress --items [--format markdown|json|csv] [--repo owner/name]
  enablekit progress rebuild --repo owner/name [--api-url <url>] [--dry-run]
  enablekit seal|unseal [paths...]           (secret in ENABLEKIT_KEY)
  enablekit seal --rotate [paths...]         (also ENABLEKIT_NEW_KEY; or: enablekit rotate)
  enablekit certificate keygen --out <private-key-file> [--alg RS256|EdDSA|ES256]
  enablekit certificate verify <file.jwt>
  enablekit certificate revoke <file.jwt|urn:uuid:...> --reason <text>
  enablekit stale [paths...] [--release <tag>] [--features a,b] [--notes <file>] [--format stylish|json]
  enablekit --help | --version

Options:
  --owner     init, new: the GitHub login or org/team who keeps the items true (init: default
              from git's github.user, no-reply user.email or user.name)
  --answered  take: the author's key sheet, every right answer written in (sealed: ENABLEKIT_KEY)
  --attempt   take: the attempt the sheet is for (default 1); a quiz with a pool draws its questions by it
  --occasion  take: the survey occasion to answer (during-<module>, after-<weeks>w), as the invitation names it
  --surveys   progress: the surveys' answers per occasion and question (feedback on the training)
  --track     new survey: the track it asks about
  --to, --out export: the format to write (gift, or qti: a QTI 2.1 package) and the folder to write to (default: here)
  --from      import: the format of the question banks (gift: Moodle's GIFT; quizdown;
              mkdocs-quiz: the <quiz> blocks of an MkDocs page)
  --out       certificate keygen: the file the private key is written to (outside the repository)
  --reason    certificate revoke: why, as a verifier is told
  --role      init: the id of the one role enablekit.yml starts with (default: support)
  --name      init: the product's name in enablekit.yml
  --format    lint: stylish (default), json or sarif; grade: text (default), json or markdown;
              progress: markdown (default), json, or csv (the learner × module matrix)
  --repo      progress: read the records from this repository's progress issues (token in
              GITHUB_TOKEN or GH_TOKEN; --api-url for GitHub Enterprise Server), not local sheets
  --items     progress: item analysis of every quiz question (difficulty, discrimination, choice
              picks, flags, changes after releases) from the learners' first attempts
  --fix       apply the fixes rules offer, then report what is left
  --no-cache  parse every file again instead of reusing .enablekit-cache/
  --jobs      lint: parse on this many threads (default: cores - 1, at most 4, from 4 cores up; else 1)
  --today     evaluate dates (review intervals, schedules) as of YYYY-MM-DD (default: today in
              enablekit.yml's timezone, UTC unless set)
  --debug     show the stack trace of an internal error

Exit codes: 0 no errors (grade: passed), 1 errors found (grade: not passed or not graded),
2 usage or internal error.
Docs: docs/format.md (the content format), docs/rules/ (one page per rule).
`;

/**
 * The current instant. ENABLEKIT_NOW (an ISO time) is a testing hook that fixes it, so a
 * test can put the clock at 23:30 in some zone; real use leaves it unset. Today itself is
 * read from this instant in the curricula's time zone, by each command once it has the config.
 */
function now(): Date {
  const fixed = process.env.ENABLEKIT_NOW;
  if (fixed === undefined || fixed === '') return new Date();
  const at = new Date(fixed);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(fixed) || Number.isNaN(at.getTime()))
    throw new UsageError(
      `Expected ENABLEKIT_NOW (a testing hook) to be an ISO time such as 2026-03-05T07:30:00Z; found "${fixed}". Correct it, or unset it to use the clock.`,
    );
  return at;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      learner: { type: 'string' },
      curricula: { type: 'string' },
      submissions: { type: 'string', default: 'submissions' },
      release: { type: 'string' },
      features: { type: 'string' },
      notes: { type: 'string' },
      repo: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      rotate: { type: 'boolean', default: false },
      'api-url': { type: 'string' },
      today: { type: 'string' },
      fix: { type: 'boolean', default: false },
      items: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      dir: { type: 'string', default: '.' },
      owner: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      module: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string', default: '.' },
      answered: { type: 'boolean', default: false },
      alg: { type: 'string' },
      reason: { type: 'string' },
      attempt: { type: 'string' },
      occasion: { type: 'string' },
      surveys: { type: 'boolean', default: false },
      track: { type: 'string' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (values.help || !command) {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 2;
  }
  const cwd = process.cwd();
  if (values.today !== undefined && !isCalendarDate(values.today))
    throw new UsageError(
      `Expected --today to be a date on the calendar, YYYY-MM-DD; found "${values.today}". Pass a date such as 2026-11-22, or leave --today out for today.`,
    );
  const at = now();
  const day = values.today;
  switch (command) {
    case 'lint': {
      if (values.jobs !== undefined && !/^[1-9]\d{0,2}$/.test(values.jobs))
        throw new UsageError(
          `Expected --jobs to be a whole number of threads from 1 up; found "${values.jobs}". Pass --jobs 1 to parse on one thread.`,
        );
      const { stdout, stderr, exitCode } = await lintCommand({
        paths: rest,
        format: values.format ?? 'stylish',
        fix: values.fix,
        cache: !values['no-cache'],
        cwd,
        submissions: values.submissions,
        ...(day ? { today: day } : {}),
        now: at,
        version: BUILD,
        color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
        ...(process.env.ENABLEKIT_KEY ? { secret: process.env.ENABLEKIT_KEY } : {}),
        ...(values.jobs ? { jobs: Number(values.jobs) } : {}),
      });
      if (stderr) process.stderr.write(stderr);
      process.stdout.write(stdout);
      return exitCode;
    }
    case 'init': {
      const { initCommand } = await import('./init-command.js');
      if (rest.length > 1)
        throw new UsageError(
          `Expected "enablekit init [folder]" with one folder at most; found ${rest.length}: ${rest.join(' ')}.`,
        );
      process.stdout.write(
        initCommand({
          dir: rest[0] ?? '.',
          cwd,
          now: at,
          ...(day ? { today: day } : {}),
          ...(values.owner !== undefined ? { owner: values.owner } : {}),
          ...(values.role !== undefined ? { role: values.role } : {}),
          ...(values.name !== undefined ? { name: values.name } : {}),
        }),
      );
      return 0;
    }
    case 'import': {
      const { importCommand } = await import('./import-command.js');
      const { stdout, stderr, exitCode } = importCommand({
        files: rest,
        from: values.from,
        dir: values.dir,
        module: values.module,
        cwd,
        now: at,
        ...(day ? { today: day } : {}),
        ...(values.owner ? { owner: values.owner } : {}),
      });
      process.stderr.write(stderr);
      process.stdout.write(stdout);
      return exitCode;
    }
    case 'export': {
      const { exportCommand } = await import('./export-command.js');
      const { stdout, stderr, exitCode } = exportCommand({
        files: rest,
        to: values.to,
        out: values.out,
        cwd,
        ...(process.env.ENABLEKIT_KEY ? { secret: process.env.ENABLEKIT_KEY } : {}),
      });
      process.stderr.write(stderr);
      process.stdout.write(stdout);
      return exitCode;
    }
    case 'certificate': {
      const { certificateCommand } = await import('./certificate-command.js');
      const [action, ...files] = rest;
      const { stdout, stderr, exitCode } = await certificateCommand({
        action,
        files,
        cwd,
        now: at,
        ...(values.curricula ? { curricula: values.curricula } : {}),
        ...(values.out !== '.' ? { out: values.out } : {}),
        ...(values.alg ? { alg: values.alg } : {}),
        ...(values.reason ? { reason: values.reason } : {}),
      });
      process.stderr.write(stderr);
      process.stdout.write(stdout);
      return exitCode;
    }
    case 'new': {
      // Loaded on demand like every command but lint: it reads enablekit.yml with YAML and
      // ajv, which a warm lint must never pay for.
      const { newCommand } = await import('./new-command.js');
      process.stdout.write(
        newCommand({
          type: rest[0],
          id: rest[1],
          dir: values.dir,
          cwd,
          ...(day ? { today: day } : {}),
          now: at,
          ...(values.owner ? { owner: values.owner } : {}),
          ...(values.module ? { module: values.module } : {}),
          ...(values.track ? { track: values.track } : {}),
        }),
      );
      return 0;
    }
    case 'take':
    case 'grade': {
      const { takeCommand, gradeCommand } = await import('./checkpoint-commands.js');
      const common = {
        cwd,
        submissions: values.submissions,
        version: BUILD,
        cache: !values['no-cache'],
        ...(values.curricula ? { curricula: values.curricula } : {}),
      };
      if (command === 'take') {
        process.stdout.write(
          await takeCommand({
            ...common,
            ...(rest[0] ? { id: rest[0] } : {}),
            ...(values.learner ? { learner: values.learner } : {}),
            ...(values.answered ? { answered: true } : {}),
            ...(values.attempt !== undefined ? { attempt: values.attempt } : {}),
            ...(values.occasion !== undefined ? { occasion: values.occasion } : {}),
            ...(process.env.ENABLEKIT_KEY ? { secret: process.env.ENABLEKIT_KEY } : {}),
            now: at,
            ...(day ? { today: day } : {}),
          }),
        );
        return 0;
      }
      const { stdout, exitCode } = await gradeCommand({
        ...common,
        ...(rest[0] ? { sheet: rest[0] } : {}),
        format: values.format ?? 'text',
        now: at.toISOString(),
      });
      process.stdout.write(stdout);
      return exitCode;
    }
    case 'progress': {
      const { progressCommand, rebuildCommand } = await import('./progress-command.js');
      const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
      if (rest[0] !== undefined && rest[0] !== 'rebuild')
        throw new UsageError(
          `Expected "enablekit progress" or "enablekit progress rebuild"; found "progress ${rest[0]}".`,
        );
      const { stdout, exitCode } = await (
        rest[0] === 'rebuild'
          ? (a: Parameters<typeof progressCommand>[0]) =>
              rebuildCommand({ ...a, dryRun: values['dry-run'] })
          : progressCommand
      )({
        cwd,
        submissions: values.submissions,
        format: values.format ?? 'markdown',
        apiUrl: values['api-url'] ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
        ...(day ? { today: day } : {}),
        now: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        version: BUILD,
        cache: !values['no-cache'],
        ...(values.curricula ? { curricula: values.curricula } : {}),
        ...(values.learner ? { learner: values.learner } : {}),
        ...(values.repo ? { repo: values.repo } : {}),
        ...(values.surveys ? { surveys: true } : {}),
        ...(token ? { token } : {}),
        ...(values.items ? { items: true } : {}),
      });
      process.stdout.write(stdout);
      return exitCode;
    }
    case 'seal':
    case 'unseal':
    case 'rotate': {
      const { sealCommand } = await import('./seal-command.js');
      const action = command === 'seal' && values.rotate ? 'rotate' : command;
      const { stdout, exitCode } = await sealCommand({
        action,
        cwd,
        paths: rest,
        version: BUILD,
        ...(process.env.ENABLEKIT_KEY ? { secret: process.env.ENABLEKIT_KEY } : {}),
        ...(process.env.ENABLEKIT_NEW_KEY ? { newSecret: process.env.ENABLEKIT_NEW_KEY } : {}),
      });
      process.stdout.write(stdout);
      return exitCode;
    }
    case 'stale': {
      const { staleCommand } = await import('./stale-command.js');
      const { stdout, exitCode } = await staleCommand({
        cwd,
        paths: rest,
        format: values.format ?? 'stylish',
        ...(day ? { today: day } : {}),
        now: at,
        version: BUILD,
        cache: !values['no-cache'],
        ...(values.release ? { release: values.release } : {}),
        ...(values.features ? { features: values.features } : {}),
        ...(values.notes ? { notes: values.notes } : {}),
      });
      process.stdout.write(stdout);
      return exitCode;
    }
    default:
      throw new UsageError(
        `Expected a command (init, lint, new, take, grade, progress, seal, unseal, rotate, stale); found "${command}". Run "enablekit --help" for usage.`,
      );
  }
}

const debug = process.argv.includes('--debug');
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`enablekit: ${err.message}\n`);
    } else {
      process.stderr.write(
        `enablekit: internal error: ${err.message}. Re-run with --debug for details and report it.\n`,
      );
      if (debug) process.stderr.write(`${err.stack}\n`);
    }
    process.exitCode = 2;
  },
);
