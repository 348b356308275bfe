import fc from 'fast-check';
import {
  lintProperty,
  mutatedSample,
  mutatedSheet,
  previewProperty,
  sheetProperty,
} from '../test/helpers/fuzz-properties.js';

/**
 * The fuzz suite's properties (test/fuzz.test.ts) run longer, with bigger huge lines and a
 * fresh seed each time (printed, so a failure reproduces with --seed). A failure found here
 * becomes a named regression case in test/trust-robustness.test.ts.
 */
export function runFuzz(runs = 2000, seed = Date.now() % 2 ** 31): void {
  console.log(`\nfuzz (seed ${seed}, ${runs} runs each over lint, sheets and grading, preview)`);
  const options = { seed, numRuns: runs, endOnFailure: true };
  for (const [name, property] of [
    ['lint', fc.property(mutatedSample(20_000), ({ sample, text }) => lintProperty(sample, text))],
    ['sheets and grading', fc.property(mutatedSheet(20_000), (text) => sheetProperty(text))],
    [
      'preview',
      fc.property(mutatedSample(20_000), ({ sample, text }) => previewProperty(sample, text)),
    ],
  ] as const) {
    const t = performance.now();
    void fc.assert(property as fc.IRawProperty<unknown>, {
      ...options,
      numRuns: name === 'lint' ? Math.ceil(runs / 4) : runs,
    });
    console.log(`  ${name.padEnd(20)} ok  ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  runFuzz(Number(arg('runs') ?? 2000), arg('seed') !== undefined ? Number(arg('seed')) : undefined);
}
