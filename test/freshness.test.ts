import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions, parseVersion } from '../core/freshness/semver.js';
import { freshnessVerdict } from '../core/freshness/verdict.js';
import { touchedFeatures } from '../core/freshness/touched-features.js';
import { checkpointsToRecertify } from '../core/freshness/recertify.js';
import {
  closingReason,
  planCloses,
  planFlags,
  type ExistingIssue,
  type ItemOp,
} from '../core/freshness/plan-stale-issues.js';
import {
  featuresFromChanges,
  previousRelease,
  pullNumbersIn,
} from '../core/freshness/product-changes.js';
import {
  dataBlock,
  mentionLines,
  readIssueData,
  type StaleIssueData,
} from '../core/freshness/stale-issue.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { cli, tempWorkspace } from './helpers/cli.js';

const CONFIG =
  'version: 1\nproduct:\n  version: 4.2.0\nfeatures:\n  - id: sla-policies\n    aliases: [service levels, SLA]\n  - id: routing\n';
const item = (type: string, id: string, extra: string) =>
  `---\ntype: ${type}\nid: ${id}\ntitle: ${id}\nowner: lead\n${extra}---\n# ${id}\n`;

describe('freshness', () => {
  it('reads release tags as semver and orders them, prereleases first', () => {
    assert.deepEqual(
      ['v4.3', '4.3.0', 'release-4.3.1', 'v4.3.0-rc.1'].map(
        (t) =>
          parseVersion(t) &&
          `${parseVersion(t)!.major}.${parseVersion(t)!.minor}.${parseVersion(t)!.patch}${parseVersion(t)!.prerelease ? `-${parseVersion(t)!.prerelease}` : ''}`,
      ),
      ['4.3.0', '4.3.0', '4.3.1', '4.3.0-rc.1'],
    );
    assert.ok(compareVersions(parseVersion('4.3.0-rc.1')!, parseVersion('4.3.0')!) < 0);
    assert.ok(compareVersions(parseVersion('4.10.0')!, parseVersion('4.9.9')!) > 0);
    assert.equal(parseVersion('latest'), undefined);
  });

  it('finds touched features in an explicit list and by id or alias in release notes, saying where', () => {
    const { config } = lintInMemory({ 'enablekit.yml': CONFIG }, '2026-11-22');
    const { features, unknown } = touchedFeatures(config, {
      explicit: ['routing', 'nope'],
      notes: 'We changed how Service Levels pause on weekends.',
    });
    assert.deepEqual(
      [...features],
      [
        ['routing', 'explicit list'],
        ['sla-policies', 'release notes ("service levels")'],
      ],
    );
    assert.deepEqual(unknown, ['nope']);
    assert.equal(
      touchedFeatures(config, { notes: 'Rerouting of emails' }).features.size,
      0,
      'whole words only',
    );
  });

  it('gives verdicts: a covered feature changed, a review interval run out, never verified', () => {
    const { index, config } = lintInMemory(
      {
        'enablekit.yml': CONFIG,
        'a.md': item(
          'module',
          'a',
          'covers: [sla-policies]\nverified: {version: 4.2.0, date: 2026-11-01}\n',
        ),
        'b.md': item(
          'module',
          'b',
          'covers: [routing]\nverified: {version: 4.2.0, date: 2026-01-01}\nreview_every: 90d\n',
        ),
        'c.md': item(
          'module',
          'c',
          'covers: [sla-policies]\nverified: {version: 4.3.0, date: 2026-11-20}\n',
        ),
        'd.md': item('module', 'd', ''),
        'q.md': `${item('quiz', 'q', 'module: a\n')}\n## Q?\n<!-- question id=q -->\n\n- [x] a\n- [ ] b\n`,
      },
      '2026-11-22',
    );
    const release = { tag: 'v4.3.0', features: new Map([['sla-policies', 'explicit list']]) };
    const v = (id: string) => freshnessVerdict(index.item(id)!, config, '2026-11-22', release);
    assert.deepEqual(
      v('a').reasons.map((r) => r.kind),
      ['release'],
    );
    assert.match(
      v('a').reasons[0]!.message,
      /verified against 4\.3\.0, which changed sla-policies \(explicit list\); found verified against 4\.2\.0/,
    );
    assert.deepEqual(
      v('b').reasons.map((r) => r.kind),
      ['review-interval'],
    );
    assert.equal(v('c').status, 'fresh');
    assert.deepEqual(
      v('d').reasons.map((r) => r.kind),
      ['unverified'],
    );
    assert.deepEqual(
      checkpointsToRecertify(index, new Set(['sla-policies'])).map((c) => c.id),
      ['q'],
    );
  });
});

