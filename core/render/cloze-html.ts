import type { Blank, Question } from '../model.js';
import { answerPattern } from '../grading/answer-pattern.js';
import { escapeHtml } from '../text/escape-html.js';

/**
 * A cloze question in the preview's form: its sentence with a drop-down (choices) or a text box
 * (typed answers) in each blank's place. An open quiz's page knows which option is right and
 * which answers are accepted (for "Check my answers"); a sealed quiz's says nothing of them.
 */
export function clozeHtml(q: Question, name: string, sealed: boolean, hints = ''): string {
  const byNumber = new Map((q.blanks ?? []).map((b) => [b.n, b]));
  const control = (b: Blank | undefined, n: number) => {
    if (!b) return escapeHtml(`{${n}}`);
    const label = `aria-label="Blank ${n}"`;
    if (b.choices.length)
      return `<select class="ek-blank" name="${name}-${n}" data-blank="${n}" ${label}><option value=""></option>${b.choices
        .map(
          (c) =>
            `<option value="${c.letter}"${sealed ? '' : ` data-correct="${c.checked}"`}>${escapeHtml(c.text)}</option>`,
        )
        .join('')}</select>`;
    // Answers worth the whole blank: the preview says right or wrong, not part of the credit.
    const plain = b.accepted
      .filter((a) => !answerPattern(a.value) && (a.credit ?? 1) === 1)
      .map((a) => a.value);
    return `<input type="text" class="ek-blank" name="${name}-${n}" data-blank="${n}" ${label}${sealed || !plain.length ? '' : ` data-accepted="${escapeHtml(JSON.stringify(plain))}"`}>`;
  };
  const withBlanks = (text: string) =>
    text
      .split(/(\{\d{1,3}\})/)
      .map((part) => {
        const m = /^\{(\d{1,3})\}$/.exec(part);
        return m ? control(byNumber.get(Number(m[1])), Number(m[1])) : escapeHtml(part);
      })
      .join('');
  const sentence = q.sentence ?? [];
  const inHeading = sentence.some((s) => s.span.start.line === q.span.start.line);
  return [
    `<fieldset class="ek-question" data-line="${q.span.start.line}" data-type="cloze" data-id="${escapeHtml(q.id ?? name)}"><legend>${inHeading ? withBlanks(q.prompt) : escapeHtml(q.prompt)}</legend>${hints}`,
    ...sentence
      .filter((s) => s.span.start.line !== q.span.start.line)
      .map((s) => `<p class="ek-cloze" data-line="${s.span.start.line}">${withBlanks(s.text)}</p>`),
    '<p class="ek-result" aria-live="polite"></p></fieldset>',
  ].join('\n');
}
