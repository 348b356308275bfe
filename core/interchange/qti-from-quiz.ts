import { creditOf, hasChoiceCredits } from '../grading/choice-credit.js';
import type { Question, Quiz } from '../model.js';
import { answerPattern } from '../grading/answer-pattern.js';
import type { NotExported } from './gift-from-quiz.js';
import { matchOptions } from '../grading/match-options.js';
import { NotYet, choiceId, num, score, whenCorrect, xml } from './qti-parts.js';
import { clozeParts } from './qti-cloze.js';

/**
 * A quiz as an IMS QTI 2.1 content package (imsmanifest.xml, one assessmentTest, one
 * assessmentItem per question): the version Canvas and Blackboard Learn import, with the
 * order interaction and per-choice score mappings enablekit's grading needs. Texts are
 * written as plain text. Each item scores as enablekit grades: the weight for a right answer,
 * and for multiple choice with partial credit ±weight/R per choice, never below 0; with
 * credits on the choices, each choice its credit times the weight, the sum from 0 to the weight.
 */
const NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const SCHEMA = `${NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd`;

/** QTI identifiers are XML names: a question id (lowercase, digits, dashes) is prefixed to start with a letter. */
const itemId = (quiz: Quiz, q: Question) =>
  `${quiz.id}-${q.id ?? ''}`.replace(/^[^A-Za-z_]/, 'q$&');
const matchCorrect =
  '<match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>';
const showChoiceFeedback =
  '<setOutcomeValue identifier="FEEDBACK"><variable identifier="RESPONSE"/></setOutcomeValue>';

function choiceParts(q: Question, multiple: boolean) {
  const hasFeedback = q.choices.some((c) => c.feedback);
  const choices = q.choices
    .map((c) => {
      const fb = c.feedback
        ? `<feedbackInline outcomeIdentifier="FEEDBACK" identifier="${choiceId(c.letter)}" showHide="show">${xml(c.feedback.text)}</feedbackInline>`
        : '';
      return `<simpleChoice identifier="${choiceId(c.letter)}">${xml(c.text)}${fb}</simpleChoice>`;
    })
    .join('');
  const interaction = `<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="${multiple ? 0 : 1}"><prompt>${xml(q.prompt)}</prompt>${choices}</choiceInteraction>`;
  return { interaction, hasFeedback };
}

/** Credits on the choices as QTI's mapping: each choice its credit times the weight, the sum bounded by 0 and the weight, as enablekit grades. */
const creditMapping = (q: Question) =>
  `<mapping lowerBound="0" upperBound="${num(q.weight)}" defaultValue="0">${q.choices
    .map(
      (c) =>
        `<mapEntry mapKey="${choiceId(c.letter)}" mappedValue="${num(creditOf(c) * q.weight)}"/>`,
    )
    .join('')}</mapping>`;

/** Whether the response is a number: within the tolerance (a range is its middle ± half its width), or exactly it. */
const numberTest = ({ value, tolerance }: { value: number; tolerance: number }) =>
  tolerance
    ? `<equal toleranceMode="absolute" tolerance="${num(tolerance)} ${num(tolerance)}"><variable identifier="RESPONSE"/><baseValue baseType="float">${num(value)}</baseValue></equal>`
    : `<equal toleranceMode="exact"><variable identifier="RESPONSE"/><baseValue baseType="float">${num(value)}</baseValue></equal>`;

interface Parts {
  declaration: string;
  body: string;
  processing: string;
  feedbackCardinality?: string;
  /** Feedback shown by the FEEDBACK outcome, after the item. */
  modal?: string;
}

/**
 * Answers tried top to bottom, as enablekit grades text answers and accepted numbers: the first
 * whose test holds sets the score (its credit times the weight) and shows its feedback; none
 * holding scores 0 and shows the feedback of "Any other answer".
 */
function firstMatch(
  q: Question,
  answers: { test: string; credit: number; feedback?: string | undefined }[],
): Pick<Parts, 'processing' | 'feedbackCardinality' | 'modal'> {
  const feedbackId = (i: number) => `answer-${i + 1}`;
  const showFeedback = (id: string) =>
    `<setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">${id}</baseValue></setOutcomeValue>`;
  const branches = answers
    .map(
      (a, i) =>
        `<responseElseIf>${a.test}${score(`<baseValue baseType="float">${num(a.credit * q.weight)}</baseValue>`)}${a.feedback ? showFeedback(feedbackId(i)) : ''}</responseElseIf>`,
    )
    .join('');
  const other = q.otherFeedback ? `<responseElse>${showFeedback('other')}</responseElse>` : '';
  const feedbacks = [
    ...answers.flatMap((a, i) => (a.feedback ? [[feedbackId(i), a.feedback] as const] : [])),
    ...(q.otherFeedback ? [['other', q.otherFeedback.text] as const] : []),
  ];
  return {
    // An empty response matches nothing and shows no feedback for "any other answer".
    processing: `<responseCondition><responseIf><isNull><variable identifier="RESPONSE"/></isNull>${score('<baseValue baseType="float">0</baseValue>')}</responseIf>${branches}${other}</responseCondition>`,
    ...(feedbacks.length
      ? {
          feedbackCardinality: 'single',
          modal: feedbacks
            .map(
              ([id, text]) =>
                `<modalFeedback outcomeIdentifier="FEEDBACK" identifier="${id}" showHide="show">${xml(text)}</modalFeedback>`,
            )
            .join(''),
        }
      : {}),
  };
}

