import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  keyFilePath,
  loadIndex,
  openSealed,
  rotate,
  seal
} from "./chunk-NXQ6CK5O.js";
import {
  resolveTargets
} from "./chunk-TXYMICIS.js";
import "./chunk-HXAJKR5X.js";
import "./chunk-DJMIE3YH.js";
import "./chunk-LWZLPCHA.js";
import "./chunk-CTDEDGK4.js";
import {
  UsageError
} from "./chunk-ZBVLYBTG.js";
import "./chunk-3OM2A7VQ.js";
import "./chunk-B5AU765K.js";

// cli/seal-command.ts
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
var NO_SECRET = "Set ENABLEKIT_KEY to the answer-key secret (a long random passphrase; keep it in a password manager, and as the repository secret ENABLEKIT_KEY for the Action).";
async function sealCommand(a) {
  if (!a.secret) throw new UsageError(`Expected the secret in ENABLEKIT_KEY; found none. ${NO_SECRET}`);
  if (a.action === "rotate" && !a.newSecret) throw new UsageError("Expected the new secret in ENABLEKIT_NEW_KEY (and the current one in ENABLEKIT_KEY); found none. Set both, run rotate, then update the repository secret.");
  if (a.action === "rotate" && a.newSecret === a.secret) throw new UsageError("Expected ENABLEKIT_NEW_KEY to differ from ENABLEKIT_KEY; found the same secret. Choose a new one.");
  const paths = a.paths.length ? a.paths : [existsSync(resolve(a.cwd, "curricula")) ? "curricula" : "."];
  const targets = resolveTargets(a.cwd, paths);
  const { index } = await loadIndex({ cwd: a.cwd, cache: false, version: a.version, targets });
  const root = a.cwd;
  const wanted = targets.targets.map((t) => relative(a.cwd, t).split(sep).join("/"));
  const inTargets = (f) => wanted.some((w) => w === "" || f === w || f.startsWith(`${w}/`));
  const quizzes = [...index.items()].filter((i) => i.type === "quiz" && inTargets(i.file));
  const done = [];
  const problems = [];
  for (const quiz of quizzes) {
    const path = resolve(root, quiz.file);
    const shown = relative(a.cwd, path);
    if (a.action === "seal") {
      if (quiz.key) continue;
      const r2 = seal(quiz.file, readFileSync(path, "utf8"), a.secret);
      if (!r2.ok) {
        problems.push(`${shown}:${r2.line}: ${r2.message}`);
        continue;
      }
      writeFileSync(resolve(root, keyFilePath(quiz.file, r2.keyFile)), r2.keyText);
      writeFileSync(path, r2.sealedText);
      done.push(`sealed ${shown} (key: ${relative(a.cwd, resolve(root, keyFilePath(quiz.file, r2.keyFile)))})`);
      continue;
    }
    if (!quiz.key) continue;
    const keyPath = resolve(root, keyFilePath(quiz.file, quiz.key));
    if (!existsSync(keyPath)) {
      problems.push(`${shown}: Expected its key file ${relative(a.cwd, keyPath)}; found none. Restore it from git.`);
      continue;
    }
    const keyText = readFileSync(keyPath, "utf8");
    if (a.action === "rotate") {
      const r2 = rotate(quiz, keyText, a.secret, a.newSecret);
      if (!r2.ok) problems.push(`${relative(a.cwd, keyPath)}: ${r2.message}`);
      else {
        writeFileSync(keyPath, r2.keyText);
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
  const verb = { seal: "sealed", unseal: "unsealed", rotate: "rotated" }[a.action];
  const summary = done.length ? `${done.length} quiz${done.length === 1 ? "" : "zes"} ${verb}.` : `No quiz ${verb}: ${a.action === "seal" ? "every quiz here is sealed already" : "no sealed quiz here"}.`;
  return { stdout: `${[...done, ...problems, summary].join("\n")}
`, exitCode: problems.length ? 1 : 0 };
}
export {
  sealCommand
};
