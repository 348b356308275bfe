/**
 * What every QTI 2.1 item enablekit writes shares: text made XML, numbers as a person writes
 * them, choice identifiers, the SCORE outcome, and the error that names a question QTI cannot
 * hold as enablekit grades it.
 */

export function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 has no form for most control characters: they are dropped.
      .replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' || c === '\r' ? c : ''))
  );
}

export const num = (n: number): string => String(Number(n.toPrecision(12)));
export const choiceId = (letter: string): string => `choice-${letter}`;

/** Thrown with why a question is not exported: named, never bent into something else. */
export class NotYet extends Error {}

export const score = (value: string): string =>
  `<setOutcomeValue identifier="SCORE">${value}</setOutcomeValue>`;
export const whenCorrect = (test: string, weight: number): string =>
  `<responseCondition><responseIf>${test}${score(`<baseValue baseType="float">${num(weight)}</baseValue>`)}</responseIf></responseCondition>`;
