import type { Question } from '../model.js';
import { answerPattern } from '../grading/answer-pattern.js';
import { NotYet, choiceId, num, score, whenCorrect, xml } from './qti-parts.js';

/**
 * A cloze question: its sentence with an inlineChoiceInteraction (choices) or a
 * textEntryInteraction (typed answers) in each blank's place, a response RESPONSE_n per blank
 * mapped to its credit (1 for the right choice, each accepted answer its credit, any case), and
 * the score the share of blanks right times the weight, or the weight only when every blank is
 * right under scoring=all-or-nothing.
 */
export function clozeParts(q: Question): { declaration: string; body: string; processing: string } {
  const blanks = q.blanks ?? [];
  if (!blanks.length) throw new NotYet('it has no blanks');
  const byNumber = new Map(blanks.map((b) => [b.n, b]));
  const rid = (n: number) => `RESPONSE_${n}`;
  const declarations = blanks.map((b) => {
    if (b.choices.length) {
      const right = b.choices.find((c) => c.checked);
      return `<responseDeclaration identifier="${rid(b.n)}" cardinality="single" baseType="identifier">${right ? `<correctResponse><value>${choiceId(right.letter)}</value></correctResponse>` : ''}<mapping defaultValue="0">${right ? `<mapEntry mapKey="${choiceId(right.letter)}" mappedValue="1"/>` : ''}</mapping></responseDeclaration>`;
    }
    const pattern = b.accepted.find((a) => answerPattern(a.value));
    if (pattern)
      throw new NotYet(
        `the pattern ${pattern.value} has no QTI 2.1 form enablekit can vouch for (its patterns are XML Schema's)`,
      );
    return `<responseDeclaration identifier="${rid(b.n)}" cardinality="single" baseType="string">${b.accepted.length ? `<correctResponse><value>${xml(b.accepted[0]!.value)}</value></correctResponse>` : ''}<mapping defaultValue="0" upperBound="1">${b.accepted
      .map(
        (a) =>
          `<mapEntry mapKey="${xml(a.value)}" mappedValue="${num(a.credit ?? 1)}" caseSensitive="false"/>`,
      )
      .join('')}</mapping></responseDeclaration>`;
  });
  const interaction = (n: number) => {
    const b = byNumber.get(n);
    if (!b) return xml(`{${n}}`);
    if (!b.choices.length)
      return `<textEntryInteraction responseIdentifier="${rid(n)}" expectedLength="20"/>`;
    return `<inlineChoiceInteraction responseIdentifier="${rid(n)}" shuffle="false">${b.choices
      .map((c) => `<inlineChoice identifier="${choiceId(c.letter)}">${xml(c.text)}</inlineChoice>`)
      .join('')}</inlineChoiceInteraction>`;
  };
  const paragraph = (text: string) =>
    `<p>${text
      .split(/(\{\d{1,3}\})/)
      .map((part) => {
        const m = /^\{(\d{1,3})\}$/.exec(part);
        return m ? interaction(Number(m[1])) : xml(part);
      })
      .join('')}</p>`;
  const sentence = q.sentence ?? [];
  const inHeading = sentence.some((s) => s.span.start.line === q.span.start.line);
  const body = [
    ...(inHeading ? [] : [`<p>${xml(q.prompt)}</p>`]),
    ...sentence.map((s) => paragraph(s.text)),
  ].join('');
  const maps = blanks.map((b) => `<mapResponse identifier="${rid(b.n)}"/>`).join('');
  const processing = q.partial
    ? score(
        `<product><sum>${maps}</sum><baseValue baseType="float">${num(q.weight / blanks.length)}</baseValue></product>`,
      )
    : whenCorrect(
        `<and>${blanks.map((b) => `<equal toleranceMode="exact"><mapResponse identifier="${rid(b.n)}"/><baseValue baseType="float">1</baseValue></equal>`).join('')}</and>`,
        q.weight,
      );
  return { declaration: declarations.join('\n'), body, processing };
}
