import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { parseGift } from '../core/interchange/parse-gift.js';
import { quizzesFromGift } from '../core/interchange/quiz-from-gift.js';
import { parseQuizdown } from '../core/interchange/parse-quizdown.js';
import { quizzesFromQuizdown } from '../core/interchange/quiz-from-quizdown.js';
import { parseMkdocsQuiz } from '../core/interchange/parse-mkdocs-quiz.js';
import { quizzesFromMkdocsQuiz } from '../core/interchange/quiz-from-mkdocs-quiz.js';
import { slug, UniqueIds } from '../core/interchange/quiz-markdown.js';
import { rebaseLinks } from '../core/interchange/rebase-links.js';
import { parseFile } from '../core/parse/parse-file.js';
import { configCandidates } from '../core/config/config-candidates.js';
import { defaultConfig, parseConfig } from '../core/config/config.js';
import { toPosix, walk } from '../host/walk.js';
import { UsageError } from '../host/usage-error.js';
import { modulesUnder, newCommand } from './new-command.js';

export interface ImportArgs {
  files: string[];
  from: string | undefined;
  dir: string;
  module: string | undefined;
  owner?: string;
  cwd: string;
  now: Date;
  today?: string;
}

const FORMATS = ['gift', 'quizdown', 'mkdocs-quiz'] as const;

/** What a question looks like in each format, for a file in which none was found. */
const SHAPE: Record<(typeof FORMATS)[number], string> = {
  gift: 'separated by blank lines, answers between { and }',
  quizdown: 'each under a heading, answers in a list',
  'mkdocs-quiz': 'each in a <quiz> block',
};

/** A file in a format, as quizzes and what was not imported (whole questions, or parts of them). */
function read(format: (typeof FORMATS)[number], source: string) {
  switch (format) {
    case 'gift': {
      const { questions, problems } = parseGift(source);
      return { problems, ...quizzesFromGift(questions) };
    }
    case 'quizdown': {
      const { questions, problems } = parseQuizdown(source);
      return { problems, ...quizzesFromQuizdown(questions) };
    }
    case 'mkdocs-quiz': {
      const { questions, problems } = parseMkdocsQuiz(source);
      return { problems, ...quizzesFromMkdocsQuiz(questions) };
    }
  }
}

const titleOf = (text: string) => text.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** The curricula the quizzes go into: their root and config. */
function curriculaOf(dir: string): { root: string; ignore: string[] } {
  const configPath = configCandidates(toPosix(dir)).find((p) => existsSync(p));
  const config = configPath
    ? parseConfig(configPath, readFileSync(configPath, 'utf8'))
    : defaultConfig();
  return { root: configPath ? dirname(configPath) : dir, ignore: config.ignore };
}

/** Every item id in the curricula, so an imported quiz takes one of its own (duplicate-id). */
function idsIn(a: ImportArgs, dir: string): Set<string> {
  const { root, ignore } = curriculaOf(dir);
  const ids = new Set<string>();
  for (const file of walk([root], a.cwd, ignore, root).markdown) {
    let text: string;
    try {
      text = readFileSync(resolve(a.cwd, file), 'utf8');
    } catch {
      continue;
    }
    const id = parseFile(file, text, { metadataOnly: true }).model.item?.id;
    if (id) ids.add(id);
  }
  return ids;
}

/** The module's own owner, so an imported quiz is kept by whoever keeps its module. */
function moduleOwner(a: ImportArgs, dir: string): string | undefined {
  const { root, ignore } = curriculaOf(dir);
  const found = modulesUnder(root, a.cwd, ignore).find((m) => m.id === a.module);
  if (!found) return undefined;
  return parseFile(found.path, readFileSync(found.path, 'utf8')).model.item?.freshness?.owner;
}

/**
 * `enablekit import <files…> --from gift|quizdown|mkdocs-quiz --dir <folder> --module <id>`:
 * one quiz per file, or per GIFT `$CATEGORY:` in it. Every question is imported or named on stderr with its line and
 * why; nothing existing is overwritten (if any quiz's file exists, nothing is written).
 */
