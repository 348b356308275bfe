/** Eight choice questions, each with its right choice named "Right n", in a pool of which each learner answers three. */
export function poolQuiz(front = 'draw: 3\nshuffle_choices: true\n', id = 'pool'): string {
  const qs = Array.from(
    { length: 8 },
    (_, n) =>
      `## Question ${n + 1}?\n<!-- question id=q${n + 1}${n === 7 ? ' type=multiple' : ''} -->\n\n- [ ] Wrong ${n + 1}a\n- [x] Right ${n + 1}\n- [ ] Wrong ${n + 1}b\n${n === 7 ? '- [x] Also right 8\n' : ''}- [ ] Wrong ${n + 1}c\n`,
  );
  return `---\ntype: quiz\nid: ${id}\ntitle: Pool\nmodule: m\nowner: alice\n${front}---\n# Pool\n\n${qs.join('\n')}`;
}

/** A pool quiz's sheet with every right choice ticked, found by its text wherever the shuffle put it. */
export const answered = (sheet: string) => sheet.replace(/- \[ \] (Right|Also right)/g, '- [x] $1');
