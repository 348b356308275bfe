import type { Item } from '../../model.js';
import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

const WHAT = { fence: 'code fence', html: 'HTML block', comment: 'HTML comment' } as const;

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** What an open block hides, named as the item's reader meets it: questions, sections or headings. */
function hidden(item: Item, headings: number, sections: number): string {
  if (item.type === 'quiz') return sections ? `, hiding ${plural(sections, 'question')}` : '';
  if (item.type === 'scenario') return sections ? `, hiding ${plural(sections, 'section')}` : '';
  return headings ? `, hiding ${plural(headings, 'heading')}` : '';
}

/** The message for a block left open, shared with the lesson rule. */
export function unclosedMessage(item: Item): string | undefined {
  const u = item.unclosed;
  if (!u) return undefined;
  return `Expected the ${WHAT[u.kind]} opened here to be closed with ${u.closer}; found it open to the end of the file${hidden(item, u.headings, u.sections)}. Close it with a line holding ${u.closer}.`;
}

const head = (type: string) => dedent`
  ---
  type: ${type}
  id: q
  title: Q
  module: m
  owner: alice
  ---
  # Q

`;

export const unclosedBlock: Rule = {
  meta: {
    id: 'unclosed-block',
    description:
      'A code fence, HTML block or HTML comment in a quiz, scenario or reflection is closed before the end of the file.',
    severity: 'error',
    rationale:
      'An open fence or comment swallows everything after it: the questions, choices, rubric or prompts below it vanish from what learners are given and from what is graded, and nothing else says so.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A code fence left open hides the questions after it',
      files: {
        'q.md': dedent`
          ${head('quiz')}## Which command lists queues?
          <!-- question id=list -->

          \`\`\`sh
          beacon queues

          - [x] beacon queues
          - [ ] beacon list

          ## Which queue takes P1s?
          <!-- question id=p1 -->

          - [x] Incident
          - [ ] Tier 1
        `,
      },
      expect: [
        {
          at: 'q.md:13',
          message:
            'Expected the code fence opened here to be closed with ```; found it open to the end of the file, hiding 1 question. Close it',
        },
      ],
    },
    {
      title: 'A question comment left open',
      files: {
        'q.md': dedent`
          ${head('quiz')}## Which queue takes P1s?
          <!-- question id=p1

          - [x] Incident
          - [ ] Tier 1

          ## Who is paged?

          - [x] On-call
          - [ ] Nobody
        `,
      },
      expect: [
        {
          at: 'q.md:11',
          message:
            'Expected the HTML comment opened here to be closed with -->; found it open to the end of the file, hiding 1 question',
        },
      ],
    },
    {
      title: 'A <pre> block left open in a reflection',
      files: {
        'r.md': dedent`
        ${head('reflection')}- [ ] I have read the lesson

        <pre>
        notes

        ## Prompts

        1. What will you change?
      `,
      },
      expect: [
        {
          at: 'r.md:12',
          message:
            'Expected the HTML block opened here to be closed with </pre>; found it open to the end of the file, hiding 1 heading',
        },
      ],
    },
    {
      title: 'Closed blocks',
      files: {
        'q.md': dedent`
          ${head('quiz')}## Which command lists queues?
          <!-- question id=list -->

          \`\`\`sh
          beacon queues
          \`\`\`

          - [x] beacon queues
          - [ ] beacon list

          <!--
          a note
          -->
        `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz' && item.type !== 'scenario' && item.type !== 'reflection') continue;
      const message = unclosedMessage(item);
      if (message) ctx.report({ file: item.file, span: item.unclosed!.span, message });
    }
  },
};
