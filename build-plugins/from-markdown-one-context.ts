import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * mdast-util-from-markdown copies its whole compile context into a fresh object for every
 * micromark event, only to hand the handler that event's `sliceSerialize`. Those copies
 * were an eighth of a cold lint (2,000 files: 5.5 s, 4.8 s without them). Handlers use
 * the context only while their own event is handled (none keeps `this`), so the bundle
 * sets `sliceSerialize` on the one context instead. If the library's text changes, the
 * build fails here rather than ship it unpatched or patched wrongly.
 * test/bundle.test.ts holds the bundled parser to the library as published.
 */
const PER_EVENT_COPY = `        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`;
const ONE_CONTEXT = `        context.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(context, events[index][1]);`;

export const fromMarkdownOneContext: Plugin = {
  name: 'from-markdown-one-context',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (source.split(PER_EVENT_COPY).length !== 2) {
          throw new Error(
            `Expected mdast-util-from-markdown's compile loop in ${args.path} as build-plugins/from-markdown-one-context.ts knows it; found it changed. Check the new version and update the plugin (or drop it).`,
          );
        }
        return { contents: source.replace(PER_EVENT_COPY, ONE_CONTEXT), loader: 'js' };
      },
    );
  },
};
