import type { Rule } from '../rule.js';
import { answerSheet } from './answer-sheet.js';
import { brokenLink } from './broken-link.js';
import { duplicateId } from './duplicate-id.js';
import { invalidFile } from './invalid-file.js';
import { missingOwner } from './missing-owner.js';
import { prerequisiteCycle } from './prerequisite-cycle.js';
import { quizAnswer } from './quiz-answer.js';
import { quizDuplicateChoice } from './quiz-duplicate-choice.js';
import { quizFeedback } from './quiz-feedback.js';
import { quizPassMark } from './quiz-pass-mark.js';
import { quizDraw } from './quiz-draw.js';
import { quizKeyPasses } from './quiz-key-passes.js';
import { quizQuestionId } from './quiz-question-id.js';
import { quizSingleAnswer } from './quiz-single-answer.js';
import { reflectionPrompts } from './reflection-prompts.js';
import { scenarioRubric } from './scenario-rubric.js';
import { surveyAsk } from './survey-ask.js';
import { surveyQuestions } from './survey-questions.js';
import { scheduleWindow } from './schedule-window.js';
import { schema } from './schema.js';
import { staleContent } from './stale-content.js';
import { unknownReference } from './unknown-reference.js';
import { lessonUnclosedBlock } from './lesson-unclosed-block.js';
import { quizAcceptedFeedback } from './quiz-accepted-feedback.js';
import { quizNumbers } from './quiz-numbers.js';
import { quizChoiceCredit } from './quiz-choice-credit.js';
import { quizHint } from './quiz-hint.js';
import { scenarioSituation } from './scenario-situation.js';
import { trackDuplicateModule } from './track-duplicate-module.js';
import { trackOrder } from './track-order.js';
import { unclosedBlock } from './unclosed-block.js';

export const RULES: readonly Rule[] = [
  invalidFile,
  schema,
  duplicateId,
  unknownReference,
  prerequisiteCycle,
  trackDuplicateModule,
  trackOrder,
  unclosedBlock,
  lessonUnclosedBlock,
  quizQuestionId,
  quizSingleAnswer,
  quizDuplicateChoice,
  quizAnswer,
  quizFeedback,
  quizAcceptedFeedback,
  quizNumbers,
  quizChoiceCredit,
  quizHint,
  quizPassMark,
  quizDraw,
  quizKeyPasses,
  scenarioRubric,
  scenarioSituation,
  reflectionPrompts,
  surveyQuestions,
  surveyAsk,
  brokenLink,
  scheduleWindow,
  missingOwner,
  staleContent,
  answerSheet,
];
