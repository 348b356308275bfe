import type { Node, Root } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { Span } from '../types.js';
import { REFERENCE_FIELDS } from '../model.js';
import type { Quiz, Freshness, Item, ItemType, Link, Reference, Window } from '../model.js';
import type { SurveyOccasion } from '../survey-parts.js';
import type { FrontMatter } from './front-matter.js';
import { spanOf } from '../markdown/mdast-util.js';
import { parseQuestions } from './quiz-body.js';
import { parseScenarioBody } from './scenario-body.js';
import { parseReflectionBody } from './reflection-body.js';
import { parseSurveyBody } from './survey-body.js';
import { withAcceptedFeedback } from './accepted-feedback.js';

type Fm = Record<string, unknown>;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function spanAt(fm: FrontMatter, pointer: string): Span {
  return fm.spans[pointer] ?? fm.spans[pointer.replace(/\/[^/]*$/, '')] ?? fm.span;
}

function refs(fm: FrontMatter, field: string, kind: Reference['kind']): Reference[] {
  const v = fm.data[field];
  if (typeof v === 'string') return [{ kind, field, id: v, span: spanAt(fm, `/${field}`) }];
  return strings(v).map((id, i) => ({ kind, field, id, span: spanAt(fm, `/${field}/${i}`) }));
}

function windowOf(fm: FrontMatter, pointer: string): Window | undefined {
  const v = pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((o, k) => (o as Fm | undefined)?.[k], fm.data);
  if (!v || typeof v !== 'object') return undefined;
  const w = v as Fm;
  const opensSpan = fm.spans[`${pointer}/opens`];
  const dueSpan = fm.spans[`${pointer}/due`];
  return {
    opens: str(w.opens),
    due: str(w.due),
    span: spanAt(fm, pointer),
    ...(opensSpan ? { opensSpan } : {}),
    ...(dueSpan ? { dueSpan } : {}),
  };
}

/** A survey's `ask:` entries the schema accepts; anything else the schema reports. */
function occasionsOf(fm: FrontMatter): SurveyOccasion[] {
  const ask = fm.data.ask;
  return (Array.isArray(ask) ? ask : []).flatMap((a: unknown, i): SurveyOccasion[] => {
    const e = (a && typeof a === 'object' ? a : {}) as Fm;
    const span = spanAt(fm, `/ask/${i}`);
    if (e.when === 'during' && typeof e.after_module === 'string')
      return [
        { id: `during-${e.after_module}`, when: 'during', afterModule: e.after_module, span },
      ];
    if (e.when === 'after' && Number.isInteger(e.weeks) && (e.weeks as number) >= 0)
      return [{ id: `after-${e.weeks as number}w`, when: 'after', weeks: e.weeks as number, span }];
    if (e.when === 'during')
      return [{ id: '', when: 'during', span, problem: 'after_module: <a module of the track>' }];
    if (e.when === 'after')
      return [{ id: '', when: 'after', span, problem: 'weeks: <how many weeks after the track>' }];
    return [];
  });
}

function followUpWeeks(v: unknown): number | undefined {
  const w = v && typeof v === 'object' ? (v as Fm).after_weeks : undefined;
  return typeof w === 'number' ? w : undefined;
}

/**
 * An editor's parse keeps the nodes of pieces an edit did not touch (moving them when lines
 * come or go), so a node's link is kept too while its line and column stay: a big lesson's
 * ~1,000 links are then not made again on every keystroke. Like the node, a kept link is
 * moved in place: its offsets follow the text typed before it.
 */
const linkOfNode = new WeakMap<Node, Link>();

function keptAt(link: Link, node: Node, lines: LineIndex): boolean {
  const p = node.position!;
  const { start, end } = link.span;
  if (
    p.start.line !== start.line ||
    p.start.column !== start.column ||
    p.end.line !== end.line ||
    p.end.column !== end.column
  )
    return false;
  start.offset = lines.offsetAt(start.line, start.column);
  end.offset = lines.offsetAt(end.line, end.column);
  return true;
}

function collectLinks(nodes: readonly Node[], lines: LineIndex): Link[] {
  const links: Link[] = [];
  for (const n of nodes) {
    const { url, label } = n as unknown as { url: string; label?: string | null };
    // `[^1]: note` reads as a definition without the footnote extension lint parses with.
    if (n.type === 'definition' && label?.startsWith('^')) continue;
    let link = linkOfNode.get(n);
    if (!link || !n.position || !keptAt(link, n, lines))
      linkOfNode.set(n, (link = { url, span: spanOf(n, lines), image: n.type === 'image' }));
    links.push(link);
  }
  return links;
}

/** Rules report on top-level fields; nested spans are used while parsing and not kept in the model. */
function topLevelSpans(spans: Record<string, Span>): Record<string, Span> {
  const out: Record<string, Span> = {};
  for (const [k, v] of Object.entries(spans))
    if (k.lastIndexOf('/') === 0 && !k.includes('#')) out[k] = v;
  return out;
}

function freshnessOf(d: Fm): Freshness {
  const f: Freshness = { covers: strings(d.covers) };
  if (typeof d.owner === 'string') f.owner = d.owner;
  const v = d.verified as Fm | undefined;
  if (v && typeof v.version === 'string' && typeof v.date === 'string')
    f.verified = { version: v.version, date: v.date };
  if (typeof d.review_every === 'string') f.reviewEvery = d.review_every;
  if (d.recertify === 'on-release' || d.recertify === 'never') f.recertify = d.recertify;
  return f;
}

