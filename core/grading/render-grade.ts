import { escapeMarkdown } from '../text/markdown-escape.js';
import type { Grade, Outcome, Refusal } from './types.js';

const MARK: Record<Outcome, string> = {
  right: '✅ right',
  partial: '🟡 partly right',
  wrong: '❌ wrong',
  unanswered: '⬜ no answer',
  changed: '⚠️ question changed',
  'not-a-number': '❌ not a number',
  pending: '⏳ waits for a reviewer',
};

/** What an attempt with open answers waits for, and that its outcome is not settled. */
const pendingNote = (g: Grade) =>
  `The open question${g.pending!.length > 1 ? 's' : ''} ${g.pending!.map((id) => `"${id}"`).join(', ')} wait${g.pending!.length > 1 ? '' : 's'} for a reviewer, who grades against the rubric. The score so far counts ${g.pending!.length > 1 ? 'them' : 'it'} as nothing; this attempt passes or fails once every open answer has its mark.`;

/**
 * The grade as Markdown for a pull request comment or job summary: one table, learner
 * text escaped, the right answer only where the grade says it was revealed.
 */
export function gradeMarkdown(g: Grade): string {
  const at = `\`${g.checkpoint}\` by @${g.learner.replace(/[^A-Za-z0-9-]/g, '')}`;
  const head = g.practice
    ? `### Practice: ${g.percent}% (pass mark ${g.passMark}%)\n\nPractice at ${at}: ${practiceNote(g.practice)} Score ${g.score} of ${g.maxScore}.\n\n`
    : `### ${g.passed ? 'Passed' : g.pending ? 'Waiting for a reviewer' : 'Not passed yet'}: ${g.percent}%${g.pending ? ' so far' : ''} (pass mark ${g.passMark}%)\n\nAttempt ${g.attempt} of ${g.attemptsAllowed} at ${at}. Score ${g.score} of ${g.maxScore}.\n\n`;
  const cols = g.revealed
    ? '| # | Question | Your answer | Result | Right answer | Feedback |\n|---|---|---|---|---|---|\n'
    : '| # | Question | Your answer | Result | Feedback |\n|---|---|---|---|---|\n';
  const rows = g.questions
    .map((q, i) => {
      const cells = [
        String(i + 1),
        escapeMarkdown(q.prompt),
        q.answer ? escapeMarkdown(q.answer) : '—',
        `${MARK[q.outcome]} (${q.points}/${q.weight})`,
      ];
      if (g.revealed) cells.push(q.correctAnswer ? escapeMarkdown(q.correctAnswer) : '');
      cells.push(q.feedback.map((f) => escapeMarkdown(f)).join('<br>'));
      return `| ${cells.join(' | ')} |`;
    })
    .join('\n');
  const tail = g.practice
    ? '\n\nPush again to practise more; nothing submitted here changes your result.'
    : g.passed
      ? ''
      : g.pending
        ? `\n\n${pendingNote(g)}`
        : `\n\n${g.attempt < g.attemptsAllowed ? retakeNote(g) : 'That was your last attempt; talk to your trainer.'}`;
  return `${head}${cols}${rows}${tail}\n`;
}

/** A pooled quiz's retake is a new sheet: its questions are drawn anew. */
const retakeNote = (g: Grade) =>
  g.retake
    ? `Your next attempt draws its own questions: move this sheet away, run \`${g.retake}\`, answer the new sheet and push it.`
    : 'Change your answers and push again to retake.';

/** No "of M": the limit may have been lowered since the pass, and a practice sheet uses no attempt anyway. */
function practiceNote(p: NonNullable<Grade['practice']>): string {
  return `you passed this checkpoint on ${p.passedAt.slice(0, 10)} at attempt ${p.passedAttempt}, so this result does not count: it uses no attempt and leaves your pass and best score as they are.`;
}

export function refusalMarkdown(r: Refusal): string {
  return `### Not graded\n\n${escapeMarkdown(r.message, 1000)}\n`;
}

/** The grade for a terminal. */
export function gradeText(g: Grade): string {
  const lines = g.questions.map((q, i) => {
    const right = q.correctAnswer ? `\n      right answer: ${q.correctAnswer}` : '';
    const fb = q.feedback.map((f) => `\n      ${f}`).join('');
    return `  ${String(i + 1).padStart(2)}. ${MARK[q.outcome].padEnd(20)} ${q.points}/${q.weight}  ${q.prompt}\n      your answer: ${q.answer || '—'}${right}${fb}`;
  });
  if (g.practice)
    return `${g.checkpoint} (${g.learner}), practice: ${practiceNote(g.practice)}\n${lines.join('\n')}\n\nPractice: ${g.percent}% (pass mark ${g.passMark}%), not counted\n`;
  return `${g.checkpoint} (${g.learner}), attempt ${g.attempt} of ${g.attemptsAllowed}\n${lines.join('\n')}\n\n${g.passed ? 'Passed' : g.pending ? 'Waiting for a reviewer' : 'Not passed'}: ${g.percent}%${g.pending ? ' so far' : ''} (pass mark ${g.passMark}%)\n${g.pending ? `${pendingNote(g)}\n` : ''}${g.retake ? `Your next attempt draws its own questions: move this sheet away and run "${g.retake}".\n` : ''}`;
}
