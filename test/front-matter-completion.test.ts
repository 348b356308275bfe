import assert from 'node:assert/strict';
import { completionsAt } from '../core/schema/front-matter-place.js';
import type { KnownIds } from '../core/schema/front-matter-completion.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { MODULE } from './helpers/cli.js';

const ids: KnownIds = (kind) =>
  ({
    module: ['intro', 'product-tour', 'ticket-lifecycle', 'triage'],
    track: ['onboarding', 'advanced'],
    checkpoint: ['triage-quiz', 'mock-beginner', 'mock-advanced'],
    role: ['support'],
    feature: ['inbox'],
  })[kind];

/** The completions with the cursor at `|` in a front matter's lines (between the fences). */
function at(frontMatter: string) {
  const lines = frontMatter.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const character = lines[line]!.indexOf('|');
  lines[line] = lines[line]!.replace('|', '');
  return {
    lines,
    found: completionsAt({ lines, line, character, ids }),
    /** The front matter with one completion accepted, as the editor writes it (in place of the word typed). */
    accept(label: string) {
      const c = this.found.find((f) => f.label === label);
      assert.ok(c, `${label} offered among ${this.found.map((f) => f.label).join(', ')}`);
      const text = lines[line]!;
      const out = [...lines];
      out[line] = text.slice(0, character - c.replace!) + c.insertText + text.slice(character);
      return out.join('\n');
    },
  };
}
const labels = (fm: string) => at(fm).found.map((c) => c.label);

describe('front-matter completion (core, what the editor offers)', () => {
  it('the first prerequisite is written as a list, which lint accepts', () => {
    const fm = 'type: module\nid: product-tour\ntitle: Tour\nowner: alice\nprerequisites: |';
    const written = at(fm).accept('ticket-lifecycle');
    assert.equal(written.split('\n').at(-1), 'prerequisites: [ticket-lifecycle]');
    const files = {
      'ticket-lifecycle.md': MODULE('ticket-lifecycle'),
      'tour.md': `---\n${written}\n---\n# Tour\n`,
    };
    assert.deepEqual(lintInMemory(files, '2026-11-22').diagnostics, []);
    assert.equal(
      at('type: module\nid: product-tour\nprerequisites: tick|')
        .accept('ticket-lifecycle')
        .split('\n')
        .at(-1),
      'prerequisites: [ticket-lifecycle]',
      'a word typed after the colon becomes the list',
    );
    assert.equal(
      at('type: module\nid: m\nprerequisites: product-t|')
        .accept('product-tour')
        .split('\n')
        .at(-1),
      'prerequisites: [product-tour]',
      'the whole id typed is replaced, dashes and all (an editor word would stop at the dash)',
    );
  });

  it("never offers the item's own id, nor ids listed already, in flow or block style", () => {
    assert.deepEqual(labels('type: module\nid: product-tour\nprerequisites: |'), [
      'intro',
      'ticket-lifecycle',
      'triage',
    ]);
    const flow = at('type: module\nid: product-tour\nprerequisites: [intro, |, triage]');
    assert.deepEqual(
      flow.found.map((c) => c.label),
      ['ticket-lifecycle'],
      'intro and triage, before and after the cursor, are listed',
    );
    assert.equal(flow.found[0]!.insertText, 'ticket-lifecycle', 'inside a list: the id alone');
    const block = at(
      'type: module\nid: product-tour\nprerequisites:\n  - intro\n  - |\n  - triage\ntitle: T',
    );
    assert.deepEqual(
      block.found.map((c) => c.label),
      ['ticket-lifecycle'],
    );
    assert.equal(block.accept('ticket-lifecycle').split('\n')[4], '  - ticket-lifecycle');
    assert.deepEqual(
      labels('type: module\nid: product-tour\nprerequisites: |\n  - intro'),
      [],
      'a value on the key line would clash with the items below it',
    );
  });

  it('offers only the kinds of id a field takes, per type: tracks before a track, checkpoints before a scenario', () => {
    assert.deepEqual(labels('type: track\nid: advanced\nprerequisites: [|'), ['onboarding']);
    assert.deepEqual(labels('type: scenario\nid: mock-advanced\nprerequisites: [|'), [
      'mock-beginner',
      'triage-quiz',
    ]);
    assert.deepEqual(labels('type: track\nid: t\nmodules:\n  - intro\n  - |'), [
      'product-tour',
      'ticket-lifecycle',
      'triage',
    ]);
    assert.deepEqual(labels('type: quiz\nid: q\nmodule: |'), [
      'intro',
      'product-tour',
      'ticket-lifecycle',
      'triage',
    ]);
    assert.equal(
      at('type: quiz\nid: q\nmodule: |').found[0]!.insertText,
      'intro',
      'module: names one module, not a list',
    );
  });

  it('a module has no roles: no roles key, and no role ids under one written anyway', () => {
    const keys = labels('type: module\nid: m\n|');
    assert.ok(keys.includes('prerequisites') && keys.includes('covers'), keys.join());
    assert.ok(!keys.includes('roles'), keys.join());
    assert.ok(!keys.includes('modules'), keys.join());
    assert.deepEqual(labels('type: module\nid: m\nroles: [|'), []);
    assert.deepEqual(labels('type: module\nid: m\nroles:\n  - |'), []);
    assert.deepEqual(labels('type: quiz\nid: q\nroles: [|'), ['support'], 'a quiz has roles');
  });

  it("enablekit.yml's values, and the type, still come from the schemas", () => {
    assert.deepEqual(
      completionsAt({
        lines: ['policies:', '  recertify: '],
        line: 1,
        character: 13,
        config: true,
        ids,
      }),
      [],
      'nested keys are left to the author (or the YAML extension)',
    );
    assert.deepEqual(labels('type: |'), [
      'track',
      'module',
      'quiz',
      'scenario',
      'reflection',
      'survey',
    ]);
    assert.deepEqual(labels('type: scenario\nlevel: |'), ['beginner', 'advanced']);
    // A survey names its track from the schema and REFERENCE_FIELDS, as lint checks it.
    assert.deepEqual(labels('type: survey\ntrack: |'), ['advanced', 'onboarding']);
  });

  it('a quiz is offered draw and shuffle_choices, and what they write lints clean', () => {
    const keys = labels('type: quiz\nid: q\n|');
    assert.ok(keys.includes('draw') && keys.includes('shuffle_choices'), keys.join());
    assert.ok(!labels('type: module\nid: m\n|').includes('draw'), 'only quizzes draw');
    assert.deepEqual(labels('type: quiz\nid: q\nshuffle_choices: |'), ['true', 'false']);
    const fm = at(
      'type: quiz\nid: q\ntitle: Q\nmodule: intro\nowner: alice\ndraw: 1\nshuffle_choices: |',
    ).accept('true');
    const quiz = `---\n${fm}\n---\n# Q\n\n## One?\n<!-- question id=one -->\n\n- [x] Yes\n- [ ] No\n\n## Two?\n<!-- question id=two -->\n\n- [x] Yes\n- [ ] No\n`;
    assert.deepEqual(
      lintInMemory({ 'intro.md': MODULE('intro'), 'q.md': quiz }, '2026-11-22').diagnostics,
      [],
    );
  });
});
