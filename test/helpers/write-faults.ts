import type { Fault, LocalGitHub } from '../github-api/server.js';

/**
 * Faults on the writes the Action makes, for the exactly-once tests (test/action-exactly-once-*.test.ts):
 * each case ends with every comment, issue, record and check run present once, and the outcome a
 * run without faults has.
 */
export type WriteFault = Omit<Fault, 'match' | 'body'>;

/** The three faults, each injected once on the write a case names. */
export const FAULTS: { name: string; fault: WriteFault }[] = [
  { name: 'applied, then answered 502', fault: { status: 502, times: 1, applied: true } },
  { name: 'answered 502, then fine', fault: { status: 502, times: 1 } },
  {
    name: 'a secondary rate limit (403, retry-after)',
    fault: { status: 403, times: 1, retryAfter: 1 },
  },
];

/** No answer at all after the write was applied: for the creates, where it matters. */
export const DROPPED: { name: string; fault: WriteFault } = {
  name: 'applied, then the connection dropped',
  fault: { status: 502, times: 1, applied: true, drop: true },
};

/** Not applied, every time the run asks: octokit's and enablekit's retries run out and the run fails. */
export const KEEPS_FAILING: WriteFault = { status: 502, times: 4 };

/** Whether the server answered with the fault: a case whose fault never fired proves nothing. */
export const faultedIn = (server: LocalGitHub, f: WriteFault) =>
  server.calls.some((c) => c.status === (f.drop ? 0 : f.status));

export const count = (bodies: readonly string[], pattern: RegExp) =>
  bodies.filter((b) => pattern.test(b)).length;
