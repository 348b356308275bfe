import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  planFreshnessRun,
  writeBody,
  type FreshnessRunInput,
  type FreshnessWrite,
  type ReadIssue,
} from '../core/freshness/plan-freshness-run.js';
import {
  dataBlock,
  readIssueData,
  REVIEW_LABEL,
  STALE_LABEL,
  type IssueData,
} from '../core/freshness/stale-issue.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { ROOT } from './helpers/cli.js';

const SAMPLES = join(ROOT, 'curricula');
const TODAY = '2026-11-29';
const URLS = { server: 'https://github.com', owner: 'acme', repo: 'training', ref: 'HEAD' };

function sampleFiles(dir = SAMPLES): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, sampleFiles(path));
    else if (e.name.endsWith('.md') || e.name === 'enablekit.yml')
      out[relative(SAMPLES, path).split('\\').join('/')] = readFileSync(path, 'utf8');
  }
  return out;
}

/** The sample curricula, each file changed by `edits` (path → [from, to]), and a run over them. */
function plan(
  over: Partial<FreshnessRunInput> & Pick<FreshnessRunInput, 'mode'>,
  edits: Record<string, [string | RegExp, string]> = {},
) {
  const files = sampleFiles();
  for (const [path, [from, to]] of Object.entries(edits)) {
    assert.ok(files[path]?.match(from), `${path} has ${from}`);
    files[path] = files[path]!.replace(from, to);
  }
  const { index, config } = lintInMemory(files, TODAY);
  const run = planFreshnessRun({
    index,
    config,
    today: TODAY,
    issues: [],
    fileText: (item) => files[item.file],
    urls: URLS,
    operations: 100,
    dryRun: false,
    ...over,
  });
  return { ...run, index };
}

const release = (tag: string, features: string[]) => ({
  tag,
  evidence: { explicit: features },
  order: ['explicit' as const],
});
const issue = (number: number, data: IssueData, state = 'open'): ReadIssue => ({
  number,
  state,
  body: `${dataBlock(data)}\nBody.`,
});
const forItem = (writes: FreshnessWrite[], id: string) =>
  writes.filter((w) => 'item' in w.about && w.about.item === id);
const covering = (index: ReturnType<typeof plan>['index'], feature: string) =>
  [...index.items()]
    .filter((i) => i.freshness.covers.includes(feature) && i.freshness.verified)
    .map((i) => i.id)
    .sort();

