import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../core/config/config.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { isTimeZone, todayIn } from '../core/text/today.js';
import { editorToday } from '../extension/src/editor-today.js';
import * as engine from '../extension/src/engine.js';
import { LocalGitHub } from './github-api/server.js';
import { MODULE, ROOT, tempWorkspace } from './helpers/cli.js';
import { runAction, workspaceWith } from './helpers/run-action.js';

// 23:30 on 28 November in Los Angeles (UTC−8) is 07:30 on 29 November in UTC, and 16:30
// on 29 November in Tokyo. Each adapter runs in a zone whose local date differs from the
// one expected, so one that read local time, or UTC whatever enablekit.yml says, fails.
const NOW = '2026-11-29T07:30:00Z';
const LA_DAY = '2026-11-28';
const UTC_DAY = '2026-11-29';
const CASES = [
  {
    name: 'timezone: America/Los_Angeles, machine in Asia/Tokyo',
    zoneLine: 'timezone: America/Los_Angeles\n',
    machineTz: 'Asia/Tokyo',
    day: LA_DAY,
  },
  {
    name: 'no timezone (UTC), machine in America/Los_Angeles',
    zoneLine: '',
    machineTz: 'America/Los_Angeles',
    day: UTC_DAY,
  },
];

/** The CLI from its sources, as a process with its own TZ and the instant fixed by the ENABLEKIT_NOW testing hook. */
function cliAt(args: string[], cwd: string, tz: string) {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
      join(ROOT, 'cli', 'main.ts'),
      ...args,
    ],
    { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TZ: tz, ENABLEKIT_NOW: NOW } },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("one clock: today in the curricula's time zone (issue #18, item 5)", function () {
  this.timeout(120_000);

  describe('core', () => {
    it("reads the date at an instant in a named zone, not in the machine's", () => {
      const at = new Date(NOW);
      assert.equal(todayIn('America/Los_Angeles', at), LA_DAY);
      assert.equal(todayIn('UTC', at), UTC_DAY);
      assert.equal(todayIn('Asia/Tokyo', at), UTC_DAY);
      assert.equal(
        todayIn('America/Los_Angeles', new Date('2026-11-29T08:00:00Z')),
        UTC_DAY,
        'midnight in Los Angeles starts the next day',
      );
      assert.ok(isTimeZone('Europe/Berlin') && isTimeZone('UTC'));
      assert.ok(!isTimeZone('Pacific/Nowhere') && !isTimeZone(''));
      assert.throws(() => todayIn('Pacific/Nowhere', at), /Expected an IANA time zone name/);
    });
  });

  describe('enablekit.yml timezone:', () => {
    it('is UTC unless set, and the named zone when set', () => {
      assert.equal(parseConfig('enablekit.yml', 'version: 1\n').timeZone, 'UTC');
      const config = parseConfig('enablekit.yml', 'version: 1\ntimezone: America/Los_Angeles\n');
      assert.equal(config.timeZone, 'America/Los_Angeles');
      assert.deepEqual(config.problems, []);
    });

    it('makes an unknown zone a schema error on its line, suggests the likely one, and reads dates in UTC meanwhile', () => {
      const files = {
        'enablekit.yml': 'version: 1\nroles:\n  support: {}\ntimezone: America/Los_Angles\n',
        'm.md': MODULE('m'),
      };
      const found = lintInMemory(files, LA_DAY).diagnostics.map(
        (d) => `${d.file}:${d.line} ${d.ruleId} ${d.message}`,
      );
      assert.deepEqual(found, [
        'enablekit.yml:4 schema Expected timezone to be an IANA time zone name such as America/Los_Angeles, or UTC; found "America/Los_Angles", which is not one (did you mean America/Los_Angeles?). Correct the name, or leave timezone out for UTC; until then dates are read in UTC.',
      ]);
      assert.equal(parseConfig('enablekit.yml', files['enablekit.yml']).timeZone, 'UTC');
    });

    it('makes a timezone that is not a string a schema error', () => {
      const problems = parseConfig('enablekit.yml', 'version: 1\ntimezone: 8\n').problems;
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.span.start.line, 2);
      assert.match(problems[0]!.message, /timezone/);
    });
  });

  for (const c of CASES) {
    describe(`at 23:30 in UTC−8, ${c.name}: every adapter says ${c.day}`, () => {
      const config = `version: 1\n${c.zoneLine}roles:\n  support:\n    learners: [ana]\n`;

      it('the CLI (progress, lint cold and warm, new)', () => {
        // Verified on the 27th with a 1-day interval: due on the 28th, so overdue only once the 29th has come.
        const dir = tempWorkspace({
          'enablekit.yml': config,
          'm.md': MODULE('m', 'verified: {version: 1.0.0, date: 2026-11-27}\nreview_every: 1d\n'),
        });
        const progress = cliAt(['progress', '--format', 'json'], dir, c.machineTz);
        assert.equal(progress.code, 0, progress.stderr);
        assert.equal(JSON.parse(progress.stdout).today, c.day);
        for (const run of ['cold', 'warm']) {
          const lint = cliAt(['lint'], dir, c.machineTz);
          assert.equal(
            /stale-content/.test(lint.stdout),
            c.day === UTC_DAY,
            `${run} lint: ${lint.stdout}${lint.stderr}`,
          );
        }
        const made = cliAt(['new', 'module', 'fresh'], dir, c.machineTz);
        assert.equal(made.code, 0, made.stderr);
        assert.match(readFileSync(join(dir, 'fresh.md'), 'utf8'), new RegExp(`date: ${c.day}\\n`));
        // --today still fixes the day outright.
        assert.equal(
          JSON.parse(
            cliAt(['progress', '--format', 'json', '--today', '2026-01-02'], dir, c.machineTz)
              .stdout,
          ).today,
          '2026-01-02',
        );
      });

      it('the Action (scheduled run: the progress issue and the dashboard, built bundle)', async () => {
        const gh = new LocalGitHub();
        await gh.start();
        try {
          gh.state.repo('acme', 'training');
          const workspace = workspaceWith(join(ROOT, 'test', 'fixtures', 'progress-curricula'));
          writeFileSync(
            join(workspace, 'curricula', 'enablekit.yml'),
            `version: 1\n${c.zoneLine}roles:\n  support:\n    learners: [ana]\n  success:\n    learners: [cy]\n`,
          );
          const r = await runAction({
            apiUrl: gh.url,
            workspace,
            eventName: 'schedule',
            payload: { schedule: '0 6 * * 1' },
            env: { TZ: c.machineTz, ENABLEKIT_NOW: NOW },
          });
          assert.equal(r.code, 0, r.stdout + r.stderr);
          const issues = [...gh.state.repo('acme', 'training').issues.values()];
          const ana = issues.find((i) => i.title.includes('@ana'));
          assert.match(
            ana?.body ?? '',
            new RegExp(`as of ${c.day}\\.`),
            JSON.stringify(issues.map((i) => i.title)),
          );
          const dashboard = issues.find((i) => i.labels.includes('enablekit:dashboard'));
          assert.match(dashboard?.body ?? '', new RegExp(`^Cohort progress as of ${c.day},`, 'm'));
          assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
        } finally {
          await gh.stop();
        }
      });

      it("the extension (the function its workspace's today() calls with its engine and the window's enablekit.yml; test/extension/suite/author.ts checks the same in real VS Code), whatever the machine's zone", () => {
        const before = process.env.TZ;
        process.env.TZ = c.machineTz;
        try {
          const ws = parseConfig('enablekit.yml', config);
          assert.equal(editorToday(engine, '', ws, new Date(NOW)), c.day);
          // The enablekit.today setting still fixes the day; anything but a date is ignored.
          assert.equal(editorToday(engine, '2026-01-02', ws, new Date(NOW)), '2026-01-02');
          assert.equal(editorToday(engine, 'soon', ws, new Date(NOW)), c.day);
        } finally {
          if (before === undefined) delete process.env.TZ;
          else process.env.TZ = before;
        }
      });
    });
  }
});
