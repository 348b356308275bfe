/**
 * Everything the extension takes from core, in one bundle loaded on first need. The
 * extension has no lint, parse, grading or rendering logic of its own: it is all here.
 */
export { LintSession } from '../../core/lint/lint-session.js';
export { renderPreview } from '../../core/render/render-preview.js';
export { checkpointSheetText } from '../../core/grading/checkpoint-sheets.js';
export { occasionLabel, surveySheetText } from '../../core/grading/survey-sheet.js';
export { surveyResults, surveyResultsMarkdown } from '../../core/progress/survey-results.js';
export { nextAttempt } from '../../core/grading/quiz-draw.js';
export { otherAttemptNote } from '../../core/grading/learner-sheet.js';
export { sheetProgress } from '../../core/grading/sheet-progress.js';
export { lintSheet } from '../../core/lint/lint-sheet.js';
export { newItemText, PLACEHOLDER_OWNER } from '../../core/templates/new-item.js';
export { chooseModule } from '../../core/templates/module-choice.js';
export { curriculaScaffold, FIRST_MODULE_PATH } from '../../core/templates/curricula-scaffold.js';
export { isOwner, loginFromGit } from '../../core/templates/owner-login.js';
export { GitIgnoreRules } from '../../core/workspace/git-ignore.js';
export { listingFilter } from '../../core/workspace/listing.js';
export { applyEdits, bulkFixEdits, fixText } from '../../core/lint/apply-fixes.js';
export { originalOffsets } from '../../core/text/line-endings.js';
export { isCheckpoint } from '../../core/model.js';
export { rolesOf, learnerStatus } from '../../core/progress/learner-status.js';
export { Gate, reasonsText } from '../../core/progress/gate.js';
export { checkpointResults, resultLine } from '../../core/progress/checkpoint-results.js';
export { completionsAt } from '../../core/schema/front-matter-place.js';
export {
  ledgerComment,
  markedLearner,
  PROGRESS_LABEL,
  progressIssuesOf,
  readLedger,
} from '../../core/progress/ledger.js';
export { itemAnalysis } from '../../core/analysis/item-analysis.js';
export { basisText, figuresText, flagText } from '../../core/analysis/item-report.js';
export { freshnessVerdict } from '../../core/freshness/verdict.js';
export { curriculaToday } from '../../core/config/clock.js';
export { seal, unsealText, keyFilePath } from '../../core/sealing/seal.js';
export { verifyCredential } from '../../core/certificates/verify-credential.js';
export { readRevocationList } from '../../core/certificates/revocation-list.js';

import type * as self from './engine.js';
export type Engine = typeof self;