describe('planFreshnessRun (the sample curricula)', () => {
  it('a release touching a feature opens the review first, then one issue per stale item, then lists them in the review', () => {
    const {
      writes,
      outcome,
      index,
      release: touched,
    } = plan({ mode: 'release', release: release('v4.3.0', ['handoff-notes', 'no-such-feature']) });
    assert.deepEqual([...touched!.features], [['handoff-notes', 'explicit list']]);
    assert.deepEqual(touched!.unknown, ['no-such-feature']);
    const stale = covering(index, 'handoff-notes');
    assert.ok(stale.length >= 3, `items covering handoff-notes: ${stale.join(', ')}`);

    assert.deepEqual(
      writes.map((w) => w.kind),
      ['open', ...stale.map(() => 'open'), 'update'],
    );
    const first = writes[0]!;
    const rest = writes.slice(1);
    assert.deepEqual(first.about, { release: 'v4.3.0' });
    assert.ok(
      first.kind === 'open' &&
        first.labels.includes(REVIEW_LABEL) &&
        first.title === 'Release v4.3.0: training to review',
    );
    const opens = rest.slice(0, -1);
    assert.deepEqual(opens.map((w) => ('item' in w.about ? w.about.item : '')).sort(), stale);
    const handoffs = forItem(writes, 'async-handoffs')[0]!;
    assert.ok(handoffs.kind === 'open');
    assert.equal(handoffs.title, 'Stale training: module "async-handoffs"');
    assert.deepEqual(handoffs.labels, [STALE_LABEL]);
    assert.deepEqual(handoffs.assignees, ['lena-trainer']);
    assert.equal(handoffs.cost, 1);
    assert.match(writeBody(handoffs.body), /handoff-notes \(explicit list\)/);
    assert.match(
      writeBody(handoffs.body),
      /\[line \d+\]\(https:\/\/github\.com\/acme\/training\/blob\/HEAD\/async-support-series\/async-handoffs\.md#L\d+\)/,
      'links a line that names the feature',
    );

    // The review, once the issues are open, links each by the number GitHub gave it.
    const last = writes.at(-1)!;
    assert.ok(last.kind === 'update' && last.number === first.opens);
    const given = new Map(opens.map((w, k) => [w.kind === 'open' ? w.opens : 0, 100 + k]));
    const body = writeBody(last.body, (n) => given.get(n) ?? n);
    for (const [k, w] of opens.entries())
      assert.match(
        body,
        new RegExp(`- \\[ \\] #${100 + k} \\w+ \`${'item' in w.about ? w.about.item : ''}\``),
      );
    assert.doesNotMatch(body, /not opened yet/);
    assert.deepEqual(
      {
        opened: outcome.opened,
        updated: outcome.updated,
        closed: outcome.closed,
        deferred: outcome.deferred,
      },
      { opened: stale.length, updated: 0, closed: 0, deferred: 0 },
    );
    assert.deepEqual(outcome.features, { 'handoff-notes': 'explicit list' });
  });

  it('an item with an open issue from an earlier release gets it updated, not a second one; a closed one is reopened', () => {
    const prior = { kind: 'item' as const, releases: ['v4.3.0'], features: ['handoff-notes'] };
    const issues = [
      issue(11, { ...prior, item: 'async-handoffs' }),
      issue(12, { ...prior, item: 'async-handoffs-reflection' }, 'closed'),
      issue(
        13,
        { kind: 'review', release: 'v4.3.0', features: { 'handoff-notes': 'explicit list' } },
        'closed',
      ),
    ];
    const { writes, outcome } = plan({
      mode: 'release',
      release: release('v4.4.0', ['handoff-notes']),
      issues,
    });
    const [open] = forItem(writes, 'async-handoffs');
    assert.ok(open?.kind === 'update');
    assert.equal(open.number, 11);
    assert.equal(open.state, undefined, 'still open: no state change');
    assert.match(writeBody(open.body), /"releases":\["v4\.3\.0","v4\.4\.0"\]/);
    const [closed] = forItem(writes, 'async-handoffs-reflection');
    assert.ok(closed?.kind === 'update' && closed.number === 12 && closed.state === 'open');
    assert.equal(closed.what, 'update #12 for async-handoffs-reflection and reopen it');
    assert.ok(outcome.updated >= 2);
    assert.equal(
      writes.filter(
        (w) =>
          w.kind === 'open' &&
          'item' in w.about &&
          ['async-handoffs', 'async-handoffs-reflection'].includes(w.about.item),
      ).length,
      0,
    );
  });

  it('a push to the default branch closes the issue of an item verified again, with the commit, and the review it completes', () => {
    const data = {
      kind: 'item' as const,
      item: 'async-handoffs',
      releases: ['v4.3.0'],
      features: ['handoff-notes'],
    };
    const issues = [
      issue(11, data),
      issue(13, {
        kind: 'review',
        release: 'v4.3.0',
        features: { 'handoff-notes': 'explicit list' },
      }),
    ];
    const edits: Record<string, [string, string]> = {
      'async-support-series/async-handoffs.md': ['version: 4.2.0', 'version: 4.3.0'],
    };
    const { writes, outcome } = plan({ mode: 'push', push: { sha: 'abc123' }, issues }, edits);
    assert.equal(writes.length, 2);
    const close = writes[0]!;
    const review = writes[1]!;
    assert.ok(close.kind === 'comment-close');
    assert.equal(close.number, 11);
    assert.equal(close.reason, 'completed');
    assert.equal(close.cost, 2, 'a comment and the close');
    assert.match(
      close.comment,
      /Verified against 4\.3\.0 on 2026-10-05 in https:\/\/github\.com\/acme\/training\/commit\/abc123\. Closing\./,
    );
    assert.ok(
      review.kind === 'update' && review.number === 13 && review.state === 'closed',
      'every task ticked: the review closes',
    );
    assert.match(writeBody(review.body), /- \[x\] #11 module `async-handoffs`/);
    assert.deepEqual(outcome.items, [{ id: 'async-handoffs', issue: 11, op: 'close' }]);

    const unverified = plan({ mode: 'push', push: { sha: 'abc123' }, issues });
    assert.deepEqual(unverified.writes, [], 'still verified against 4.2.0 only: nothing closes');
  });

  it('a scheduled run flags an item whose review interval ran out, once', () => {
    const edits: Record<string, [string, string]> = {
      'async-support-series/async-handoffs.md': ['date: 2026-10-05', 'date: 2026-04-01'],
    };
    const { writes, outcome } = plan({ mode: 'schedule' }, edits);
    assert.deepEqual(
      writes.map((w) => [w.kind, w.about]),
      [['open', { item: 'async-handoffs' }]],
    );
    const open = writes[0]!;
    assert.ok(open.kind === 'open');
    assert.match(writeBody(open.body), /"reviewDue":"2026-09-28"/);
    assert.deepEqual(outcome.items, [{ id: 'async-handoffs', issue: open.opens, op: 'create' }]);

    const again = plan(
      { mode: 'schedule', issues: [{ number: 40, state: 'open', body: writeBody(open.body) }] },
      edits,
    );
    assert.deepEqual(again.writes, [], 'flagged for this review date already');
  });

  it('an issue keeps every reason that still holds across releases and schedules, each once, in a stable order', () => {
    // GitHub as the runs leave it: each plan's writes made on the issues the next run reads.
    const issues: ReadIssue[] = [];
    const make = (writes: FreshnessWrite[]) => {
      const given = new Map<number, number>();
      const numberOf = (n: number) => given.get(n) ?? n;
      for (const w of writes) {
        if (w.kind === 'open') {
          given.set(w.opens, issues.length + 1);
          issues.push({
            number: issues.length + 1,
            state: 'open',
            body: writeBody(w.body, numberOf),
          });
        } else {
          const i = issues.find((x) => x.number === numberOf(w.number))!;
          if (w.kind === 'update') {
            i.body = writeBody(w.body, numberOf);
            if (w.state) i.state = w.state;
          } else i.state = 'closed';
        }
      }
    };
    const overdue: Record<string, [string, string]> = {
      'async-support-series/async-handoffs.md': ['date: 2026-10-05', 'date: 2026-04-01'],
    };
    const body = () =>
      issues.find((i) => {
        const d = readIssueData(i.body);
        return d?.kind === 'item' && d.item === 'async-handoffs';
      })!.body!;
    const why = () => body().split('### Why\n\n')[1]!.split('\n\n')[0]!.split('\n');

    make(plan({ mode: 'release', release: release('v4.4.0', ['handoff-notes']) }, overdue).writes);
    assert.equal(why().length, 1);
    assert.match(
      why()[0]!,
      /verified against 4\.4\.0, which changed handoff-notes \(explicit list\)/,
    );

    make(plan({ mode: 'schedule', issues }, overdue).writes);
    assert.deepEqual(
      why().map((l) => l.replace(/^- Expected .*?(4\.\d\.0, which|reviewed by).*/, '$1')),
      ['4.4.0, which', 'reviewed by'],
      'the release keeps its place; the interval joins it',
    );
    assert.match(body(), /### Lines that mention what changed\n\n- \[line \d+\]/);
    assert.match(body(), /"reviewDue":"2026-09-28"/);

    make(
      plan({ mode: 'release', release: release('v4.5.0', ['handoff-notes']), issues }, overdue)
        .writes,
    );
    const reasons = why();
    assert.equal(reasons.length, 3, reasons.join('\n'));
    assert.match(
      reasons[0]!,
      /verified against 4\.4\.0, which changed handoff-notes \(explicit list\)/,
    );
    assert.match(
      reasons[1]!,
      /verified against 4\.5\.0, which changed handoff-notes \(explicit list\)/,
    );
    assert.match(reasons[2]!, /to be reviewed by 2026-09-28 \(every 180d\)/);
    assert.match(body(), /### Lines that mention what changed/);

    const settled = body();
    make(plan({ mode: 'schedule', issues }, overdue).writes);
    assert.equal(body(), settled, 'a schedule after it changes nothing');

    // Verified against 4.4.0 (not yet 4.5.0): that release's reason no longer holds, the others do.
    const reverified: Record<string, [string, string]> = {
      'async-support-series/async-handoffs.md': [
        'verified: {version: 4.2.0, date: 2026-10-05}',
        'verified: {version: 4.4.0, date: 2026-04-01}',
      ],
    };
    make(
      plan({ mode: 'release', release: release('v4.6.0', ['handoff-notes']), issues }, reverified)
        .writes,
    );
    const now = why();
    assert.equal(now.length, 3, now.join('\n'));
    assert.match(now[0]!, /verified against 4\.5\.0/);
    assert.match(now[1]!, /verified against 4\.6\.0/);
    assert.match(now[2]!, /to be reviewed by 2026-09-28/);
    assert.deepEqual((readIssueData(body()) as { releases: string[] }).releases, [
      'v4.4.0',
      'v4.5.0',
      'v4.6.0',
    ]);
  });

  it('stops at the operations budget: one write kept back for the review, the rest deferred and listed as not opened yet', () => {
    const { writes, outcome, index } = plan({
      mode: 'release',
      release: release('v4.3.0', ['handoff-notes']),
      operations: 3,
    });
    const stale = covering(index, 'handoff-notes');
    assert.deepEqual(
      writes.map((w) => w.kind),
      ['open', 'open', 'update'],
    );
    assert.equal(outcome.opened, 1);
    assert.equal(outcome.deferred, stale.length - 1);
    const body = writeBody((writes[2] as FreshnessWrite & { kind: 'update' }).body, () => 7);
    assert.equal(
      body.match(/issue not opened yet \(operations budget\)/g)?.length,
      stale.length - 1,
    );

    const dry = plan({
      mode: 'release',
      release: release('v4.3.0', ['handoff-notes']),
      operations: 3,
      dryRun: true,
    });
    assert.deepEqual(
      dry.writes.map((w) => w.what),
      writes.map((w) => w.what),
      'a dry run plans the same writes',
    );
    assert.doesNotMatch(
      writeBody((dry.writes[2] as FreshnessWrite & { kind: 'update' }).body),
      /#-\d+/,
      'a dry run links no issue it did not open',
    );
  });
});
