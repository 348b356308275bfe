import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalGitHub } from '../test/github-api/server.js';
import { runAction } from '../test/helpers/run-action.js';

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/**
 * A release scan of the benchmark corpus (2,000 items) against the local GitHub API:
 * the release touches a feature that `stale` items cover. Reports the scan (process
 * start to the first write: load, parse, verdicts, the issue listing) and the whole run,
 * whose writes octokit spaces as GitHub asks.
 */
export async function benchFreshness(corpus: string, stale = 20): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'enablekit-bench-fresh-'));
  cpSync(corpus, join(workspace, 'curricula'), {
    recursive: true,
    filter: (src) => !src.includes('.enablekit-cache'),
  });
  const dir = join(workspace, 'curricula');
  writeFileSync(
    join(dir, 'enablekit.yml'),
    `${readFileSync(join(dir, 'enablekit.yml'), 'utf8')}  - id: exports\n    aliases: [CSV export]\n`,
  );
  let items = 0;
  let marked = 0;
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    const files = sub.isDirectory()
      ? readdirSync(join(dir, sub.name)).map((f) => join(sub.name, f))
      : [sub.name];
    for (const f of files.filter((x) => x.endsWith('.md'))) {
      items++;
      if (marked < stale && f.includes('module')) {
        const p = join(dir, f);
        writeFileSync(
          p,
          readFileSync(p, 'utf8').replace(/covers: \[[^\]]*\]/, 'covers: [exports]'),
        );
        marked++;
      }
    }
  }
  const gh = new LocalGitHub();
  await gh.start();
  gh.state.repo('acme', 'training');
  const payload = {
    action: 'published',
    release: { tag_name: 'v4.3.0', body: 'The CSV export now includes custom fields.' },
    repository: { full_name: 'acme/training' },
  };
  const t = performance.now();
  const r = await runAction({
    apiUrl: gh.url,
    workspace,
    eventName: 'release',
    payload,
    inputs: { 'feature-sources': 'explicit,notes' },
  });
  const wall = performance.now() - t;
  await gh.stop();
  if (r.code !== 0) throw new Error(r.stdout + r.stderr);
  const firstWrite = gh.calls.find((c) => c.method !== 'GET');
  const opened = Number(r.outputs.opened);
  console.log(
    `\nFreshness release scan (node dist/action.js, ${items} items, ${marked} cover the touched feature):`,
  );
  console.log(
    `  scan to first write                   ${fmt((firstWrite?.at ?? t) - t)}  (target <= 2 s)`,
  );
  console.log(
    `  whole run, ${opened} issues opened        ${fmt(wall)}, ${gh.calls.length} API calls  (target <= ${opened} + 4 calls: one lists the progress issues, for recertification)`,
  );
}
