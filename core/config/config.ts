import { LineIndex } from '../text/line-index.js';
import { toLf } from '../text/line-endings.js';
import { readFrontMatter } from '../parse/front-matter.js';
import { schemaProblems } from '../schema/schema-problems.js';
import type { FileProblem } from '../model.js';
import type { SeveritySetting } from '../types.js';
import { DEFAULT_MAX_FILE_SIZE } from '../parse/decode.js';
import { CONFIG_FILE } from './config-candidates.js';
import type { DecimalMark } from '../grading/read-number.js';
import { isTimeZone, knownTimeZones } from '../text/today.js';
import { didYouMean } from '../text/did-you-mean.js';
import { changeTo } from '../lint/change-to.js';

export { CONFIG_FILE };

export type RevealPolicy = 'never' | 'after-pass' | 'after-last-attempt' | 'always';
/** Whether a release that touches what a passed checkpoint covers asks the learner for a new pass. */
export type RecertifyPolicy = 'on-release' | 'never';
/** Whether prerequisites, phases and windows hold a checkpoint back (see core/progress/gate.ts). */
export const GATING_MODES = ['strict', 'advisory', 'off'] as const;
export type GatingMode = (typeof GATING_MODES)[number];

export interface Role {
  id: string;
  title?: string;
  learners: string[];
  teams: string[];
  reviewers: string[];
  /** Logins or org/teams who may write manager appraisals for this role's learners. */
  managers: string[];
}

export interface Feature {
  id: string;
  name?: string;
  aliases: string[];
  labels: string[];
  paths: string[];
}

export interface Policies {
  passMark: number;
  attempts: number;
  retakeCooldown: string;
  revealAnswers: RevealPolicy;
  reviewEvery: string;
  remindEvery: string;
  /** How numeric answers are read: `.` (2.5, 5,000) or `,` (2,5, 5.000). */
  decimalMark: DecimalMark;
  recertify: RecertifyPolicy;
  /** strict: a checkpoint taken out of order is not graded; advisory: graded, and said so; off: nothing is held back. */
  gating: GatingMode;
  /** Item analysis flags no question answered fewer times than this (policies.item_min_answers); 20 when unset. */
  itemMinAnswers?: number;
}

export interface Config {
  /** Path of enablekit.yml as the adapter named it; undefined when there is none. */
  file?: string;
  productVersion?: string;
  productRepository?: string;
  roles: Map<string, Role>;
  features: Map<string, Feature>;
  policies: Policies;
  rules: Record<string, SeveritySetting>;
  ignore: string[];
  maxFileSize: number;
  /** IANA time zone "today" is read in (enablekit.yml `timezone:`); UTC when unset or unknown. */
  timeZone: string;
  /** Open Badges certificates for completed tracks (enablekit.yml `certificates:`); none when unset. */
  certificates?: CertificateSettings;
  problems: FileProblem[];
}

export interface CertificateSettings {
  issuer: { id: string; name: string; url?: string };
  /** The issuer's public keys (a JWK set), relative to enablekit.yml. */
  keys: string;
  /** The revocation list, relative to enablekit.yml. */
  revocations: string;
}

export const DEFAULT_CERTIFICATE_KEYS = 'certificates/issuer-keys.json';
export const DEFAULT_REVOCATIONS = 'certificates/revoked.json';

export const DEFAULT_POLICIES: Policies = {
  passMark: 80,
  attempts: 3,
  retakeCooldown: '24h',
  revealAnswers: 'after-pass',
  reviewEvery: '180d',
  remindEvery: '7d',
  decimalMark: '.',
  recertify: 'on-release',
  // Off until a curricula asks: learners mid-course under an older enablekit are never refused by an upgrade.
  gating: 'off',
};

