import { newItemText } from './new-item.js';
import { WORKFLOWS } from './workflows.js';

export interface ScaffoldOptions {
  /** Who keeps the first items true: a GitHub login or org/team (lint flags a placeholder, so one is required). */
  owner: string;
  /** The one role's id. */
  role: string;
  /** The product's name, for enablekit.yml. */
  product: string;
  /** The day the first items are verified on. */
  today: string;
}

export interface ScaffoldFile {
  /** From the repository's root, with forward slashes. */
  path: string;
  text: string;
}

/** The folder enablekit.yml goes in: the Action's `curricula` input and the lint workflow name it. */
export const CURRICULA_FOLDER = 'curricula';
const TRACK = 'getting-started';
const MODULE = 'first-module';
const QUIZ = 'first-module-quiz';
const PRODUCT_VERSION = '1.0.0';

/** The file a new author opens first: the lesson, which the track and the quiz name. */
export const FIRST_MODULE_PATH = `${CURRICULA_FOLDER}/${TRACK}/${MODULE}.md`;

const titleOf = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** A YAML scalar for free text: plain when it reads back as the same string, else double-quoted. */
function scalar(text: string): string {
  return /^[A-Za-z0-9][\w .()-]*$/.test(text) && !/ $/.test(text) ? text : JSON.stringify(text);
}

function configText(o: ScaffoldOptions): string {
  return `# The curricula's settings: docs/format.md#enablekityml in the enablekit repository.
version: 1
product:
  name: ${scalar(o.product)}
  version: ${PRODUCT_VERSION}             # the current release; items are verified against it
roles:
  ${o.role}:
    title: ${scalar(titleOf(o.role))}
    learners: []                # GitHub logins; or teams: [org/team]
    reviewers: [${o.owner.replace(/^@/, '')}]
policies:
  pass_mark: 80
  attempts: 3
  retake_cooldown: 24h
  reveal_answers: after-pass
  review_every: 180d
`;
}

/**
 * A new curricula repository that lints clean as written: enablekit.yml with one role, a
 * track of one module with its quiz (core's templates, as `enablekit new` writes them),
 * line endings pinned to LF, the cache ignored, and the workflows to commit. `enablekit
 * init` and the editor's "Create curricula" write exactly these, never over a file.
 */
export function curriculaScaffold(o: ScaffoldOptions): ScaffoldFile[] {
  const item = {
    today: o.today,
    owner: o.owner,
    role: o.role,
    productVersion: PRODUCT_VERSION,
  };
  const under = `${CURRICULA_FOLDER}/${TRACK}`;
  return [
    { path: '.gitattributes', text: '* text=auto eol=lf\n' },
    { path: '.gitignore', text: '# enablekit lint keeps its cache here\n.enablekit-cache/\n' },
    ...WORKFLOWS.map((w) => ({ path: w.path, text: w.text })),
    { path: `${CURRICULA_FOLDER}/enablekit.yml`, text: configText(o) },
    {
      path: `${under}/${TRACK}.md`,
      text: newItemText('track', { ...item, id: TRACK, module: MODULE }),
    },
    { path: FIRST_MODULE_PATH, text: newItemText('module', { ...item, id: MODULE }) },
    {
      path: `${under}/${QUIZ}.md`,
      text: newItemText('quiz', { ...item, id: QUIZ, module: MODULE }),
    },
  ];
}
