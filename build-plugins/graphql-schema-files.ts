import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * @octokit/graphql-schema reads its schema files beside its own index (`new URL('./schema.json',
 * import.meta.url)`), which a CommonJS bundle has no way to say. The extension's test bundle
 * (it runs the local GitHub API server) is built on the machine that runs it, so the plugin
 * writes in where those files are in node_modules. If the package's text changes, the build
 * fails here rather than ship a server that cannot find its schema.
 */
export const graphqlSchemaFiles: Plugin = {
  name: 'graphql-schema-files',
  setup(build) {
    build.onLoad({ filter: /[\\/]@octokit[\\/]graphql-schema[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const relative = /new URL\('\.\/(schema\.(?:json|graphql))', import\.meta\.url\)/g;
      if ((source.match(relative) ?? []).length !== 2)
        throw new Error(
          `Expected @octokit/graphql-schema's index (${args.path}) to read schema.json and schema.graphql beside it, as build-plugins/graphql-schema-files.ts knows it; found it changed. Check the new version and update the plugin.`,
        );
      const dir = dirname(args.path);
      return {
        contents: source.replace(relative, (_, file: string) => JSON.stringify(`${dir}/${file}`)),
        loader: 'js',
        resolveDir: dir,
      };
    });
  },
};