export function defaultConfig(): Config {
  return {
    roles: new Map(),
    features: new Map(),
    policies: { ...DEFAULT_POLICIES },
    rules: {},
    ignore: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    timeZone: 'UTC',
    problems: [],
  };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Parse enablekit.yml. Problems are kept with positions; whatever is valid still applies. */
export function parseConfig(file: string, source: string): Config {
  const text = toLf(source);
  const config = defaultConfig();
  config.file = file;
  const lines = new LineIndex(text);
  // Reuse the front-matter reader: a YAML file is a front-matter block without fences.
  const wrapped = `---\n${text}${text.endsWith('\n') ? '' : '\n'}---\n`;
  const wrappedLines = new LineIndex(wrapped);
  const result = readFrontMatter(wrapped, 0, wrapped.length - 1, wrappedLines);
  const unwrap = (span: FileProblem['span']): FileProblem['span'] => {
    const s = Math.max(0, span.start.offset - 4);
    const e = Math.max(s, Math.min(text.length, span.end.offset - 4));
    return lines.span(s, e);
  };
  if (!result.ok) {
    config.problems.push({
      code: 'yaml',
      span: unwrap(result.span),
      message: result.message
        .replace('front matter', 'enablekit.yml')
        .replace('between the --- lines', 'in enablekit.yml'),
    });
    return config;
  }
  const data = result.value.data;
  for (const p of schemaProblems('config', result.value, 'enablekit.yml'))
    config.problems.push({
      ...p,
      span: unwrap(p.span),
      ...(p.fix
        ? {
            fix: {
              ...p.fix,
              edits: p.fix.edits.map((e) => ({ ...e, start: e.start - 4, end: e.end - 4 })),
            },
          }
        : {}),
    });
  const product = obj(data.product);
  if (typeof product.version === 'string') config.productVersion = product.version;
  if (typeof product.repository === 'string') config.productRepository = product.repository;
  for (const [id, raw] of Object.entries(obj(data.roles))) {
    const r = obj(raw);
    config.roles.set(id, {
      id,
      ...(typeof r.title === 'string' ? { title: r.title } : {}),
      learners: list(r.learners),
      teams: list(r.teams),
      reviewers: list(r.reviewers),
      managers: list(r.managers),
    });
  }
  for (const raw of Array.isArray(data.features) ? data.features : []) {
    const f = obj(raw);
    if (typeof f.id !== 'string') continue;
    config.features.set(f.id, {
      id: f.id,
      ...(typeof f.name === 'string' ? { name: f.name } : {}),
      aliases: list(f.aliases),
      labels: list(f.labels),
      paths: list(f.paths),
    });
  }
  const p = obj(data.policies);
  if (typeof p.pass_mark === 'number') config.policies.passMark = p.pass_mark;
  if (typeof p.attempts === 'number') config.policies.attempts = p.attempts;
  if (typeof p.retake_cooldown === 'string') config.policies.retakeCooldown = p.retake_cooldown;
  if (typeof p.reveal_answers === 'string')
    config.policies.revealAnswers = p.reveal_answers as RevealPolicy;
  if (typeof p.review_every === 'string') config.policies.reviewEvery = p.review_every;
  if (typeof p.remind_every === 'string') config.policies.remindEvery = p.remind_every;
  if (p.decimal_mark === '.' || p.decimal_mark === ',')
    config.policies.decimalMark = p.decimal_mark;
  if (p.recertify === 'on-release' || p.recertify === 'never')
    config.policies.recertify = p.recertify;
  if ((GATING_MODES as readonly unknown[]).includes(p.gating))
    config.policies.gating = p.gating as GatingMode;
  if (typeof p.item_min_answers === 'number' && Number.isInteger(p.item_min_answers))
    config.policies.itemMinAnswers = Math.max(1, p.item_min_answers);
  const lint = obj(data.lint);
  for (const [rule, sev] of Object.entries(obj(lint.rules))) {
    if (sev === 'error' || sev === 'warning' || sev === 'off') config.rules[rule] = sev;
  }
  config.ignore = list(lint.ignore);
  const certs = obj(data.certificates);
  const issuer = obj(certs.issuer);
  if (typeof issuer.id === 'string' && typeof issuer.name === 'string')
    config.certificates = {
      issuer: {
        id: issuer.id,
        name: issuer.name,
        ...(typeof issuer.url === 'string' ? { url: issuer.url } : {}),
      },
      keys: typeof certs.keys === 'string' ? certs.keys : DEFAULT_CERTIFICATE_KEYS,
      revocations: typeof certs.revocations === 'string' ? certs.revocations : DEFAULT_REVOCATIONS,
    };
  if (typeof lint.max_file_size === 'number') config.maxFileSize = lint.max_file_size;
  if (typeof data.timezone === 'string') {
    if (isTimeZone(data.timezone)) config.timeZone = data.timezone;
    else {
      // A zone the runtime does not know would move every date by hours at most: say so, and read today in UTC meanwhile.
      const near = didYouMean(data.timezone, knownTimeZones());
      const span = unwrap(result.value.spans['/timezone'] ?? result.value.span);
      const fix = near ? changeTo(span, data.timezone, near) : undefined;
      config.problems.push({
        code: 'schema',
        span,
        ...(fix ? { fix } : {}),
        message: `Expected timezone to be an IANA time zone name such as America/Los_Angeles, or UTC; found "${data.timezone}", which is not one${near ? ` (did you mean ${near}?)` : ''}. Correct the name, or leave timezone out for UTC; until then dates are read in UTC.`,
      });
    }
  }
  return config;
}