describe('freshness issues (pure planning)', () => {
  const files = {
    'enablekit.yml': `${CONFIG}  - id: inbox\n    labels: ["area: inbox"]\n    paths: [src/inbox/**]\n`,
    'a.md': item(
      'module',
      'a',
      'covers: [sla-policies]\nverified: {version: 4.2.0, date: 2026-11-01}\n',
    ),
    'b.md': item(
      'module',
      'b',
      'covers: [routing]\nverified: {version: 4.2.0, date: 2026-11-01}\n',
    ),
  };
  const release = { tag: 'v4.3.0', features: new Map([['sla-policies', 'explicit list']]) };
  const plan = (existing: ExistingIssue[], r: typeof release | undefined = release) => {
    const { index, config } = lintInMemory(files, '2026-11-22');
    return planFlags({
      index,
      config,
      today: '2026-11-22',
      ...(r ? { release: r } : {}),
      existing,
      mentions: () => [],
    });
  };
  const data = (releases: string[]): StaleIssueData => ({
    kind: 'item',
    item: 'a',
    releases,
    features: ['sla-policies'],
  });

  it('opens an issue for a stale item, leaves one already flagged for the release, updates or reopens otherwise', () => {
    const fresh = plan([]);
    assert.deepEqual(
      fresh.map((o) => [o.kind, o.kind === 'create' ? o.item.id : '']),
      [['create', 'a']],
    );
    const created = fresh[0] as Extract<ItemOp, { kind: 'create' }>;
    assert.deepEqual(created.assignees, ['lead']);
    assert.deepEqual(
      readIssueData(created.body),
      created.data,
      'the record round-trips through the body',
    );
    assert.deepEqual(plan([{ number: 4, open: true, data: data(['v4.3.0']) }]), []);
    const later = plan([{ number: 4, open: true, data: data(['v4.2.0']) }]);
    assert.deepEqual(
      later.map((o) => o.kind === 'update' && [o.number, o.reopen, o.data.releases]),
      [[4, false, ['v4.2.0', 'v4.3.0']]],
    );
    const reopened = plan([{ number: 4, open: false, data: data(['v4.2.0']) }]);
    assert.equal(reopened[0]!.kind === 'update' && reopened[0]!.reopen, true);
  });

  it('closes an issue once its item is verified at or past every release it was flagged for, or is gone', () => {
    const { index, config } = lintInMemory(
      {
        ...files,
        'a.md': item(
          'module',
          'a',
          'covers: [sla-policies]\nverified: {version: 4.3.0, date: 2026-11-20}\n',
        ),
      },
      '2026-11-22',
    );
    assert.equal(
      closingReason(index.item('a'), data(['v4.3.0']), config, '2026-11-22')?.reason,
      'completed',
    );
    assert.equal(
      closingReason(index.item('a'), data(['v4.3.0', 'v4.4.0']), config, '2026-11-22'),
      undefined,
    );
    assert.equal(
      closingReason(undefined, data(['v4.3.0']), config, '2026-11-22')?.reason,
      'not_planned',
    );
    const ops = planCloses(
      index,
      config,
      '2026-11-22',
      [
        { number: 9, open: true, data: data(['v4.3.0']) },
        { number: 10, open: false, data: { ...data(['v4.3.0']), item: 'b' } },
      ],
      'https://github.com/o/r/commit/abc',
    );
    assert.deepEqual(
      ops.map((o) => o.kind === 'close' && [o.number, o.comment]),
      [[9, 'Verified against 4.3.0 on 2026-11-20 in https://github.com/o/r/commit/abc. Closing.']],
    );
  });

  it('reads the product changes: pull numbers from merge and squash commits, the previous release by semver, features by label then path', () => {
    assert.deepEqual(
      pullNumbersIn([
        'Merge pull request #12 from a/b\n\nbody',
        'Fix the inbox (#31)',
        'Mentions #5 in passing',
        'Tidy',
      ]),
      [12, 31],
    );
    assert.equal(
      previousRelease(['v4.1.0', 'v4.2.0', 'v4.3.0', 'v4.2.1-rc.1', 'nightly'], 'v4.3.0'),
      'v4.2.0',
    );
    assert.equal(previousRelease(['v4.3.0'], 'v4.3.0'), undefined);
    const { config } = lintInMemory(files, '2026-11-22');
    const found = featuresFromChanges(config, {
      paths: ['docs/x.md', 'src/inbox/list.ts'],
      pulls: [{ number: 3, labels: ['area: inbox'] }],
    });
    assert.deepEqual([...found], [['inbox', 'pull request #3 labelled "area: inbox"']]);
    assert.deepEqual(
      [...featuresFromChanges(config, { paths: ['src/inbox/list.ts'], pulls: [] })],
      [['inbox', 'changed path src/inbox/list.ts']],
    );
    const ordered = touchedFeatures(
      config,
      { explicit: ['inbox'], changes: { paths: ['src/inbox/a.ts'], pulls: [] } },
      ['pulls', 'explicit'],
    );
    assert.deepEqual(
      [...ordered.features],
      [['inbox', 'changed path src/inbox/a.ts']],
      'the first source in the order names it',
    );
  });

  it('finds the lines that mention a feature, and ignores a damaged or foreign record', () => {
    assert.deepEqual(
      mentionLines('# SLA\nnothing\nThe service levels page\nSLAs', ['SLA', 'service levels']).map(
        (m) => m.line,
      ),
      [1, 3],
    );
    assert.equal(readIssueData('<!-- enablekit:stale {"kind":"item"} -->'), undefined);
    assert.equal(readIssueData('<!-- enablekit:stale {not json} -->'), undefined);
    const hostile = {
      kind: 'item',
      item: 'x --> <script>',
      releases: [],
      features: [],
    } as StaleIssueData;
    assert.deepEqual(readIssueData(`${dataBlock(hostile)}\ntext`), hostile);
    assert.doesNotMatch(dataBlock(hostile), /x -->/);
  });
});

