import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Quiz } from '../core/model.js';
import { keyFilePath, openSealed, rotate, seal } from '../core/sealing/seal.js';
import { loadIndex } from './analyse.js';
import { UsageError } from './usage-error.js';
import { resolveTargets } from './workspace-files.js';

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

const NO_SECRET = 'Set ENABLEKIT_KEY to the answer-key secret (a long random passphrase; keep it in a password manager, and as the repository secret ENABLEKIT_KEY for the Action).';

/**
 * `seal` moves the answers of every quiz under the paths into an encrypted key file
 * beside it; `unseal` puts them back (the author's text exactly as it was sealed) and
 * removes the key file; `rotate` re-encrypts every key file under ENABLEKIT_NEW_KEY.
 */
export async function sealCommand(a: SealArgs): Promise<{ stdout: string; exitCode: number }> {
  if (!a.secret) throw new UsageError(`Expected the secret in ENABLEKIT_KEY; found none. ${NO_SECRET}`);
  if (a.action === 'rotate' && !a.newSecret) throw new UsageError('Expected the new secret in ENABLEKIT_NEW_KEY (and the current one in ENABLEKIT_KEY); found none. Set both, run rotate, then update the repository secret.');
  if (a.action === 'rotate' && a.newSecret === a.secret) throw new UsageError('Expected ENABLEKIT_NEW_KEY to differ from ENABLEKIT_KEY; found the same secret. Choose a new one.');
  const paths = a.paths.length ? a.paths : [existsSync(resolve(a.cwd, 'curricula')) ? 'curricula' : '.'];
  const targets = resolveTargets(a.cwd, paths);
  const { index } = await loadIndex({ cwd: a.cwd, cache: false, version: a.version, targets });
  // Model paths are relative to the current directory, as lint reports them.
  const root = a.cwd;
  const wanted = targets.targets.map((t) => relative(a.cwd, t).split(sep).join('/'));
  const inTargets = (f: string) => wanted.some((w) => w === '' || f === w || f.startsWith(`${w}/`));
  const quizzes = [...index.items()].filter((i): i is Quiz => i.type === 'quiz' && inTargets(i.file));
  const done: string[] = [];
  const problems: string[] = [];
  for (const quiz of quizzes) {
    const path = resolve(root, quiz.file);
    const shown = relative(a.cwd, path);
    if (a.action === 'seal') {
      if (quiz.key) continue;
      const r = seal(quiz.file, readFileSync(path, 'utf8'), a.secret);
      if (!r.ok) {
        problems.push(`${shown}:${r.line}: ${r.message}`);
        continue;
      }
      writeFileSync(resolve(root, keyFilePath(quiz.file, r.keyFile)), r.keyText);
      writeFileSync(path, r.sealedText);
      done.push(`sealed ${shown} (key: ${relative(a.cwd, resolve(root, keyFilePath(quiz.file, r.keyFile)))})`);
      continue;
    }
    if (!quiz.key) continue;
    const keyPath = resolve(root, keyFilePath(quiz.file, quiz.key));
    if (!existsSync(keyPath)) {
      problems.push(`${shown}: Expected its key file ${relative(a.cwd, keyPath)}; found none. Restore it from git.`);
      continue;
    }
    const keyText = readFileSync(keyPath, 'utf8');
    if (a.action === 'rotate') {
      const r = rotate(quiz, keyText, a.secret, a.newSecret!);
      if (!r.ok) problems.push(`${relative(a.cwd, keyPath)}: ${r.message}`);
      else {
        writeFileSync(keyPath, r.keyText);
        done.push(`rotated ${relative(a.cwd, keyPath)}`);
      }
      continue;
    }
    const r = openSealed(quiz, keyText, a.secret);
    if (!r.ok) {
      problems.push(`${shown}: ${r.message}`);
      continue;
    }
    writeFileSync(path, r.source);
    rmSync(keyPath);
    done.push(`unsealed ${shown}`);
  }
  const verb = { seal: 'sealed', unseal: 'unsealed', rotate: 'rotated' }[a.action];
  const summary = done.length ? `${done.length} quiz${done.length === 1 ? '' : 'zes'} ${verb}.` : `No quiz ${verb}: ${a.action === 'seal' ? 'every quiz here is sealed already' : 'no sealed quiz here'}.`;
  return { stdout: `${[...done, ...problems, summary].join('\n')}\n`, exitCode: problems.length ? 1 : 0 };
}