/**
 * Matching as QTI's match interaction: prompts on one side, every answer (extra ones included)
 * on the other, each answer usable by as many prompts as it belongs to. Each right pair earns
 * the weight's share per prompt, as enablekit grades; all or nothing, only the whole pairing.
 */
function matchingParts(q: Question): Parts {
  const pairs = q.pairs ?? [];
  const options = matchOptions(q);
  const optionId = (answer: string) =>
    `answer-${options.findIndex((o) => o.toLowerCase() === answer.toLowerCase()) + 1}`;
  const promptId = (letter: string) => `prompt-${letter}`;
  const uses = (o: string) =>
    pairs.filter((p) => p.answer.toLowerCase() === o.toLowerCase()).length || 1;
  const right = pairs.map((p) => `${promptId(p.letter)} ${optionId(p.answer)}`);
  const share = q.weight / pairs.length;
  const mapping = `<mapping lowerBound="0" upperBound="${num(q.weight)}" defaultValue="0">${right
    .map((r) => `<mapEntry mapKey="${r}" mappedValue="${num(share)}"/>`)
    .join('')}</mapping>`;
  return {
    declaration: `<responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="directedPair"><correctResponse>${right.map((r) => `<value>${r}</value>`).join('')}</correctResponse>${q.partial ? mapping : ''}</responseDeclaration>`,
    body: `<matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="${pairs.length}"><prompt>${xml(q.prompt)}</prompt><simpleMatchSet>${pairs
      .map(
        (p) =>
          `<simpleAssociableChoice identifier="${promptId(p.letter)}" matchMax="1">${xml(p.prompt)}</simpleAssociableChoice>`,
      )
      .join('')}</simpleMatchSet><simpleMatchSet>${options
      .map(
        (o) =>
          `<simpleAssociableChoice identifier="${optionId(o)}" matchMax="${uses(o)}">${xml(o)}</simpleAssociableChoice>`,
      )
      .join('')}</simpleMatchSet></matchInteraction>`,
    processing: q.partial
      ? score('<mapResponse identifier="RESPONSE"/>')
      : whenCorrect(matchCorrect, q.weight),
  };
}

