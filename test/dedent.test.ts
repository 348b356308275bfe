import assert from 'node:assert/strict';
import { dedent } from '../core/text/dedent.js';

describe('dedent: an indented template literal as the text it stands for', () => {
  it("drops the first line break, the shared indentation and the closing line's indentation", () => {
    const text = dedent`
      ---
      id: intro
        nested: yes

      # Intro
    `;
    assert.equal(text, '---\nid: intro\n  nested: yes\n\n# Intro\n');
  });

  it('ends without a line break when the closing backtick follows the text', () => {
    assert.equal(
      dedent`
      a
      b`,
      'a\nb',
    );
  });

  it('keeps substituted values as they are, and a line that starts with one counts for the indentation', () => {
    const extra = 'phase: foundation\n';
    assert.equal(
      dedent`
      id: t
      ${extra}modules: [a]
    `,
      'id: t\nphase: foundation\nmodules: [a]\n',
    );
    assert.equal(
      dedent`
        ${'- x\n  - y'}
      z
    `,
      '  - x\n  - y\nz\n',
    );
  });

  it('keeps escaped backticks, backslashes and blank lines inside', () => {
    assert.equal(
      dedent`
      - \`/^x-req(uest)?-id$/i\` \\d

      end
    `,
      '- `/^x-req(uest)?-id$/i` \\d\n\nend\n',
    );
  });
});
