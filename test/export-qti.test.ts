import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { dedent } from '../core/text/dedent.js';
import { cli, MODULE, tempWorkspace } from './helpers/cli.js';

const QUIZ = dedent`
  ---
  type: quiz
  id: escalations
  title: Escalations & paging
  module: triage
  owner: alice
  ---
  # Escalations

  ## Who owns a P1 <after> hours?
  <!-- question id=p1-owner type=single weight=2 -->

  - [ ] The account manager
    > Not at night: they are off call.
  - [x] The on-call engineer

  > The rota says who.

  ## Which are severities?
  <!-- question id=severities type=multiple -->

  - [x] P1
  - [x] P2
  - [ ] Q7

  ## The API's ratio?
  <!-- question id=ratio type=text -->

  Accepted answers:

  - \`1:2\`
  - \`one to two\`

  ## Minutes until a P1 pages again?
  <!-- question id=repage type=numeric -->

  Answer: 15 ± 2.5

  ## Order the steps
  <!-- question id=steps type=ordering -->

  1. Read
  2. Triage
  3. Reply

  ## The header?
  <!-- question id=header type=text -->

  Accepted answers:

  - \`/^x-request-id$/i\`
`;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) =>
    ['value', 'mapEntry', 'simpleChoice', 'resource', 'assessmentItemRef'].includes(n),
});
type Node = Record<string, unknown>;
const at = (n: unknown, ...path: string[]): Node =>
  path.reduce<Node>((o, k) => (o[k] ?? {}) as Node, n as Node);

describe('enablekit export --to qti', () => {
  const dir = tempWorkspace({
    'enablekit.yml': 'version: 1\n',
    'triage.md': MODULE('triage'),
    'escalations.md': QUIZ,
  });
  const r = cli(['export', 'escalations.md', '--to', 'qti', '--out', 'lms'], dir);
  const files = unzipSync(readFileSync(join(dir, 'lms/escalations.qti.zip')));
  const text = (p: string) => strFromU8(files[p]!);
  const item = (id: string) =>
    parser.parse(text(`items/escalations-${id}.xml`)).assessmentItem as Node;

  it('writes a QTI 2.1 package of well-formed XML, its manifest naming every file in it', () => {
    assert.equal(r.code, 1, 'one question is not exported');
    assert.deepEqual(r.stderr.trim().split('\n'), [
      'escalations.md:46: not exported: "header": the pattern /^x-request-id$/i has no QTI 2.1 form enablekit can vouch for (its patterns are XML Schema\'s).',
    ]);
    const paths = Object.keys(files).sort();
    for (const p of paths) assert.equal(XMLValidator.validate(text(p)), true, p);
    const manifest = parser.parse(text('imsmanifest.xml')).manifest as Node;
    const resources = at(manifest, 'resources').resource as Node[];
    assert.deepEqual(
      resources.map((x) => x['@href']).sort(),
      paths.filter((p) => p !== 'imsmanifest.xml'),
    );
    assert.equal(at(manifest, 'metadata').schema, 'QTIv2.1 Package');
    const test = parser.parse(text('assessment.xml')).assessmentTest as Node;
    assert.equal(test['@title'], 'Escalations & paging');
    assert.equal((at(test, 'testPart', 'assessmentSection').assessmentItemRef as Node[]).length, 5);
  });

  it('scores each item as enablekit grades it', () => {
    const single = item('p1-owner');
    assert.equal(single['@title'], 'Who owns a P1 <after> hours?');
    assert.deepEqual(at(single, 'responseDeclaration', 'correctResponse').value, ['choice-b']);
    assert.match(
      text('items/escalations-p1-owner.xml'),
      /<baseValue baseType="float">2<\/baseValue>/,
    );
    assert.match(
      text('items/escalations-p1-owner.xml'),
      /<feedbackInline outcomeIdentifier="FEEDBACK" identifier="choice-a" showHide="show">Not at night: they are off call\.<\/feedbackInline>/,
    );
    assert.match(
      text('items/escalations-p1-owner.xml'),
      /<modalFeedback [^>]*>The rota says who\.<\/modalFeedback>/,
    );
    const mapping = at(item('severities'), 'responseDeclaration', 'mapping');
    assert.deepEqual(
      [
        mapping['@lowerBound'],
        mapping['@upperBound'],
        (mapping.mapEntry as Node[]).map((e) => [e['@mapKey'], e['@mappedValue']]),
      ],
      [
        '0',
        '1',
        [
          ['choice-a', '0.5'],
          ['choice-b', '0.5'],
          ['choice-c', '-0.5'],
        ],
      ],
    );
    // Accepted answers are tried in order, case-insensitively, each setting the score.
    assert.deepEqual(
      [
        ...text('items/escalations-ratio.xml').matchAll(
          /<stringMatch caseSensitive="false"><variable identifier="RESPONSE"\/><baseValue baseType="string">([^<]*)<\/baseValue><\/stringMatch><setOutcomeValue identifier="SCORE"><baseValue baseType="float">([^<]*)</g,
        ),
      ].map((m) => [m[1], m[2]]),
      [
        ['1:2', '1'],
        ['one to two', '1'],
      ],
    );
    assert.match(
      text('items/escalations-repage.xml'),
      /<equal toleranceMode="absolute" tolerance="2.5 2.5"><variable identifier="RESPONSE"\/><baseValue baseType="float">15<\/baseValue><\/equal>/,
    );
    const order = at(item('steps'), 'responseDeclaration');
    assert.equal(order['@cardinality'], 'ordered');
    assert.deepEqual(at(order, 'correctResponse').value, ['choice-a', 'choice-b', 'choice-c']);
  });
});
