import type { Client } from './calls.js';

/** A GET's last answer: its ETag, what it said, and its Link header (the pages after it). */
export interface KeptAnswer {
  etag: string;
  data: unknown;
  link?: string;
}

/**
 * Conditional REST reads: every GET this client makes sends If-None-Match with the ETag kept
 * from the last time it was answered (by URL), and a 304 (not modified) is answered from what
 * was kept. GitHub does not count a 304 against the rate limit. `last` is what the last run
 * kept; `kept()` what this run's reads leave for the next (only URLs read this run, so it does
 * not grow from run to run).
 *
 * GitHub's ETags are per token: the workflow's token (and a GitHub App's) is new each run, so
 * across runs a 304 comes only with a token that stays the same; within a run, every read
 * repeated is a 304.
 */
export function conditionalReads(
  gh: Client,
  last: Readonly<Record<string, KeptAnswer>> = {},
): { notModified: () => number; kept: () => Record<string, KeptAnswer> } {
  const kept = new Map<string, KeptAnswer>(Object.entries(last));
  const used = new Set<string>();
  let notModified = 0;
  gh.hook.wrap('request', async (request, options) => {
    const { method, url } = gh.request.endpoint.parse(options);
    if (method !== 'GET') return request(options);
    used.add(url);
    const before = kept.get(url);
    if (before) options.headers = { ...options.headers, 'if-none-match': before.etag };
    try {
      const answer = await request(options);
      const etag = answer.headers.etag;
      if (typeof etag === 'string' && answer.status === 200)
        kept.set(url, {
          etag,
          data: answer.data,
          ...(typeof answer.headers.link === 'string' ? { link: answer.headers.link } : {}),
        });
      else kept.delete(url);
      return answer;
    } catch (e) {
      const r = (e as { status?: number; response?: { headers: Record<string, unknown> } })
        .response;
      if ((e as { status?: number }).status !== 304 || !before) throw e;
      notModified++;
      return {
        ...r,
        status: 200,
        url,
        headers: { ...r?.headers, ...(before.link ? { link: before.link } : {}) },
        data: before.data,
      } as Awaited<ReturnType<typeof request>>;
    }
  });
  return {
    notModified: () => notModified,
    kept: () => Object.fromEntries([...kept].filter(([url]) => used.has(url))),
  };
}
