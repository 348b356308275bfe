import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);
import {
  keyFilePath,
  loadIndex,
  openQuizKey,
  rotate,
  seal,
  unsealedFile
} from "./chunk-YMXA3CNF.js";
import {
  resolveTargets
} from "./chunk-E3FWTF4R.js";
import "./chunk-3EZ7HMQY.js";
import "./chunk-EIFYVTYX.js";
import "./chunk-MJ7R2TOD.js";
import {
  UsageError
} from "./chunk-S6DZV6XD.js";
import "./chunk-LWN357S5.js";
import "./chunk-JEF32JUO.js";
import "./chunk-62XP5XG5.js";
import "./chunk-N6VMDUHI.js";
import "./chunk-B5AU765K.js";

// cli/seal-command.ts
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
var NO_SECRET = "Set ENABLEKIT_KEY to the answer-key secret (a long random passphrase; keep it in a password manager, and as the repository secret ENABLEKIT_KEY for the Action).";
async function sealCommand(a) {
  if (!a.secret) throw new UsageError(`Expected the secret in ENABLEKIT_KEY; found none. ${NO_SECRET}`);
  if (a.action === "rotate" && !a.newSecret) throw new UsageError("Expected the new secret in ENABLEKIT_NEW_KEY (and the current one in ENABLEKIT_KEY); found none. Set both, run rotate, then update the repository secret.");
  if (a.action === "rotate" && a.newSecret === a.secret) throw new UsageError("Expected ENABLEKIT_NEW_KEY to differ from ENABLEKIT_KEY; found the same secret. Choose a new one.");
  const paths = a.paths.length ? a.paths : [existsSync(resolve(a.cwd, "curricula")) ? "curricula" : "."];
  const { index, only } = await loadIndex({ cwd: a.cwd, cache: false, version: a.version, targets: resolveTargets(a.cwd, paths) });
  const at = (path) => resolve(a.cwd, path);
  const quizzes = [...index.items()].filter((i) => i.type === "quiz" && only.has(i.file));
  const done = [];
  const problems = [];
  for (const quiz of quizzes) {
    if (a.action === "seal") {
      if (quiz.key) continue;
      const r = seal(quiz.file, readFileSync(at(quiz.file), "utf8"), a.secret);
      if (!r.ok) {
        problems.push(`${quiz.file}:${r.line}: ${r.message}`);
        continue;
      }
      const keyPath = keyFilePath(quiz.file, r.keyFile);
      writeFileSync(at(keyPath), r.keyText);
      writeFileSync(at(quiz.file), r.sealedText);
      done.push(`sealed ${quiz.file} (key: ${keyPath})`);
    } else if (quiz.key && a.action === "rotate") {
      const keyPath = keyFilePath(quiz.file, quiz.key);
      const r = existsSync(at(keyPath)) ? rotate(quiz, readFileSync(at(keyPath), "utf8"), a.secret, a.newSecret) : { ok: false, message: "Expected the key file that key: names; found none. Restore it from git." };
      if (!r.ok) problems.push(`${keyPath}:1: ${r.message}`);
      else {
        writeFileSync(at(keyPath), r.keyText);
        done.push(`rotated ${keyPath}`);
      }
    } else if (quiz.key) {
      const r = openQuizKey(a.cwd, quiz, a.secret);
      if (!r.ok) problems.push(r.message);
      else {
        writeFileSync(at(quiz.file), unsealedFile(r.source, readFileSync(at(quiz.file), "utf8")));
        rmSync(at(r.keyPath));
        done.push(`unsealed ${quiz.file}`);
      }
    }
  }
  const verb = { seal: "sealed", unseal: "unsealed", rotate: "rotated" }[a.action];
  const summary = done.length ? `${done.length} quiz${done.length === 1 ? "" : "zes"} ${verb}.` : `No quiz ${verb}: ${a.action === "seal" ? "every quiz here is sealed already" : "no sealed quiz here"}.`;
  return { stdout: `${[...done, ...problems, summary].join("\n")}
`, exitCode: problems.length ? 1 : 0 };
}
export {
  sealCommand
};
