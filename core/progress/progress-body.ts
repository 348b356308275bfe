import type { Config } from '../config/config.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import { escapeMarkdown } from '../text/markdown-escape.js';
import { learnerStatus, type ModuleState } from './learner-status.js';
import { progressMarker, type Ledger } from './ledger.js';
import { participationOf } from '../review/participation.js';
import { appraisalLines } from './appraisal-lines.js';
import { fitBody } from '../text/github-body.js';

const STATE: Record<ModuleState, string> = {
  'not-started': '⏳ not open yet',
  open: '📖 open',
  locked: '🔒 locked',
  submitted: '📨 submitted',
  failed: '🔁 not passed yet',
  passed: '✅ passed',
  overdue: '⚠️ overdue',
  recertify: '🔄 to recertify',
};

/**
 * A learner's progress issue body: a view recomputed from every record, never edited by
 * hand, so any run (or a rebuild) that sees the same records on the same day writes the
 * same body.
 */
export function progressBody(
  login: string,
  roles: readonly string[],
  index: WorkspaceIndex,
  ledger: Ledger,
  today: string,
  forIssue = true,
  config?: Config,
): string {
  const tracks = learnerStatus(login, [...roles], index, ledger.records, today, config);
  const title = (id: string) => escapeMarkdown(index.item(id)?.title ?? id, 120);
  const intro = `Training progress of @${login}${roles.length ? ` (${roles.join(', ')})` : ''}, as of ${today}.`;
  const parts = forIssue
    ? [
        progressMarker(login),
        `${intro} This body is rewritten from the records below each time a result comes in; edit nothing here.`,
        '',
      ]
    : [intro, ''];
  if (!tracks.length)
    parts.push(
      `No track is assigned to ${roles.length ? 'these roles' : 'this learner: add them to a role in enablekit.yml'}.`,
    );
  for (const t of tracks) {
    parts.push(
      `### ${t.complete ? '✅ ' : ''}${title(t.track)}`,
      '',
      '| module | status | due | checkpoints |',
      '|---|---|---|---|',
    );
    for (const m of t.modules) {
      const cps = m.checkpoints
        .map(
          (c) =>
            `${title(c.id)}: ${c.passed ? 'passed' : c.recertify ? `to recertify after ${escapeMarkdown(c.recertify.release, 40)} (${c.recertify.features.map((f) => escapeMarkdown(f, 60)).join(', ')})${c.attempts ? ', not passed again yet' : ''}` : c.attempts ? 'not passed' : 'not taken'}${c.best !== undefined ? `, best ${c.best}%` : ''}${c.attempts ? `, ${c.attempts} attempt${c.attempts > 1 ? 's' : ''}` : ''}`,
        )
        .join('<br>');
      parts.push(
        `| ${title(m.module)} | ${STATE[m.state]}${m.locked ? `: ${m.locked.map((l) => escapeMarkdown(l, 400)).join(' ')}` : ''} | ${m.due ?? ''} | ${cps || '(reading only)'} |`,
      );
    }
    parts.push(...appraisalLines(ledger.records, t.track), '');
  }
  const p = participationOf(ledger.records, login);
  if (p.gave || p.received)
    parts.push(
      `**Participation on reflections:** ${p.gave} repl${p.gave === 1 ? 'y or reaction' : 'ies or reactions'} given, ${p.received} received${p.peers.length ? ` (with ${p.peers.map((x) => `@${escapeMarkdown(x, 40)}`).join(', ')})` : ''}.`,
      '',
    );
  if (ledger.flagged.length) {
    parts.push(
      `> [!WARNING]\n> ${ledger.flagged.length} record${ledger.flagged.length > 1 ? 's were' : ' was'} ignored: only the enablekit Action writes records, and a record edited after it was written is no result (its quiz attempt still counts, not as a pass).`,
      ...ledger.flagged.map(
        (f) =>
          `> - ${f.url ?? `comment ${f.comment}`}: ${f.why === 'edited' ? 'edited' : 'not written by enablekit'}`,
      ),
      '',
    );
  }
  const count = `<sub>${ledger.records.length} record${ledger.records.length === 1 ? '' : 's'}.</sub>`;
  if (!forIssue) return [...parts, count].join('\n');
  // Many tracks, or many ignored records (anyone can comment copies), could pass GitHub's limit
  // and the body would be refused: cut at a whole line, the records themselves are in the comments.
  return fitBody(
    parts.join('\n'),
    count,
    `Every record is in the comments below, and \`enablekit progress --learner ${login} --repo <owner/name>\` shows every module and checkpoint.`,
  );
}
