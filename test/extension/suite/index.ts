import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { registerGoldenSuite } from './golden.js';
import { registerAuthorSuite } from './author.js';
import { registerAuthorToolsSuite } from './author-tools.js';
import { registerAuthorItemsSuite } from './author-items.js';
import { registerLearnerSuite } from './learner.js';
import { registerFirstMinutesSuite } from './first-minutes.js';
import { registerEmptyWorkspaceSuite } from './empty-workspace.js';
import { registerLearnerRetrySuite } from './learner-retry.js';
import { registerQuizAnswersSuite } from './quiz-answers.js';
import { registerLearnerPoolSuite } from './learner-pool.js';
import { registerLearnerGatingSuite } from './learner-gating.js';
import { registerLearnerSurveySuite } from './learner-survey.js';
import { registerCertificatesSuite } from './certificates.js';
import { registerDiskChangesSuite } from './disk-changes.js';
import { registerAuthorItemAnalysisSuite } from './author-item-analysis.js';
import { registerBench } from './bench.js';

/**
 * The extension's integration suite, as @vscode/test-electron and the code-server runner
 * (test/extension/run.sh) both call it: `run()` resolves when every test passed. Which
 * suite runs depends on the workspace opened: a golden fixture (it has expected.json) or
 * the sample curricula in a git repository.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // ENABLEKIT_EXT_GREP (passed through run.sh to code-server's extension host) runs only
  // the tests whose title matches, for working on one flow.
  const grep = process.env.ENABLEKIT_EXT_GREP;
  if (grep) mocha.grep(grep);
  mocha.suite.emit('pre-require', globalThis, 'enablekit-extension', mocha);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  if (existsSync(join(folder, '.enablekit-bench'))) registerBench(folder);
  else if (existsSync(join(folder, 'expected.json'))) registerGoldenSuite(folder);
  // A fresh git repository with no curricula yet: the first five minutes.
  else if (!existsSync(join(folder, 'curricula'))) registerEmptyWorkspaceSuite(folder);
  else {
    registerAuthorSuite(folder);
    registerAuthorToolsSuite(folder);
    registerAuthorItemsSuite(folder);
    registerDiskChangesSuite(folder);
    registerLearnerSuite(folder);
    registerFirstMinutesSuite(folder);
    registerLearnerRetrySuite(folder);
    registerQuizAnswersSuite(folder);
    registerLearnerPoolSuite(folder);
    registerLearnerGatingSuite(folder);
    registerLearnerSurveySuite(folder);
    registerCertificatesSuite(folder);
    registerAuthorItemAnalysisSuite(folder);
  }
  // The learner's login is remembered in the user settings, which every workspace of this
  // code-server shares: left there, the UI test run after would never be asked for it.
  mocha.suite.afterAll(async () => {
    await vscode.workspace
      .getConfiguration('enablekit')
      .update('login', undefined, vscode.ConfigurationTarget.Global);
  });
  return new Promise((resolve, reject) =>
    mocha.run((failures) =>
      failures ? reject(new Error(`${failures} extension test(s) failed.`)) : resolve(),
    ),
  );
}