/** The response declaration, the item body and the response processing of one question. */
function parts(q: Question): Parts {
  const right = q.choices.filter((c) => c.checked);
  const correct = (values: string[]) =>
    `<correctResponse>${values.map((v) => `<value>${xml(v)}</value>`).join('')}</correctResponse>`;
  switch (q.type) {
    case 'single': {
      const { interaction, hasFeedback } = choiceParts(q, false);
      if (q.partial && hasChoiceCredits(q))
        return {
          declaration: `<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">${correct(right.map((c) => choiceId(c.letter)))}${creditMapping(q)}</responseDeclaration>`,
          body: interaction,
          processing:
            score('<mapResponse identifier="RESPONSE"/>') + (hasFeedback ? showChoiceFeedback : ''),
          ...(hasFeedback ? { feedbackCardinality: 'single' } : {}),
        };
      return {
        declaration: `<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">${correct(right.map((c) => choiceId(c.letter)))}</responseDeclaration>`,
        body: interaction,
        processing: whenCorrect(matchCorrect, q.weight) + (hasFeedback ? showChoiceFeedback : ''),
        ...(hasFeedback ? { feedbackCardinality: 'single' } : {}),
      };
    }
    case 'multiple': {
      const { interaction, hasFeedback } = choiceParts(q, true);
      const share = q.weight / right.length;
      const mapping = hasChoiceCredits(q)
        ? creditMapping(q)
        : `<mapping lowerBound="0" upperBound="${num(q.weight)}" defaultValue="0">${q.choices
            .map(
              (c) =>
                `<mapEntry mapKey="${choiceId(c.letter)}" mappedValue="${num(c.checked ? share : -share)}"/>`,
            )
            .join('')}</mapping>`;
      return {
        declaration: `<responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">${correct(right.map((c) => choiceId(c.letter)))}${q.partial ? mapping : ''}</responseDeclaration>`,
        body: interaction,
        processing:
          (q.partial
            ? score('<mapResponse identifier="RESPONSE"/>')
            : whenCorrect(matchCorrect, q.weight)) + (hasFeedback ? showChoiceFeedback : ''),
        ...(hasFeedback ? { feedbackCardinality: 'multiple' } : {}),
      };
    }
    case 'text': {
      const patterns = q.accepted.filter((a) => answerPattern(a.value));
      if (patterns.length)
        throw new NotYet(
          `the pattern ${patterns[0]!.value} has no QTI 2.1 form enablekit can vouch for (its patterns are XML Schema's)`,
        );
      // Tried in order, as enablekit grades: the first answer that matches sets the score and the feedback.
      const answers = q.accepted.map((a) => ({
        test: `<stringMatch caseSensitive="false"><variable identifier="RESPONSE"/><baseValue baseType="string">${xml(a.value)}</baseValue></stringMatch>`,
        credit: a.credit ?? 1,
        feedback: a.feedback?.text,
      }));
      return {
        declaration: `<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">${correct(
          q.accepted
            .filter((a) => (a.credit ?? 1) === 1)
            .slice(0, 1)
            .map((a) => a.value),
        )}</responseDeclaration>`,
        body: `<p>${xml(q.prompt)}</p><p><textEntryInteraction responseIdentifier="RESPONSE" expectedLength="30"/></p>`,
        ...firstMatch(q, answers),
      };
    }
    case 'numeric': {
      if (q.numbers) {
        const best = q.numbers.find((n) => n.credit === 1);
        if (!best) throw new NotYet('no accepted number is worth the whole question');
        return {
          declaration: `<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float">${correct([num(best.value)])}</responseDeclaration>`,
          body: `<p>${xml(q.prompt)}</p><p><textEntryInteraction responseIdentifier="RESPONSE" expectedLength="10"/></p>`,
          ...firstMatch(
            q,
            q.numbers.map((n) => ({
              test: numberTest(n),
              credit: n.credit,
              feedback: n.feedback?.text,
            })),
          ),
        };
      }
      if (!q.numeric) throw new NotYet('it has no answer');
      // A range 1..5 is its middle ± half its width: the same numbers.
      const { value } = q.numeric;
      const test = numberTest(q.numeric);
      return {
        declaration: `<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float">${correct([num(value)])}</responseDeclaration>`,
        body: `<p>${xml(q.prompt)}</p><p><textEntryInteraction responseIdentifier="RESPONSE" expectedLength="10"/></p>`,
        processing: `<responseCondition><responseIf><isNull><variable identifier="RESPONSE"/></isNull>${score('<baseValue baseType="float">0</baseValue>')}</responseIf></responseCondition>${whenCorrect(test, q.weight)}`,
      };
    }
    case 'matching':
      return matchingParts(q);
    case 'cloze':
      return clozeParts(q);
    case 'open':
      // No response processing: SCORE stays 0 until a person scores the item, as QTI leaves
      // an extended text to a human scorer; the rubric is shown to scorers only.
      return {
        declaration: `<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string"/>`,
        body: `${q.rubric?.length ? `<rubricBlock view="scorer"><ul>${q.rubric.map((c) => `<li>${xml(c.text)}</li>`).join('')}</ul></rubricBlock>` : ''}<extendedTextInteraction responseIdentifier="RESPONSE"><prompt>${xml(q.prompt)}</prompt></extendedTextInteraction>`,
        processing: '',
      };
    case 'truefalse': {
      if (!q.truth) throw new NotYet('it has no answer');
      const choices = ['true', 'false']
        .map(
          (v) =>
            `<simpleChoice identifier="${v.toUpperCase()}">${v === 'true' ? 'True' : 'False'}</simpleChoice>`,
        )
        .join('');
      return {
        declaration: `<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">${correct([q.truth.value ? 'TRUE' : 'FALSE'])}</responseDeclaration>`,
        body: `<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1"><prompt>${xml(q.prompt)}</prompt>${choices}</choiceInteraction>`,
        processing: whenCorrect(matchCorrect, q.weight),
      };
    }
    case 'ordering': {
      if (q.scoring === 'partial')
        throw new NotYet(
          'partial credit for an order (scoring=partial) has no QTI 2.1 form enablekit can vouch for',
        );
      const items = q.items
        .map(
          (i) => `<simpleChoice identifier="${choiceId(i.letter)}">${xml(i.text)}</simpleChoice>`,
        )
        .join('');
      return {
        declaration: `<responseDeclaration identifier="RESPONSE" cardinality="ordered" baseType="identifier">${correct(q.items.map((i) => choiceId(i.letter)))}</responseDeclaration>`,
        body: `<orderInteraction responseIdentifier="RESPONSE" shuffle="true"><prompt>${xml(q.prompt)}</prompt>${items}</orderInteraction>`,
        processing: whenCorrect(matchCorrect, q.weight),
      };
    }
  }
}

