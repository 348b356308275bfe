import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Quiz } from '../core/model.js';
import { keyFilePath, rotate, seal, unsealedFile } from '../core/sealing/seal.js';
import { openQuizKey } from '../host/quiz-keys.js';
import { loadIndex } from '../host/analyse.js';
import { UsageError } from '../host/usage-error.js';
import { resolveTargets } from '../host/workspace-files.js';
import { ProgressBar } from './progress-bar.js';

export interface SealArgs {
  action: 'seal' | 'unseal' | 'rotate';
  cwd: string;
  paths: string[];
  /** ENABLEKIT_KEY: the secret keys are sealed with. */
  secret?: string;
  /** ENABLEKIT_NEW_KEY: the secret `rotate` seals them with instead. */
  newSecret?: string;
  version: string;
}

const NO_SECRET =
  'Set ENABLEKIT_KEY to the answer-key secret (a long random passphrase; keep it in a password manager, and as the repository secret ENABLEKIT_KEY for the Action).';

/**
 * `seal` moves the answers of every quiz under the paths into an encrypted key file
 * beside it; `unseal` puts them back (the author's text exactly as it was sealed) and
 * removes the key file; `rotate` re-encrypts every key file under ENABLEKIT_NEW_KEY.
 */
export async function sealCommand(a: SealArgs): Promise<{ stdout: string; exitCode: number }> {
  if (!a.secret)
    throw new UsageError(`Expected the secret in ENABLEKIT_KEY; found none. ${NO_SECRET}`);
  if (a.action === 'rotate' && !a.newSecret)
    throw new UsageError(
      'Expected the new secret in ENABLEKIT_NEW_KEY (and the current one in ENABLEKIT_KEY); found none. Set both, run rotate, then update the repository secret.',
    );
  if (a.action === 'rotate' && a.newSecret === a.secret)
    throw new UsageError(
      'Expected ENABLEKIT_NEW_KEY to differ from ENABLEKIT_KEY; found the same secret. Choose a new one.',
    );
  const paths = a.paths.length
    ? a.paths
    : [existsSync(resolve(a.cwd, 'curricula')) ? 'curricula' : '.'];
  const { index, only } = await loadIndex({
    cwd: a.cwd,
    cache: false,
    version: a.version,
    targets: resolveTargets(a.cwd, paths),
    progress: ProgressBar.onTerminal,
  });
  // Model paths are relative to the current directory, as lint reports them.
  const at = (path: string) => resolve(a.cwd, path);
  const quizzes = [...index.items()].filter(
    (i): i is Quiz => i.type === 'quiz' && only.has(i.file),
  );
  const done: string[] = [];
  const problems: string[] = [];
  for (const quiz of quizzes) {
    if (a.action === 'seal') {
      if (quiz.key) continue;
      const r = seal(quiz.file, readFileSync(at(quiz.file), 'utf8'), a.secret);
      if (!r.ok) {
        problems.push(`${quiz.file}:${r.line}: ${r.message}`);
        continue;
      }
      const keyPath = keyFilePath(quiz.file, r.keyFile);
      // The key first: a quiz sealed without its key could not be graded.
      writeFileSync(at(keyPath), r.keyText);
      writeFileSync(at(quiz.file), r.sealedText);
      done.push(`sealed ${quiz.file} (key: ${keyPath})`);
    } else if (quiz.key && a.action === 'rotate') {
      const keyPath = keyFilePath(quiz.file, quiz.key);
      const r = existsSync(at(keyPath))
        ? rotate(quiz, readFileSync(at(keyPath), 'utf8'), a.secret, a.newSecret!)
        : {
            ok: false as const,
            message: 'Expected the key file that key: names; found none. Restore it from git.',
          };
      if (!r.ok) problems.push(`${keyPath}:1: ${r.message}`);
      else {
        writeFileSync(at(keyPath), r.keyText);
        done.push(`rotated ${keyPath}`);
      }
    } else if (quiz.key) {
      const r = openQuizKey(a.cwd, quiz, a.secret);
      if (!r.ok) problems.push(r.message);
      else {
        writeFileSync(at(quiz.file), unsealedFile(r.source!, readFileSync(at(quiz.file), 'utf8')));
        rmSync(at(r.keyPath!));
        done.push(`unsealed ${quiz.file}`);
      }
    }
  }
  const verb = { seal: 'sealed', unseal: 'unsealed', rotate: 'rotated' }[a.action];
  const summary = done.length
    ? `${done.length} quiz${done.length === 1 ? '' : 'zes'} ${verb}.`
    : `No quiz ${verb}: ${a.action === 'seal' ? 'every quiz here is sealed already' : 'no sealed quiz here'}.`;
  return {
    stdout: `${[...done, ...problems, summary].join('\n')}\n`,
    exitCode: problems.length ? 1 : 0,
  };
}
