import type { Fix, Span } from './types.js';
import type { SurveyOccasion, SurveyQuestion } from './survey-parts.js';

export const ITEM_TYPES = ['track', 'module', 'quiz', 'scenario', 'reflection', 'survey'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
export const CHECKPOINT_TYPES = ['quiz', 'scenario', 'reflection'] as const;

/**
 * What may go where: the front-matter fields of each item type that name an id, and what
 * the id must name. The parser reads references by it (and the unknown-reference rule
 * checks them), and the editor's completion offers ids by it, so both agree.
 */
export const REFERENCE_FIELDS: Readonly<
  Record<ItemType, Readonly<Record<string, Reference['kind']>>>
> = {
  track: { covers: 'feature', roles: 'role', prerequisites: 'track', modules: 'module' },
  module: { covers: 'feature', prerequisites: 'module' },
  quiz: { covers: 'feature', module: 'module', roles: 'role' },
  scenario: { covers: 'feature', module: 'module', roles: 'role', prerequisites: 'checkpoint' },
  reflection: { covers: 'feature', module: 'module', roles: 'role' },
  survey: { track: 'track' },
};

/** A reference from one item to another id, kept with where it was written. */
export interface Reference {
  /** What the id must name: an item of that type, a role or a feature of enablekit.yml. */
  kind: 'module' | 'track' | 'checkpoint' | 'role' | 'feature';
  /** The front-matter field it was written in, for messages. */
  field: string;
  id: string;
  span: Span;
}

export interface Link {
  url: string;
  span: Span;
  image: boolean;
}

export interface Window {
  opens?: string;
  due?: string;
  span: Span;
  /** Where each date is written, for a fix that moves it. */
  opensSpan?: Span;
  dueSpan?: Span;
}

export interface Freshness {
  owner?: string;
  covers: string[];
  verified?: { version: string; date: string };
  reviewEvery?: string;
  /** Overrides enablekit.yml's policies.recertify for this checkpoint (or a module's checkpoints). */
  recertify?: 'on-release' | 'never';
}

interface ItemBase {
  type: ItemType;
  id: string;
  title: string;
  file: string;
  /** Where `id:` is written; the place to report problems with the item as a whole. */
  idSpan: Span;
  /** Spans of front-matter values by JSON pointer (`/modules/2`). */
  fieldSpans: Record<string, Span>;
  /** The whole front-matter block, including its fences. */
  frontMatterSpan: Span;
  freshness: Freshness;
  references: Reference[];
  links: Link[];
  /** A block in the body left open to the end of the file, hiding what follows it. */
  unclosed?: UnclosedBlock;
}

/** A code fence, raw HTML block or HTML comment never closed: it swallows the rest of the body. */
export interface UnclosedBlock {
  kind: 'fence' | 'html' | 'comment';
  /** What would close it: the fence's own backticks or tildes, `-->`, `</pre>`... */
  closer: string;
  /** Its opening line. */
  span: Span;
  /** Headings after the opening line, all levels, and of those the level-2 ones (questions, sections). */
  headings: number;
  sections: number;
}

export interface TrackModuleEntry {
  module: string;
  window?: Window;
  optional: boolean;
  span: Span;
}

export interface Track extends ItemBase {
  type: 'track';
  roles: string[];
  phase: 'foundation' | 'advanced';
  prerequisites: string[];
  window?: Window;
  modules: TrackModuleEntry[];
  followUpWeeks?: number;
  /** What the learner gets out of it, as written (`summary:`); a certificate's description. */
  summary?: string;
  /** How long a certificate for the track holds (`valid_for: 365d`); none, for good. */
  validFor?: string;
  /** Overrides enablekit.yml's policies.gating for this track's modules. */
  gating?: 'strict' | 'advisory' | 'off';
}

export interface Module extends ItemBase {
  type: 'module';
  prerequisites: string[];
}

export interface Feedback {
  text: string;
  span: Span;
}

export interface Choice {
  /** a, b, c … z, aa, ab …: its place in the list (choiceLabel), the name a key file uses for it. */
  letter: string;
  text: string;
  /** Ticked `[x]` in the source; for a learner's sheet, ticked by the learner. */
  checked: boolean;
  span: Span;
  feedback?: Feedback;
  /**
   * The share of the weight a tick on it earns, -1 to 1, as written after it (`(credit 50%)`).
   * Once any choice of a question has one, the question is graded by credits (choice-credit.ts).
   */
  credit?: number;
}

/** One of a numeric question's accepted numbers: a value ± tolerance or a range, and its credit. */
export interface NumericAnswer {
  value: number;
  tolerance: number;
  /** Written `min..max`: value and tolerance are its middle and half-width. */
  range?: [number, number];
  unit?: string;
  /** The share of the question's weight it earns, 0 to 1 (`(50%)` is 0.5; 1 when not written). */
  credit: number;
  feedback?: Feedback;
  span: Span;
}

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'text',
  'numeric',
  'ordering',
  'truefalse',
  'matching',
  'cloze',
  'open',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One blank of a cloze question: pick one of its choices, or type one of its accepted answers. */
export interface Blank {
  /** Its number, as the sentence writes it: `{1}` is 1. */
  n: number;
  span: Span;
  /** Pick one: the choices listed under it, the right one ticked (`- [x] Incident`). */
  choices: Choice[];
  /** Type one: accepted answers, matched as a text question's are (folded, any case, credit). */
  accepted: { value: string; span: Span; credit?: number }[];
  /** The list under the blank, which sealing takes out for typed answers. */
  listSpan?: Span;
  /** What is written after `{1}:` (a learner's typed answer on a sheet). */
  given: string;
}

export interface Question {
  id?: string;
  type: QuestionType;
  /** The heading text. */
  prompt: string;
  weight: number;
  /** Multiple choice: score partially (right ticks minus wrong ticks), or all or nothing. */
  partial: boolean;
  /**
   * `scoring=` as written in the question comment, if it is. Ordering questions give partial
   * credit only when it says `partial`: left out, they stay all or nothing, as they always were.
   */
  scoring?: 'partial' | 'all-or-nothing';
  span: Span;
  /** Where the `<!-- question ... -->` comment is, when there is one. */
  metaSpan?: Span;
  /** Problems in the question's own markup, reported by the quiz rules, with a fix when one text is meant. */
  markupProblems: { span: Span; message: string; fix?: Fix }[];
  choices: Choice[];
  /**
   * Text questions: accepted answers, `/re/flags` for a pattern, tried top to bottom: the first
   * that matches grades the answer, with its credit (`(credit 50%)`; 1 when not written) and the
   * feedback quoted under it.
   */
  accepted: { value: string; span: Span; feedback?: Feedback; credit?: number }[];
  /** From the `Accepted answers:` line to the end of its list: what sealing takes out. */
  acceptedSpan?: Span;
  /**
   * Numeric: the value, how far an answer may be from it, and the unit the key writes after it
   * (`4 h`), if any. A range `1..5` is its middle and half-width, with `range` as written.
   */
  numeric?: {
    value: number;
    tolerance: number;
    range?: [number, number];
    unit?: string;
    span: Span;
  };
  /**
   * Numeric: the `Accepted numbers:` list, each with its own credit and feedback, tried top to
   * bottom (the first that holds the answer grades it). A question has this or `numeric`.
   */
  numbers?: NumericAnswer[];
  /** From the `Accepted numbers:` line to the end of its list: what sealing takes out. */
  numbersSpan?: Span;
  /** Text and numeric: the feedback for any answer none of the accepted ones matches (`- Any other answer`). */
  otherFeedback?: Feedback;
  /**
   * Matching: each prompt with its answer (`- Grafana → dashboards`), lettered a, b, c … in
   * order; on a sheet or a sealed quiz, the answer is the learner's or empty.
   */
  pairs?: { letter: string; prompt: string; answer: string; span: Span }[];
  /** Matching: answers that belong to no prompt (`- → billing`), offered among the rest. */
  distractors?: { answer: string; span: Span }[];
  /** Matching, on a sheet or a sealed quiz: the answers to choose from (`Choose from:`). */
  options?: string[];
  /**
   * Cloze: the text the blanks stand in (`{1}`, `{2}` …), as written: the heading, the
   * paragraphs under it that hold a blank, or both.
   */
  sentence?: { text: string; span: Span }[];
  /** Cloze: each blank of the sentence, as listed under it (`- {1}`), in the order listed. */
  blanks?: Blank[];
  /**
   * Open (essay): what a reviewer grades the answer against (`Rubric:` and a list under it),
   * in order. An open question has no key: a person grades it.
   */
  rubric?: { text: string; span: Span }[];
  /** Open: about how many words the answer should take (`words=150`), shown to the learner; a hint, never graded. */
  words?: number;
  /** True/false: the right answer, from `Answer: true` or `Answer: false`. */
  truth?: { value: boolean; span: Span };
  /** Ordering: items in the source order, which is the right order in the author's source. */
  items: { letter: string; text: string; span: Span }[];
  /** Question-level explanation, which may reveal the answer. */
  explanation?: Feedback;
  /** Hints under the question (`<details><summary>Hint</summary>`), in the order a learner opens them. */
  hints?: Hint[];
  /** Learner's free text (answer sheets only). */
  answerText?: { value: string; span: Span };
}

/**
 * A hint a learner can open: `<details><summary>Hint</summary>…</details>` under a question,
 * free, or with a cost: `<summary>Hint (cost 10%)</summary>`. A cost hint's text lives in the
 * sealed key; the sealed quiz keeps, in its place, how to ask for it (core/grading/hint-cost.ts).
 */
export interface Hint {
  /** Its place among the question's hints, 1, 2, …: what `/hint q 2` names. */
  n: number;
  /** The hint's Markdown, trimmed. */
  text: string;
  /** The share of the question's weight it costs once opened, over 0 and at most 1; free when left out. */
  cost?: number;
  /** From `<details>` to `</details>`. */
  span: Span;
  /** What is wrong with how it is written (its cost, its closing tag): reported by quiz-hint. */
  problem?: string;
}

export interface Quiz extends ItemBase {
  type: 'quiz';
  module: string;
  passMark?: number;
  attempts?: number;
  retakeCooldown?: string;
  revealAnswers?: 'never' | 'after-pass' | 'after-last-attempt' | 'always';
  key?: string;
  /** Where `key:` is written, for messages about the key file. */
  keySpan?: Span;
  /** Set when a sealed quiz's key was opened and merged in: its answers are there to lint and grade. */
  keyApplied?: boolean;
  /** A pool: how many of its questions each learner answers, drawn by learner and attempt (grading/quiz-draw.ts). */
  draw?: number;
  /** Choices of single and multiple choice questions listed in each learner's own order (quiz-draw.ts). */
  shuffleChoices?: boolean;
  questions: Question[];
}

export interface Criterion {
  id: string;
  text: string;
  required: boolean;
  checked: boolean;
  span: Span;
}

export interface Scenario extends ItemBase {
  type: 'scenario';
  module: string;
  level: 'beginner' | 'advanced';
  prerequisites: string[];
  /** Roles, logins or org/teams allowed to grade it; empty means the learner's role's reviewers. */
  reviewers: string[];
  sections: string[];
  rubric: Criterion[];
  rubricSpan?: Span;
}

export interface Reflection extends ItemBase {
  type: 'reflection';
  module: string;
  minWords?: number;
  readCheck?: { text: string; span: Span };
  prompts: { text: string; span: Span }[];
  followUpWeeks?: number;
  /** What the follow-up asks, when the author wrote it. */
  followUpPrompt?: string;
}

/**
 * Feedback on the training itself: asked during and after a track, never graded, never a
 * checkpoint (it gates nothing and counts toward nothing), its answers shown to authors.
 */
export interface Survey extends ItemBase {
  type: 'survey';
  track: string;
  ask: SurveyOccasion[];
  /** The paragraphs under the title: what learners are told, including who reads their answers. */
  intro: string;
  questions: SurveyQuestion[];
}

export type Item = Track | Module | Quiz | Scenario | Reflection | Survey;
export type Checkpoint = Quiz | Scenario | Reflection;

export function isCheckpoint(item: Item): item is Checkpoint {
  return (CHECKPOINT_TYPES as readonly string[]).includes(item.type);
}

/** What must be done before an item: tracks, modules and scenarios have prerequisites. */
export function prerequisitesOf(item: Item): string[] {
  return item.type === 'track' || item.type === 'module' || item.type === 'scenario'
    ? item.prerequisites
    : [];
}

/** A problem found while reading a file: structural, not a lint judgement. */
export interface FileProblem {
  /** `answer-sheet`: a sheet that does not match its place or says unclearly what was meant (the answer-sheet rule). */
  code:
    | 'binary'
    | 'encoding'
    | 'too-large'
    | 'empty'
    | 'no-front-matter'
    | 'yaml'
    | 'unknown-type'
    | 'too-deep'
    | 'schema'
    | 'answer-sheet';
  span: Span;
  message: string;
  /** The text the message names to write instead, where it names one. */
  fix?: Fix;
}

/** Everything one file contributes: serialisable, so workers and the cache can pass it around. */
export interface FileModel {
  file: string;
  item?: Item;
  problems: FileProblem[];
}
