import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPreview } from '../core/render/render-preview.js';
import { seal } from '../core/sealing/seal.js';
import { ROOT } from './helpers/cli.js';
import { poolQuiz } from './helpers/pool-quiz.js';

const FILE = 'curricula/support-onboarding/triage-quiz.md';
const text = readFileSync(join(ROOT, FILE), 'utf8');
const RIGHT = [
  'Read the whole message, including attachments',
  'Find the impact',
  'Set the priority',
  'Add the product area tag',
  'Reply with what happens next',
];
const listed = (html: string) =>
  [...html.matchAll(/<li class="ek-order-item"([^>]*)>/g)].map((m) => ({
    text: /data-text="([^"]*)"/.exec(m[1]!)![1]!,
    place: /data-place="(\d+)"/.exec(m[1]!)?.[1],
  }));

describe("a quiz's preview (the form a learner sees)", () => {
  it('lists ordering items shuffled, never in the right order, each with its place for the self-check', () => {
    const html = renderPreview(FILE, text).html;
    const items = listed(html);
    assert.deepEqual(items.map((i) => i.text).sort(), [...RIGHT].sort());
    assert.notDeepEqual(
      items.map((i) => i.text),
      RIGHT,
    );
    for (const i of items) assert.equal(RIGHT[Number(i.place)], i.text, 'its place in the key');
    assert.deepEqual(listed(renderPreview(FILE, text).html), items, 'the same order every time');
    assert.match(html, /<fieldset [^>]*data-id="triage-order"/);
  });

  it('never shows two items in their right order, with two', () => {
    const two = text.replace(
      /1\. Read the whole[^]*?5\. Reply with what happens next\n/,
      '1. First\n2. Second\n',
    );
    assert.deepEqual(
      listed(renderPreview(FILE, two).html).map((i) => i.text),
      ['Second', 'First'],
    );
  });

  it("gives away nothing of a sealed quiz's key: no places, no ticks, no accepted answers, no feedback", () => {
    const sealed = seal(FILE, text, 'a secret of the test');
    assert.ok(sealed.ok);
    const html = renderPreview(FILE, sealed.sealedText).html;
    assert.match(html, /data-sealed="true"/);
    assert.doesNotMatch(html, /data-(place|correct|accepted|feedback|value|tolerance)=/);
    assert.doesNotMatch(html, /X-Request-Id|P3 tickets have a workaround|Engineering searches/i);
    assert.equal(listed(html).length, 5);
  });

  it('a pooled quiz shows the whole pool and says what each learner is drawn', () => {
    const html = renderPreview('pool.md', poolQuiz()).html;
    assert.equal([...html.matchAll(/<fieldset /g)].length, 8, 'every question of the pool');
    assert.match(
      html,
      /<p class="ek-note ek-pool">Each learner answers 3 of these 8 questions, drawn for them anew at each attempt; the preview shows the whole pool\. Each learner&#39;s sheet lists the choices in an order of its own, new at each attempt\.<\/p>/,
    );
    assert.doesNotMatch(renderPreview(FILE, text).html, /ek-pool/);
  });
});