describe('enablekit stale and the stale-content rule (the built CLI)', () => {
  it('lists what a release made stale, exits 1, and json says who owns it', () => {
    const dir = tempWorkspace({
      'enablekit.yml': CONFIG,
      'a.md': item(
        'module',
        'a',
        'covers: [sla-policies]\nverified: {version: 4.2.0, date: 2026-11-01}\n',
      ),
      'b.md': item(
        'module',
        'b',
        'covers: [routing]\nverified: {version: 4.2.0, date: 2026-11-01}\n',
      ),
    });
    const r = cli(
      [
        'stale',
        '--release',
        'v4.3.0',
        '--features',
        'sla-policies',
        '--format',
        'json',
        '--today',
        '2026-11-22',
      ],
      dir,
    );
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(
      out.map((v: { id: string; owner: string }) => [v.id, v.owner]),
      [['a', 'lead']],
    );
    assert.equal(cli(['stale', '--today', '2026-11-22'], dir).code, 0);
    assert.equal(cli(['stale', '--release', 'latest'], dir).code, 2);
  });

  it('lint warns on an item verified against an older product version; --fix leaves that suggestion to a person', () => {
    const text = item('module', 'a', 'verified: {version: 4.1.0, date: 2026-11-01}\n');
    const dir = tempWorkspace({ 'enablekit.yml': CONFIG, 'a.md': text });
    const r = cli(['lint', '--format', 'json', '--today', '2026-11-22'], dir);
    assert.equal(r.code, 0, 'warnings only');
    assert.deepEqual(
      JSON.parse(r.stdout).map((d: { ruleId: string; line: number }) => [d.ruleId, d.line]),
      [['stale-content', 6]],
    );
    cli(['lint', '--fix', '--today', '2026-11-22'], dir);
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), text);
    writeFileSync(join(dir, 'a.md'), text.replace('4.1.0', '4.2.0'));
    assert.deepEqual(
      JSON.parse(cli(['lint', '--format', 'json', '--today', '2026-11-22'], dir).stdout),
      [],
    );
  });
});