function itemXml(quiz: Quiz, q: Question, p: ReturnType<typeof parts>): string {
  const outcome = (id: string, value: string) =>
    `<outcomeDeclaration identifier="${id}" cardinality="single" baseType="float"><defaultValue><value>${value}</value></defaultValue></outcomeDeclaration>`;
  const feedback = p.feedbackCardinality
    ? `<outcomeDeclaration identifier="FEEDBACK" cardinality="${p.feedbackCardinality}" baseType="identifier"/>`
    : '';
  const explanation = q.explanation
    ? `<modalFeedback outcomeIdentifier="SHOW_EXPLANATION" identifier="true" showHide="show">${xml(q.explanation.text)}</modalFeedback>`
    : '';
  const explain = q.explanation
    ? `<outcomeDeclaration identifier="SHOW_EXPLANATION" cardinality="single" baseType="identifier"/>`
    : '';
  const setExplain = q.explanation
    ? '<setOutcomeValue identifier="SHOW_EXPLANATION"><baseValue baseType="identifier">true</baseValue></setOutcomeValue>'
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${SCHEMA}" identifier="${itemId(quiz, q)}" title="${xml(q.prompt)}" adaptive="false" timeDependent="false">
${p.declaration}
${outcome('SCORE', '0')}
${outcome('MAXSCORE', num(q.weight))}
${feedback}${explain}
<itemBody>${p.body}</itemBody>
<responseProcessing>${p.processing}${setExplain}</responseProcessing>
${p.modal ?? ''}${explanation}
</assessmentItem>
`;
}

/**
 * A pool's draw as QTI 2.1 says it: the section selects that many of its items for each
 * candidate, kept in the quiz's order, as enablekit's sheets list them. The LMS draws by its
 * own random numbers, not enablekit's seed, so a learner's draw there is not the one here.
 */
function selection(quiz: Quiz, exported: number): string {
  if (quiz.draw === undefined || quiz.draw >= exported) return '';
  return `<selection select="${quiz.draw}"/>\n<ordering shuffle="false"/>\n`;
}

/** The package's files by path, and the questions QTI 2.1 cannot hold as enablekit grades them. */
export function qtiFromQuiz(quiz: Quiz): {
  files: { path: string; text: string }[];
  count: number;
  notExported: NotExported[];
  /** Questions exported without something of theirs (hints), said as GIFT export says it. */
  dropped: NotExported[];
} {
  const items: { id: string; path: string; text: string }[] = [];
  const notExported: NotExported[] = [];
  const dropped: NotExported[] = [];
  for (const q of quiz.questions) {
    try {
      const id = itemId(quiz, q);
      items.push({ id, path: `items/${id}.xml`, text: itemXml(quiz, q, parts(q)) });
    } catch (e) {
      if (!(e instanceof NotYet)) throw e;
      notExported.push({ line: q.span.start.line, id: q.id ?? '', reason: e.message });
      continue;
    }
    if (q.hints?.length)
      dropped.push({
        line: q.span.start.line,
        id: q.id ?? '',
        reason: `its hints (a QTI 2.1 item scored once has none; ${q.hints.length} left out, free or with a cost)`,
      });
  }
  const testId = `${quiz.id}-test`.replace(/^[^A-Za-z_]/, 'q$&');
  const test = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentTest xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd" identifier="${testId}" title="${xml(quiz.title)}">
<testPart identifier="part" navigationMode="nonlinear" submissionMode="simultaneous">
<assessmentSection identifier="section" title="${xml(quiz.title)}" visible="true">
${selection(quiz, items.length)}${items.map((i) => `<assessmentItemRef identifier="${i.id}" href="${i.path}"/>`).join('\n')}
</assessmentSection>
</testPart>
</assessmentTest>
`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd" identifier="${testId}-package">
<metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>
<organizations/>
<resources>
<resource identifier="${testId}" type="imsqti_test_xmlv2p1" href="assessment.xml"><file href="assessment.xml"/>${items.map((i) => `<dependency identifierref="${i.id}"/>`).join('')}</resource>
${items.map((i) => `<resource identifier="${i.id}" type="imsqti_item_xmlv2p1" href="${i.path}"><file href="${i.path}"/></resource>`).join('\n')}
</resources>
</manifest>
`;
  return {
    files: [
      { path: 'imsmanifest.xml', text: manifest },
      { path: 'assessment.xml', text: test },
      ...items.map(({ path, text }) => ({ path, text })),
    ],
    count: items.length,
    notExported,
    dropped,
  };
}
