import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import common from '../../schemas/common.schema.json' with { type: 'json' };
import track from '../../schemas/track.schema.json' with { type: 'json' };
import module from '../../schemas/module.schema.json' with { type: 'json' };
import quiz from '../../schemas/quiz.schema.json' with { type: 'json' };
import scenario from '../../schemas/scenario.schema.json' with { type: 'json' };
import reflection from '../../schemas/reflection.schema.json' with { type: 'json' };
import survey from '../../schemas/survey.schema.json' with { type: 'json' };
import config from '../../schemas/config.schema.json' with { type: 'json' };
import answerSheet from '../../schemas/answer-sheet.schema.json' with { type: 'json' };
import quizKey from '../../schemas/quiz-key.schema.json' with { type: 'json' };
import { isCalendarDate } from '../text/calendar-date.js';
import { didYouMean } from '../text/did-you-mean.js';

const SCHEMAS = {
  track,
  module,
  quiz,
  scenario,
  reflection,
  survey,
  config,
  'answer-sheet': answerSheet,
  'quiz-key': quizKey,
} as const;
export type SchemaName = keyof typeof SCHEMAS;

let ajv: Ajv | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** Compiled on first use and kept: compiling costs far more than validating. */
function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    ajv ??= new Ajv({
      allErrors: true,
      verbose: true,
      strict: false,
      schemas: [common],
      formats: { date: isCalendarDate },
    });
    v = ajv.compile(SCHEMAS[name]);
    compiled.set(name, v);
  }
  return v;
}

export interface SchemaProblem {
  /** JSON pointer of the value at fault; `#key` appended when the key itself is at fault. */
  pointer: string;
  message: string;
  /** The one text the message names instead of what is written there (a key or a scalar). */
  replace?: { found: string; with: string };
}

/** At most this many problems are explained: past it, a front matter is clearly not the author's intent. */
export const MAX_SCHEMA_PROBLEMS = 100;

