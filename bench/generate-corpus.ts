import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small deterministic PRNG, so every run benchmarks the same corpus. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS =
  'customer ticket queue priority escalate reply shift handoff agent account workaround impact routing policy report health plan adoption training session follow-up review release feature inbox request engineer advocate note'.split(
    ' ',
  );

export function generateCorpus(
  dir: string,
  files = 2000,
  seed = 42,
): { files: number; bytes: number } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const sentence = () => {
    const n = 8 + Math.floor(r() * 14);
    const words = Array.from({ length: n }, () => pick(WORDS));
    if (r() < 0.3) words[2] = `**${words[2]}**`;
    if (r() < 0.2) words[5] = `\`${words[5]}\``;
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(r() * 4) }, sentence).join(' ');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tracks = Math.max(1, Math.round(files * 0.02));
  const modulesCount = Math.round(files * 0.55);
  const quizzes = Math.round(files * 0.2);
  const scenarios = Math.round(files * 0.1);
  const reflections = files - tracks - modulesCount - quizzes - scenarios;
  const fm = (type: string, id: string, extra: string) =>
    `---\ntype: ${type}\nid: ${id}\ntitle: ${id.replace(/-/g, ' ')}\n${extra}owner: lead-${id.length % 5}\ncovers: [${pick(['inbox', 'sla', 'routing', 'health'])}]\nverified: {version: 4.2.0, date: 2026-10-05}\nreview_every: 180d\n---\n\n`;
  writeFileSync(
    join(dir, 'enablekit.yml'),
    'version: 1\nroles:\n  support: {}\n  success: {}\nfeatures:\n  - id: inbox\n  - id: sla\n  - id: routing\n  - id: health\n',
  );
  let bytes = 0;
  const write = (p: string, text: string) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
    bytes += Buffer.byteLength(text);
  };
  const moduleIds = Array.from({ length: modulesCount }, (_, i) => `module-${i}`);
  for (let t = 0; t < tracks; t++) {
    const mine = moduleIds.filter((_, i) => i % tracks === t);
    write(
      `track-${t}/track.md`,
      `${fm('track', `track-${t}`, `roles: [${pick(['support', 'success'])}]\nmodules:\n${mine.map((m) => `  - ${m}`).join('\n')}\n`)}# Track ${t}\n\n${paragraph()}\n`,
    );
  }
  moduleIds.forEach((id, i) => {
    let body = `# Module ${i}\n\n${paragraph()}\n\n`;
    const sections = 3 + Math.floor(r() * 5);
    for (let s = 0; s < sections; s++) {
      body += `## ${sentence().slice(0, 40)}\n\n${paragraph()}\n\n${paragraph()} See [the next lesson](../track-${((i + 1) % modulesCount) % tracks}/${moduleIds[(i + 1) % modulesCount]}.md).\n\n`;
      if (r() < 0.5) body += `- ${sentence()}\n- ${sentence()}\n- ${sentence()}\n\n`;
      if (r() < 0.25)
        body += `| Impact | Priority |\n|---|---|\n| all users | P1 |\n| some users | P3 |\n\n`;
      if (r() < 0.2)
        body += '```sh\ncurl -H "X-Request-Id: abc" https://api.example.com/tickets\n```\n\n';
    }
    write(
      `track-${i % tracks}/${id}.md`,
      `${fm('module', id, i > 0 && r() < 0.3 ? `prerequisites: [${moduleIds[i - 1]}]\n` : '')}${body}`,
    );
  });
  for (let q = 0; q < quizzes; q++) {
    let body = `# Quiz ${q}\n\n${sentence()}\n\n`;
    for (let k = 0; k < 5; k++) {
      body += `## ${sentence()}\n<!-- question id=q${k} type=single -->\n\n- [x] ${sentence()}\n  > ${sentence()}\n- [ ] ${sentence()}\n- [ ] ${sentence()}\n\n> ${sentence()}\n\n`;
    }
    write(
      `quizzes/quiz-${q}.md`,
      `${fm('quiz', `quiz-${q}`, `module: ${pick(moduleIds)}\n`)}${body}`,
    );
  }
  for (let s = 0; s < scenarios; s++) {
    write(
      `scenarios/scenario-${s}.md`,
      `${fm('scenario', `scenario-${s}`, `module: ${pick(moduleIds)}\nlevel: beginner\n`)}# Scenario ${s}\n\n## Situation\n\n${paragraph()}\n\n## Your task\n\n${paragraph()}\n\n## Rubric\n\n- [ ] ${sentence()} (required)\n- [ ] ${sentence()}\n- [ ] ${sentence()}\n\n## Reviewer notes\n\n${paragraph()}\n`,
    );
  }
  for (let f = 0; f < reflections; f++) {
    write(
      `reflections/reflection-${f}.md`,
      `${fm('reflection', `reflection-${f}`, `module: ${pick(moduleIds)}\nmin_words: 60\n`)}# Reflection ${f}\n\n- [ ] I have read the lesson\n\n## Prompts\n\n1. ${sentence()}\n2. ${sentence()}\n`,
    );
  }
  return { files, bytes };
}

/** One Markdown module of about `size` bytes, for the large-file figures. */
export function largeModule(size: number, seed = 7): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  let text = '---\ntype: module\nid: large\ntitle: Large\nowner: lead\n---\n\n# Large\n\n';
  for (let i = 0; text.length < size; i++) {
    text += `## Section ${i}\n\n${Array.from({ length: 40 }, () => pick(WORDS)).join(' ')} [link](./other-${i}.md) and **bold**.\n\n- [ ] step one\n- [x] step two\n  > why\n\n| a | b |\n|---|---|\n| ${i} | x |\n\n`;
  }
  return text;
}
