import fc from 'fast-check';
import {
  FUZZ_SEED,
  lintProperty,
  mutatedSample,
  mutatedSheet,
  previewProperty,
  sheetProperty,
} from './helpers/fuzz-properties.js';

describe('fuzz: nothing an author or learner writes makes enablekit throw or point outside the file (issue #17, section 5)', function () {
  this.timeout(60_000);
  const options = { seed: FUZZ_SEED, numRuns: 150, endOnFailure: true };

  it('lint (parse and every rule) over mutated sample curricula', () => {
    fc.assert(
      fc.property(mutatedSample(3000), ({ sample, text }) => lintProperty(sample, text)),
      { ...options, numRuns: 200 },
    );
  });

  it('reading and grading mutated answer sheets', () => {
    fc.assert(
      fc.property(mutatedSheet(3000), (text) => sheetProperty(text)),
      { ...options, numRuns: 500 },
    );
  });

  it('the preview of mutated sample curricula', () => {
    fc.assert(
      fc.property(mutatedSample(3000), ({ sample, text }) => previewProperty(sample, text)),
      options,
    );
  });
});
