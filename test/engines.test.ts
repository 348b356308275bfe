import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import semver from 'semver';

/**
 * One Node.js range for everything: package.json's `engines`, every installed dependency's
 * own `engines`, the README and the Node.js CI runs on. A dependency bump that wants a newer
 * Node.js fails here with its name, instead of as EBADENGINE warnings on a user's `npm ci`.
 */
interface LockPackage {
  version?: string;
  engines?: { node?: string } | string[];
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, LockPackage>;
};
const range = pkg.engines.node;
/** The lowest version of each line the range admits: 20.19.0, 22.13.0, 24.0.0. */
const floors = new semver.Range(range).set.map((comparators) =>
  semver.minVersion(new semver.Range(comparators.map((c) => c.value).join(' '))),
);

describe('Node.js engines agree', () => {
  it('names a range with a floor per supported line', () => {
    assert.deepEqual(
      floors.map((v) => v?.version),
      ['20.19.0', '22.13.0', '24.0.0'],
    );
  });

  it('every dependency in the lockfile admits the lowest version of every line', () => {
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const wants = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!path || !wants) continue;
      for (const floor of floors) {
        if (floor && !semver.satisfies(floor, wants))
          refused.push(
            `${path.replace(/^.*node_modules\//, '')}@${entry.version} wants ${wants}, not ${floor.version}`,
          );
      }
    }
    assert.deepEqual(
      refused,
      [],
      `Expected every dependency to run on Node.js ${range}; found the above. Pin an earlier version or add an override in package.json.`,
    );
  });

  it('the Node.js running the tests is in the range', () => {
    assert.ok(semver.satisfies(process.version, range), `${process.version} is not in ${range}`);
  });

  it('the README states the same range, and npm enforces it', () => {
    const lines = floors.map((v) => (v?.minor ? `${v.major}.${v.minor}+` : `${v?.major}+`));
    const phrase = `${lines.slice(0, -1).join(', ')} or ${lines.at(-1)}`;
    assert.ok(
      readFileSync('README.md', 'utf8').includes(`Node.js ${phrase}`),
      `README: Node.js ${phrase}`,
    );
    assert.match(readFileSync('.npmrc', 'utf8'), /^engine-strict=true$/m);
  });
});
