import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from '../test/github-api/server.js';
import { pullRequestEvent, runAction } from '../test/helpers/run-action.js';

const ROOT = resolve(import.meta.dirname, '..');
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function quizText(i: number): string {
  let body = `---\ntype: quiz\nid: quiz-${i}\ntitle: Quiz ${i}\nmodule: m\nowner: lead\n---\n# Quiz ${i}\n\n`;
  for (let q = 0; q < 10; q++)
    body += `## Question ${q}?\n<!-- question id=q${q} type=single -->\n\n- [x] Right ${q}\n- [ ] Wrong ${q}\n  > Not this one.\n\n`;
  return body;
}

/** The Action's figures: cold start, API calls for one sheet, and 100 sheets in one pull request. */
export async function benchAction(): Promise<void> {
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync(process.execPath, [join(ROOT, 'dist', 'action.js')], {
      env: { PATH: process.env.PATH, GITHUB_EVENT_NAME: 'issues' },
    });
    cold.push(performance.now() - t);
  }
  const workspace = mkdtempSync(join(tmpdir(), 'enablekit-bench-action-'));
  mkdirSync(join(workspace, 'curricula'), { recursive: true });
  writeFileSync(join(workspace, 'curricula', 'enablekit.yml'), 'version: 1\n');
  writeFileSync(
    join(workspace, 'curricula', 'm.md'),
    '---\ntype: module\nid: m\ntitle: M\nowner: lead\n---\n# M\n',
  );
  const sheets: Record<string, string> = {};
  for (let i = 0; i < 100; i++) {
    const text = quizText(i);
    writeFileSync(join(workspace, 'curricula', `quiz-${i}.md`), text);
    const quiz = parseFile(`quiz-${i}.md`, text).model.item as Quiz;
    sheets[`submissions/ana/quiz-${i}.md`] = answerSheetText(quiz, 'ana').replace(
      /- \[ \] Right/g,
      '- [x] Right',
    );
  }
  const gh = new LocalGitHub();
  await gh.start();
  const repo = gh.state.repo('acme', 'training');
  const run = async (files: Record<string, string>, number: number, progress = 'false') => {
    repo.setFiles(`sha-${number}`, files);
    repo.addPull({
      number,
      author: 'ana',
      title: 'answers',
      head: { ref: 'b', sha: `sha-${number}` },
      base: { ref: 'main', sha: 'base' },
      files: Object.keys(files).map((filename) => ({ filename, status: 'added' as const })),
    });
    const before = gh.calls.length;
    const t = performance.now();
    const r = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', { number, author: 'ana', headSha: `sha-${number}` }),
      inputs: { progress },
    });
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    return { ms: performance.now() - t, calls: gh.calls.length - before, graded: r.outputs.graded };
  };
  const one = await run({ 'submissions/ana/quiz-0.md': sheets['submissions/ana/quiz-0.md']! }, 1);
  const oneProgress = await run(
    { 'submissions/ana/quiz-1.md': sheets['submissions/ana/quiz-1.md']! },
    10,
    'true',
  );
  const hundred = await run(sheets, 2);
  // The same, recorded in the learner's progress issue (the default): its own learner, so nothing is a retake.
  const renamed = Object.fromEntries(
    Object.entries(sheets).map(([p, t]) => [
      p.replace('/ana/', '/bo/'),
      t.replace('learner: ana', 'learner: bo'),
    ]),
  );
  const repoB = gh.state.repo('acme', 'training');
  repoB.setFiles('sha-3', renamed);
  repoB.addPull({
    number: 3,
    author: 'bo',
    title: 'answers',
    head: { ref: 'c', sha: 'sha-3' },
    base: { ref: 'main', sha: 'base' },
    files: Object.keys(renamed).map((filename) => ({ filename, status: 'added' as const })),
  });
  const before = gh.calls.length;
  const t = performance.now();
  const withProgress = await runAction({
    apiUrl: gh.url,
    workspace,
    eventName: 'pull_request_target',
    payload: pullRequestEvent('opened', { number: 3, author: 'bo', headSha: 'sha-3' }),
    inputs: { progress: 'true' },
  });
  const progressMs = performance.now() - t;
  if (withProgress.code !== 0) throw new Error(withProgress.stdout + withProgress.stderr);
  const progressCalls = gh.calls.length - before;
  await gh.stop();
  console.log('\nGitHub Action (node dist/action.js against the local GitHub API):');
  console.log(`  cold start (load, read event, exit)   ${fmt(median(cold))}  (target <= 250 ms)`);
  console.log(
    `  1 answer sheet                        ${fmt(one.ms)}, ${one.calls} API calls  (target <= 6 calls)`,
  );
  console.log(
    `  1 answer sheet, with progress issue   ${fmt(oneProgress.ms)}, ${oneProgress.calls} API calls (opens the issue)`,
  );
  console.log(
    `  100 answer sheets, 10 questions each  ${fmt(hundred.ms)}, ${hundred.calls} API calls, ${hundred.graded} graded  (target <= 3 s)`,
  );
  console.log(
    `  the same, recorded in progress issue   ${fmt(progressMs)}, ${progressCalls} API calls, ${withProgress.outputs.graded} graded`,
  );
}