/**
 * A value as JSON, clipped to 60 characters without stringifying more than that: an error
 * on the whole front matter (an unknown key among 6,500) stringified all of it each time.
 */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  let s = '';
  const put = (v: unknown): void => {
    if (s.length > 60) return;
    if (
      v === null ||
      typeof v !== 'object' ||
      typeof (v as { toJSON?: unknown }).toJSON === 'function'
    ) {
      s += JSON.stringify(v) ?? 'null';
      return;
    }
    const array = Array.isArray(v);
    s += array ? '[' : '{';
    let first = true;
    for (const [k, item] of Object.entries(v)) {
      if (s.length > 60) return;
      if (!array && item === undefined) continue;
      s += first ? '' : ',';
      first = false;
      if (!array) s += `${JSON.stringify(k)}:`;
      put(item === undefined ? null : item);
    }
    s += array ? ']' : '}';
  };
  put(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function at(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const seg of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/** A value YAML writes as itself, so that a fix can write it in place of another. */
const scalar = (v: unknown): v is string | number | boolean =>
  (typeof v === 'string' && /^[\w.-]+$/.test(v)) || typeof v === 'number' || typeof v === 'boolean';

function fieldName(pointer: string): string {
  return pointer === '' ? 'the front matter' : pointer.slice(1).replace(/\//g, '.');
}

function explain(err: ErrorObject, data: unknown, what: string): SchemaProblem {
  const path = err.instancePath;
  // Worked out only for the messages that name it.
  const found = () => describe(at(data, path));
  const field = fieldName(path);
  const schemaDescription = (err.parentSchema as { description?: string } | undefined)?.description;
  const hint = schemaDescription ? ` (${schemaDescription})` : '';
  // A key at fault (propertyNames): the key is named, and the problem sits on its line.
  if (err.propertyName !== undefined) {
    const key = err.propertyName;
    return {
      pointer: `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}#key`,
      message: `Expected each id under ${field} to be lowercase letters, digits and dashes, starting with a letter or digit (such as tier-2); found ${JSON.stringify(key)}. Rename it, here and wherever it is used.`,
    };
  }
  switch (err.keyword) {
    case 'required': {
      const key = (err.params as { missingProperty: string }).missingProperty;
      return {
        pointer: path,
        message: `Expected ${what} to have "${key}"; found none. Add ${key}: to ${field}.`,
      };
    }
    case 'additionalProperties': {
      const key = (err.params as { additionalProperty: string }).additionalProperty;
      const keys = Object.keys(
        (err.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      // A key written already is no rename: that would write it twice.
      const here = at(data, path);
      const written = here && typeof here === 'object' ? Object.keys(here) : [];
      const near = didYouMean(
        key,
        keys.filter((k) => !written.includes(k)),
      );
      return {
        pointer: `${path}/${key}#key`,
        message: near
          ? `Expected only known keys in ${field}; found "${key}". Did you mean "${near}"?`
          : `Expected only known keys in ${field}; found "${key}". Remove it or fix its spelling${keys.length ? ` (known: ${keys.join(', ')})` : ''}.`,
        ...(near ? { replace: { found: key, with: near } } : {}),
      };
    }
    case 'const': {
      const allowed = (err.params as { allowedValue: unknown }).allowedValue;
      const value = at(data, path);
      return {
        pointer: path,
        message: `Expected ${field} to be ${describe(allowed)}; found ${found()}. Set it to that value.`,
        ...(scalar(value) && scalar(allowed)
          ? { replace: { found: String(value), with: String(allowed) } }
          : {}),
      };
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
      const value = at(data, path);
      const near =
        typeof value === 'string'
          ? didYouMean(
              value,
              allowed.filter((v) => typeof v === 'string'),
            )
          : undefined;
      return {
        pointer: path,
        message: `Expected ${field} to be one of ${allowed.map((v) => describe(v)).join(', ')}; found ${found()}. ${near ? `Did you mean "${near}"?` : 'Use one of those.'}`,
        ...(near && typeof value === 'string' ? { replace: { found: value, with: near } } : {}),
      };
    }
    case 'pattern':
      return {
        pointer: path,
        message: `Expected ${field} in the right form${hint}; found ${found()}. Rewrite it in that form.`,
      };
    case 'type':
      return {
        pointer: path,
        message: `Expected ${field} to be ${(err.params as { type: string }).type === 'array' ? 'a list' : `a ${(err.params as { type: string }).type}`}; found ${found()}. Change the value.`,
      };
    case 'maximum':
    case 'minimum': {
      const limit = (err.params as { limit: number }).limit;
      const most = err.keyword === 'maximum';
      return {
        pointer: path,
        message: `Expected ${field} to be at ${most ? 'most' : 'least'} ${limit}; found ${found()}. ${most ? 'Lower' : 'Raise'} it.`,
      };
    }
    case 'format':
      if ((err.params as { format: string }).format === 'date')
        return {
          pointer: path,
          message: `Expected ${field} to be a date on the calendar (YYYY-MM-DD); found ${found()}, which does not exist. Correct the day or the month.`,
        };
      return {
        pointer: path,
        message: `Expected ${field} in the form ${(err.params as { format: string }).format}${hint}; found ${found()}. Rewrite it in that form.`,
      };
    case 'uniqueItems':
      return {
        pointer: path,
        message: `Expected ${field} to list each value once; found ${found()}. Remove the repeated value.`,
      };
    case 'minItems':
      return {
        pointer: path,
        message: `Expected ${field} to list at least ${(err.params as { limit: number }).limit}; found ${found()}. Add to it.`,
      };
    default:
      return {
        pointer: path,
        message: `Expected ${field} ${err.message ?? 'to be valid'}${hint}; found ${found()}. Change the value.`,
      };
  }
}

/** Validate data against a named schema; one problem per faulty value, most specific first. */
export function validateAgainst(name: SchemaName, data: unknown, what: string): SchemaProblem[] {
  const v = validator(name);
  if (v(data)) return [];
  const errors = v.errors ?? [];
  // oneOf reports every branch's failure: where a value has other errors than a type
  // mismatch, the type mismatch came from a branch the author did not mean.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    // propertyNames only says a key failed; the key's own error, which names it, follows.
    if (
      e.keyword === 'oneOf' ||
      e.keyword === 'anyOf' ||
      e.keyword === 'if' ||
      e.keyword === 'propertyNames'
    )
      continue;
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const list of byPath.values()) {
    const meant = list.some((e) => e.keyword !== 'type')
      ? list.filter((e) => e.keyword !== 'type')
      : list.slice(0, 1);
    for (const e of meant) {
      if (out.length >= MAX_SCHEMA_PROBLEMS) return out;
      const problem = explain(e, data, what);
      if (seen.has(problem.message)) continue;
      seen.add(problem.message);
      out.push(problem);
    }
  }
  if (out.length === 0 && errors[0]) out.push(explain(errors[0], data, what));
  return out;
}
