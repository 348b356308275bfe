import type { ItemType } from '../model.js';

export interface TemplateOptions {
  id: string;
  today: string;
  owner?: string;
  module?: string;
  role?: string;
  productVersion?: string;
}

/** The owner a template writes when none was given: lint flags it until it is replaced. */
export const PLACEHOLDER_OWNER = 'your-github-login';

const titleOf = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

// No review_every, nor a quiz's pass_mark: left out, enablekit.yml's policies apply.
function freshness(o: TemplateOptions): string {
  return `owner: ${o.owner ?? PLACEHOLDER_OWNER}\ncovers: []\nverified:\n  version: ${o.productVersion ?? '1.0.0'}\n  date: ${o.today}\n`;
}

/** A new item that passes the schema: the text `enablekit new` writes and the editor's commands insert. */
export function newItemText(type: ItemType, o: TemplateOptions): string {
  const title = titleOf(o.id);
  const module = o.module ?? 'module-id';
  switch (type) {
    case 'track':
      return `---\ntype: track\nid: ${o.id}\ntitle: ${title}\nroles: [${o.role ?? 'support'}]\nphase: foundation\nmodules:\n  - ${o.module ?? 'first-module'}\n${freshness(o)}---\n\n# ${title}\n\nWho this track is for and what they can do at the end of it.\n`;
    case 'module':
      return `---\ntype: module\nid: ${o.id}\ntitle: ${title}\nduration: 20min\n${freshness(o)}---\n\n# ${title}\n\nWhat the learner will be able to do after this lesson.\n\n## Why it matters\n\n## How to do it\n\n## Try it\n`;
    case 'quiz':
      return `---\ntype: quiz\nid: ${o.id}\ntitle: ${title}\nmodule: ${module}\n${freshness(o)}---\n\n# ${title}\n\n## Which answer is right?\n<!-- question id=first-question type=single -->\n\n- [x] The right answer\n  > Feedback shown to a learner who picks it.\n- [ ] A wrong answer\n  > Why it is wrong, without giving the right one away.\n`;
    case 'scenario':
      return `---\ntype: scenario\nid: ${o.id}\ntitle: ${title}\nmodule: ${module}\nlevel: beginner\nsubmission: either\n${freshness(o)}---\n\n# ${title}\n\n## Situation\n\nWhat the customer says and what is going on.\n\n## Your task\n\nWhat the learner does in the role-play.\n\n## Rubric\n\n- [ ] Confirms the customer's problem in their own words (required)\n- [ ] Sets a clear next step and time\n\n## Reviewer notes\n\nWhat to look for when grading.\n`;
    case 'reflection':
      return `---\ntype: reflection\nid: ${o.id}\ntitle: ${title}\nmodule: ${module}\nmin_words: 60\nfollow_up:\n  after_weeks: 3\n  prompt: How did the strategy work out?\n${freshness(o)}---\n\n# ${title}\n\n- [ ] I have read the lesson\n\n## Prompts\n\n1. Share one strategy of your own, or one from the lesson you will adopt, and why.\n`;
  }
}
