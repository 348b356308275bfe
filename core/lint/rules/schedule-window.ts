import type { Span } from '../../types.js';
import type { Rule, RuleContext } from '../rule.js';
import type { Window } from '../../model.js';
import { dedent } from '../../text/dedent.js';
import { changeTo } from '../change-to.js';

function checkOrder(ctx: RuleContext, file: string, w: Window, what: string): boolean {
  if (w.opens && w.due && w.opens >= w.due) {
    ctx.report({
      file,
      span: w.span,
      message: `Expected ${what} to open before it is due; found opens ${w.opens}, due ${w.due}. Move one of the dates.`,
    });
    return false;
  }
  return true;
}

function outside(
  ctx: RuleContext,
  file: string,
  span: Span,
  inner: Window,
  outer: Window,
  module: string,
): void {
  // The track's own date is the nearest that fits: a suggestion, since the author may mean a later one.
  const move = (at: Span | undefined, from: string, to: string, description: string) =>
    at ? changeTo(at, from, to, { description }) : undefined;
  if (outer.opens && inner.opens && inner.opens < outer.opens) {
    const fix = move(
      inner.opensSpan,
      inner.opens,
      outer.opens,
      `Open it on ${outer.opens}, with the track`,
    );
    ctx.report({
      file,
      span,
      message: `Expected module "${module}" to open inside the track's window (from ${outer.opens}); found opens ${inner.opens}. Move it to ${outer.opens} or later.`,
      ...(fix ? { fix } : {}),
    });
  }
  if (outer.due && inner.due && inner.due > outer.due) {
    const fix = move(
      inner.dueSpan,
      inner.due,
      outer.due,
      `Make it due ${outer.due}, with the track`,
    );
    ctx.report({
      file,
      span,
      message: `Expected module "${module}" to be due inside the track's window (by ${outer.due}); found due ${inner.due}. Move it to ${outer.due} or earlier.`,
      ...(fix ? { fix } : {}),
    });
  }
}

export const scheduleWindow: Rule = {
  meta: {
    id: 'schedule-window',
    description:
      "Schedule windows open before they are due, and a module's window lies inside its track's.",
    severity: 'error',
    rationale:
      'Learners in other time zones plan around these dates; a window that closes before it opens, or outside its track, sends reminders nobody can act on.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A window due before it opens, and a module due after its track',
      files: {
        't.md': dedent`
          ---
          type: track
          id: t
          title: T
          owner: alice
          roles: [support]
          window: {opens: 2027-01-04, due: 2027-02-26}
          modules:
            - module: a
              window: {opens: 2027-01-18, due: 2027-01-11}
            - module: b
              window: {opens: 2027-02-01, due: 2027-03-12}
          ---
          # T
        `,
      },
      expect: [
        {
          at: 't.md:10',
          message:
            'Expected module "a" to open before it is due; found opens 2027-01-18, due 2027-01-11',
        },
        {
          at: 't.md:11',
          message:
            'Expected module "b" to be due inside the track\'s window (by 2027-02-26); found due 2027-03-12',
        },
      ],
      suggested: {
        't.md': dedent`
          ---
          type: track
          id: t
          title: T
          owner: alice
          roles: [support]
          window: {opens: 2027-01-04, due: 2027-02-26}
          modules:
            - module: a
              window: {opens: 2027-01-18, due: 2027-01-11}
            - module: b
              window: {opens: 2027-02-01, due: 2027-02-26}
          ---
          # T
        `,
      },
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'track') continue;
      const trackOk = item.window
        ? checkOrder(ctx, item.file, item.window, `track "${item.id}"`)
        : true;
      for (const m of item.modules) {
        if (!m.window) continue;
        if (checkOrder(ctx, item.file, m.window, `module "${m.module}"`) && trackOk && item.window)
          outside(ctx, item.file, m.span, m.window, item.window, m.module);
      }
    }
  },
};
