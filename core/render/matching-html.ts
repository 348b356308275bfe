import type { Question } from '../model.js';
import { matchOptions } from '../grading/match-options.js';
import { escapeHtml } from '../text/escape-html.js';

/**
 * A matching question in the preview's form: each prompt with a drop-down of every answer
 * (extra ones too, in the order a sheet lists them). An open quiz's page marks the right one
 * (for "Check my answers", compared as the grader compares: any case); a sealed quiz's page
 * says nothing of the pairing.
 */
export function matchingHtml(q: Question, name: string, sealed: boolean, hints = ''): string {
  const options = matchOptions(q);
  const rows = (q.pairs ?? []).map((p) => {
    const select = `<select class="ek-match" name="${name}-${p.letter}" data-prompt="${p.letter}" aria-label="${escapeHtml(`Answer for ${p.prompt}`)}"><option value=""></option>${options
      .map(
        (o) =>
          `<option value="${escapeHtml(o)}"${sealed ? '' : ` data-correct="${o.toLowerCase() === p.answer.trim().toLowerCase()}"`}>${escapeHtml(o)}</option>`,
      )
      .join('')}</select>`;
    return `<label class="ek-pair" data-line="${p.span.start.line}">${escapeHtml(p.prompt)} → ${select}</label>`;
  });
  return [
    `<fieldset class="ek-question" data-line="${q.span.start.line}" data-type="matching" data-id="${escapeHtml(q.id ?? name)}"><legend>${escapeHtml(q.prompt)}</legend>${hints}`,
    ...rows,
    '<p class="ek-result" aria-live="polite"></p></fieldset>',
  ].join('\n');
}
