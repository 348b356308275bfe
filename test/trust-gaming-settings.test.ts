import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'extension', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
};
const properties = manifest.contributes.configuration.properties;

describe("a workspace cannot send the user's GitHub token to its own server", () => {
  for (const key of ['enablekit.githubApiUrl', 'enablekit.token']) {
    it(`${key} can be set in user settings only (machine or application scope)`, () => {
      assert.ok(properties[key], `${key} is contributed`);
      assert.ok(
        ['machine', 'application'].includes(properties[key].scope ?? 'window'),
        `${key} has scope ${properties[key].scope ?? 'window (the default, which a workspace can set)'}`,
      );
    });
  }

  it('the extension reads the API URL and the token only through the user-settings reader, never straight from the merged configuration', () => {
    const dir = join(ROOT, 'extension', 'src');
    const straight = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${f}:${i + 1}`, line })),
      )
      .filter(({ line }) => /\.get(<[^>]*>)?\(\s*'(githubApiUrl|token)'/.test(line));
    assert.deepEqual(
      straight.map((s) => s.at),
      [],
      'a .get() of githubApiUrl or token would take a workspace value',
    );
  });
});
