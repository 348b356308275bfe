import type { Checkpoint, Reflection, Scenario } from '../model.js';
import { learnerSheetText } from './learner-sheet.js';

const front = (id: string, learner: string) =>
  `---\ntype: answer-sheet\ncheckpoint: ${id}\nlearner: ${learner}\n---\n\n`;

function scenarioSheet(s: Scenario, learner: string): string {
  return (
    `${front(s.id, learner)}# ${s.title}: submission\n\n` +
    'Add a link to your recording as `recording: https://...` in the front matter above, or paste the transcript below. ' +
    'Then commit this file on a branch and open a pull request; a reviewer grades it against the rubric.\n\n' +
    '## Transcript\n\n\n## Notes\n\nWhat you would do next, and anything the reviewer should know.\n'
  );
}

function reflectionSheet(r: Reflection, learner: string): string {
  const read = r.readCheck ? `- [ ] ${r.readCheck.text}\n\n` : '';
  const prompts = r.prompts.map((p, i) => `### ${i + 1}. ${p.text}\n\n`).join('');
  const min = r.minWords ? ` Write at least ${r.minWords} words for each.` : '';
  return `${front(r.id, learner)}# ${r.title}\n\n${read}## Your reflection\n\nAnswer under each prompt.${min}\n\n${prompts}`;
}

/**
 * The blank sheet a learner fills in for any checkpoint: questions, a submission or a
 * reflection. `attempt` decides a pooled quiz's draw (learnerSheetText).
 */
export function checkpointSheetText(c: Checkpoint, learner: string, attempt = 1): string {
  switch (c.type) {
    case 'quiz':
      return learnerSheetText(c, learner, attempt);
    case 'scenario':
      return scenarioSheet(c, learner);
    case 'reflection':
      return reflectionSheet(c, learner);
  }
}