/** A front-matter scalar as text. Anything else the schema reports on its line; the item reads it as ''. */
const scalarText = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** The item a content file describes, from its front matter and body. `body.root` is read for checkpoints only: a lesson needs its links alone. */
export function buildItem(
  file: string,
  type: ItemType,
  fm: FrontMatter,
  body: { readonly root: Root; links: readonly Node[] },
  lines: LineIndex,
): Item {
  const d = fm.data;
  const base = {
    id: scalarText(d.id),
    title: scalarText(d.title),
    file,
    idSpan: fm.spans['/id'] ?? fm.spans['/type'] ?? fm.span,
    fieldSpans: topLevelSpans(fm.spans),
    frontMatterSpan: fm.span,
    freshness: freshnessOf(d),
    // Every field that names an id but a track's modules, whose entries may be mappings (below).
    references: Object.entries(REFERENCE_FIELDS[type]).flatMap(([field, kind]) =>
      type === 'track' && field === 'modules' ? [] : refs(fm, field, kind),
    ),
    links: collectLinks(body.links, lines),
  };
  switch (type) {
    case 'track': {
      const moduleSpans = new Map<object, Span>();
      const modules = (Array.isArray(d.modules) ? d.modules : []).flatMap((entry: unknown, i) => {
        const span = spanAt(fm, `/modules/${i}`);
        if (typeof entry === 'string') return [{ module: entry, optional: false, span }];
        if (entry && typeof entry === 'object' && typeof (entry as Fm).module === 'string') {
          const e = entry as Fm;
          const w = windowOf(fm, `/modules/${i}/window`);
          const m = {
            module: e.module as string,
            optional: e.optional === true,
            span,
            ...(w ? { window: w } : {}),
          };
          const at = fm.spans[`/modules/${i}/module`];
          if (at) moduleSpans.set(m, at);
          return [m];
        }
        return [];
      });
      const window = windowOf(fm, '/window');
      base.references.push(
        ...modules.map((m) => ({
          kind: 'module' as const,
          field: 'modules',
          id: m.module,
          // An entry written as a mapping is reported (and fixed) at its module: value.
          span: moduleSpans.get(m) ?? m.span,
        })),
      );
      return {
        ...base,
        type,
        roles: strings(d.roles),
        phase: d.phase === 'advanced' ? 'advanced' : 'foundation',
        prerequisites: strings(d.prerequisites),
        modules,
        ...(window ? { window } : {}),
        ...(followUpWeeks(d.follow_up) !== undefined
          ? { followUpWeeks: followUpWeeks(d.follow_up)! }
          : {}),
        ...(typeof d.summary === 'string' ? { summary: d.summary } : {}),
        ...(typeof d.valid_for === 'string' ? { validFor: d.valid_for } : {}),
        ...(d.gating === 'strict' || d.gating === 'advisory' || d.gating === 'off'
          ? { gating: d.gating }
          : {}),
      };
    }
    case 'module':
      return { ...base, type, prerequisites: strings(d.prerequisites) };
    case 'quiz':
      return {
        ...base,
        type,
        module: scalarText(d.module),
        ...(typeof d.pass_mark === 'number' ? { passMark: d.pass_mark } : {}),
        ...(typeof d.attempts === 'number' ? { attempts: d.attempts } : {}),
        ...(typeof d.retake_cooldown === 'string' ? { retakeCooldown: d.retake_cooldown } : {}),
        ...(typeof d.reveal_answers === 'string'
          ? { revealAnswers: d.reveal_answers as Quiz['revealAnswers'] }
          : {}),
        ...(typeof d.key === 'string' ? { key: d.key, keySpan: spanAt(fm, '/key') } : {}),
        // Any other draw is the schema's to report; the quiz is then read as asking every question.
        ...(Number.isInteger(d.draw) && (d.draw as number) >= 1 ? { draw: d.draw as number } : {}),
        ...(d.shuffle_choices === true ? { shuffleChoices: true } : {}),
        questions: withAcceptedFeedback(parseQuestions(body.root, lines), body.root, lines),
      };
    case 'scenario':
      return {
        ...base,
        type,
        module: scalarText(d.module),
        level: d.level === 'advanced' ? 'advanced' : 'beginner',
        prerequisites: strings(d.prerequisites),
        reviewers: strings(d.reviewers),
        ...parseScenarioBody(body.root, lines),
      };
    case 'reflection': {
      const reflection = parseReflectionBody(body.root, lines);
      return {
        ...base,
        type,
        module: scalarText(d.module),
        ...(typeof d.min_words === 'number' ? { minWords: d.min_words } : {}),
        ...(reflection.readCheck ? { readCheck: reflection.readCheck } : {}),
        prompts: reflection.prompts,
        ...(followUpWeeks(d.follow_up) !== undefined
          ? { followUpWeeks: followUpWeeks(d.follow_up)! }
          : {}),
        ...(typeof (d.follow_up as Fm | undefined)?.prompt === 'string'
          ? { followUpPrompt: (d.follow_up as Fm).prompt as string }
          : {}),
      };
    }
    case 'survey':
      return {
        ...base,
        type,
        track: scalarText(d.track),
        ask: occasionsOf(fm),
        ...parseSurveyBody(body.root, lines),
      };
  }
}
