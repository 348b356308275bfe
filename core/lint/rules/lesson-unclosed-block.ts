import type { Rule } from '../rule.js';
import { unclosedMessage } from './unclosed-block.js';
import { dedent } from '../../text/dedent.js';

export const lessonUnclosedBlock: Rule = {
  meta: {
    id: 'lesson-unclosed-block',
    description:
      'A code fence, HTML block or HTML comment in a module or track is closed before the end of the file.',
    severity: 'warning',
    rationale:
      'An open fence or comment turns the rest of the lesson into code or hides it; a lesson still reads, so this warns where a checkpoint (unclosed-block) fails.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A fence left open in a lesson',
      files: {
        'm.md': dedent`
        ---
        type: module
        id: m
        title: M
        owner: alice
        ---
        # M

        ~~~
        beacon queues

        ## Try it

        Open the inbox.
      `,
      },
      expect: [
        {
          at: 'm.md:9',
          message:
            'Expected the code fence opened here to be closed with ~~~; found it open to the end of the file, hiding 1 heading',
        },
      ],
    },
    {
      title: 'A closed fence',
      files: {
        'm.md': dedent`
        ---
        type: module
        id: m
        title: M
        owner: alice
        ---
        # M

        ~~~
        beacon queues
        ~~~

        ## Try it
      `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'module' && item.type !== 'track') continue;
      const message = unclosedMessage(item);
      if (message) ctx.report({ file: item.file, span: item.unclosed!.span, message });
    }
  },
};