export function importCommand(a: ImportArgs): { stdout: string; stderr: string; exitCode: number } {
  const format = FORMATS.find((f) => f === a.from);
  if (!format)
    throw new UsageError(
      `Expected --from ${FORMATS.join('|')}; found ${a.from ? `"${a.from}"` : 'none'}. Name the format the files are in.`,
    );
  if (a.files.length === 0)
    throw new UsageError(
      'Expected one or more files to import after "enablekit import"; found none. Name the question banks.',
    );
  if (!a.module)
    throw new UsageError(
      'Expected --module <id> naming the module the imported quizzes check; found none. Pass it.',
    );
  const dir = resolve(a.cwd, a.dir);
  const stderr: string[] = [];
  const planned: { id: string; title: string; questions: string; count: number }[] = [];
  const ids = new UniqueIds(idsIn(a, dir));
  for (const file of a.files) {
    const path = resolve(a.cwd, file);
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      throw new UsageError(
        `Expected a readable file at ${file}; found none. Check the path, then run the import again.`,
      );
    }
    const shown = toPosix(relative(a.cwd, path));
    const { problems, quizzes, skipped } = read(format, source);
    if (quizzes.length + problems.length + skipped.length === 0)
      stderr.push(
        `${shown}: not imported: Expected ${format} questions (${SHAPE[format]}); found none. Check that --from names the file's format.`,
      );
    for (const p of [...problems, ...skipped].sort((x, y) => x.line - y.line))
      stderr.push(
        'reason' in p
          ? `${shown}:${p.line}: not imported: "${p.name}": ${p.reason}.`
          : `${shown}:${p.line}: not imported: ${p.message}`,
      );
    const fileId = slug(basename(path, extname(path)), 'quiz');
    for (const quiz of quizzes) {
      const leaf = quiz.category
        ?.split('/')
        .filter(Boolean)
        .at(-1)
        ?.replace(/^\$\w+\$$/, '');
      const base = leaf ? slug(leaf, fileId) : fileId;
      const id = ids.take(base);
      planned.push({
        id,
        title: leaf?.trim() || titleOf(id),
        questions: rebaseLinks(quiz.body, toPosix(dirname(path)), toPosix(dir)),
        count: quiz.count,
      });
    }
  }
  const existing = planned
    .map((q) => resolve(dir, `${q.id}.md`))
    .filter((p) => existsSync(p))
    .map((p) => toPosix(relative(a.cwd, p)));
  if (existing.length)
    throw new UsageError(
      `Expected no quiz files where the import writes; found ${existing.join(', ')}. Move or delete them, or pass another --dir; nothing was written.`,
    );
  const owner = a.owner ?? moduleOwner(a, dir);
  const written = planned.map((q) => {
    newCommand({
      type: 'quiz',
      id: q.id,
      dir: a.dir,
      cwd: a.cwd,
      now: a.now,
      module: a.module,
      title: q.title,
      questions: q.questions,
      ...(owner ? { owner } : {}),
      ...(a.today ? { today: a.today } : {}),
    });
    return `  ${toPosix(relative(a.cwd, resolve(dir, `${q.id}.md`)))}: ${q.count} question${q.count === 1 ? '' : 's'}`;
  });
  const notImported = stderr.length;
  const summary = [
    written.length
      ? `Imported ${planned.reduce((n, q) => n + q.count, 0)} questions into ${written.length} quiz${written.length === 1 ? '' : 'zes'}:`
      : 'Imported no questions.',
    ...written,
    notImported
      ? `${notImported} not imported (listed above, each with its line and why).`
      : 'Every question was imported.',
    'Next: enablekit lint',
  ];
  return {
    stdout: `${summary.join('\n')}\n`,
    stderr: stderr.map((l) => `${l}\n`).join(''),
    exitCode: notImported ? 1 : 0,
  };
}
