import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions, parseVersion } from '../core/freshness/semver.js';
import { freshnessVerdict } from '../core/freshness/verdict.js';
import { touchedFeatures } from '../core/freshness/touched-features.js';
import { checkpointsToRecertify } from '../core/freshness/recertify.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { cli, tempWorkspace } from './helpers/cli.js';

const CONFIG = 'version: 1\nproduct:\n  version: 4.2.0\nfeatures:\n  - id: sla-policies\n    aliases: [service levels, SLA]\n  - id: routing\n';
const item = (type: string, id: string, extra: string) => `---\ntype: ${type}\nid: ${id}\ntitle: ${id}\nowner: lead\n${extra}---\n# ${id}\n`;

describe('freshness', () => {
  it('reads release tags as semver and orders them, prereleases first', () => {
    assert.deepEqual(['v4.3', '4.3.0', 'release-4.3.1', 'v4.3.0-rc.1'].map((t) => parseVersion(t) && `${parseVersion(t)!.major}.${parseVersion(t)!.minor}.${parseVersion(t)!.patch}${parseVersion(t)!.prerelease ? `-${parseVersion(t)!.prerelease}` : ''}`), ['4.3.0', '4.3.0', '4.3.1', '4.3.0-rc.1']);
    assert.ok(compareVersions(parseVersion('4.3.0-rc.1')!, parseVersion('4.3.0')!) < 0);
    assert.ok(compareVersions(parseVersion('4.10.0')!, parseVersion('4.9.9')!) > 0);
    assert.equal(parseVersion('latest'), undefined);
  });

  it('finds touched features in an explicit list and by id or alias in release notes, saying where', () => {
    const { config } = lintInMemory({ 'enablekit.yml': CONFIG }, '2026-11-22');
    const { features, unknown } = touchedFeatures(config, { explicit: ['routing', 'nope'], notes: 'We changed how Service Levels pause on weekends.' });
    assert.deepEqual([...features], [['routing', 'explicit list'], ['sla-policies', 'release notes ("service levels")']]);
    assert.deepEqual(unknown, ['nope']);
    assert.equal(touchedFeatures(config, { notes: 'Rerouting of emails' }).features.size, 0, 'whole words only');
  });

  it('gives verdicts: a covered feature changed, a review interval run out, never verified', () => {
    const { index, config } = lintInMemory(
      {
        'enablekit.yml': CONFIG,
        'a.md': item('module', 'a', 'covers: [sla-policies]\nverified: {version: 4.2.0, date: 2026-11-01}\n'),
        'b.md': item('module', 'b', 'covers: [routing]\nverified: {version: 4.2.0, date: 2026-01-01}\nreview_every: 90d\n'),
        'c.md': item('module', 'c', 'covers: [sla-policies]\nverified: {version: 4.3.0, date: 2026-11-20}\n'),
        'd.md': item('module', 'd', ''),
        'q.md': `${item('quiz', 'q', 'module: a\n')}\n## Q?\n<!-- question id=q -->\n\n- [x] a\n- [ ] b\n`,
      },
      '2026-11-22',
    );
    const release = { tag: 'v4.3.0', features: new Map([['sla-policies', 'explicit list']]) };
    const v = (id: string) => freshnessVerdict(index.item(id)!, config, '2026-11-22', release);
    assert.deepEqual(v('a').reasons.map((r) => r.kind), ['release']);
    assert.match(v('a').reasons[0]!.message, /verified against 4\.3\.0, which changed sla-policies \(explicit list\); found verified against 4\.2\.0/);
    assert.deepEqual(v('b').reasons.map((r) => r.kind), ['review-interval']);
    assert.equal(v('c').status, 'fresh');
    assert.deepEqual(v('d').reasons.map((r) => r.kind), ['unverified']);
    assert.deepEqual(checkpointsToRecertify(index, new Set(['sla-policies'])).map((c) => c.id), ['q']);
  });
});

describe('enablekit stale and the stale-content rule (the built CLI)', () => {
  it('lists what a release made stale, exits 1, and json says who owns it', () => {
    const dir = tempWorkspace({ 'enablekit.yml': CONFIG, 'a.md': item('module', 'a', 'covers: [sla-policies]\nverified: {version: 4.2.0, date: 2026-11-01}\n'), 'b.md': item('module', 'b', 'covers: [routing]\nverified: {version: 4.2.0, date: 2026-11-01}\n') });
    const r = cli(['stale', '--release', 'v4.3.0', '--features', 'sla-policies', '--format', 'json', '--today', '2026-11-22'], dir);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.map((v: { id: string; owner: string }) => [v.id, v.owner]), [['a', 'lead']]);
    assert.equal(cli(['stale', '--today', '2026-11-22'], dir).code, 0);
    assert.equal(cli(['stale', '--release', 'latest'], dir).code, 2);
  });

  it('lint warns on an item verified against an older product version; --fix leaves that suggestion to a person', () => {
    const text = item('module', 'a', 'verified: {version: 4.1.0, date: 2026-11-01}\n');
    const dir = tempWorkspace({ 'enablekit.yml': CONFIG, 'a.md': text });
    const r = cli(['lint', '--format', 'json', '--today', '2026-11-22'], dir);
    assert.equal(r.code, 0, 'warnings only');
    assert.deepEqual(JSON.parse(r.stdout).map((d: { ruleId: string; line: number }) => [d.ruleId, d.line]), [['stale-content', 6]]);
    cli(['lint', '--fix', '--today', '2026-11-22'], dir);
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), text);
    writeFileSync(join(dir, 'a.md'), text.replace('4.1.0', '4.2.0'));
    assert.deepEqual(JSON.parse(cli(['lint', '--format', 'json', '--today', '2026-11-22'], dir).stdout), []);
  });
});
