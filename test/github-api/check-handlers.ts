import { notFound, repoOf, type Handler } from './handler-kit.js';

/** Check runs: created by a grading run, listed by commit (to find one a 5xx hid), updated. */
export const CHECK_HANDLERS: Record<string, Handler> = {
  'checks/create': (s, p, body) => {
    const r = repoOf(s, p);
    if (!r) return notFound;
    const run = {
      id: s.id(),
      name: body.name,
      head_sha: body.head_sha,
      status: body.status ?? 'queued',
      conclusion: body.conclusion,
      output: body.output,
      ...(typeof body.external_id === 'string' ? { external_id: body.external_id } : {}),
      annotations: [...(body.output?.annotations ?? [])],
    };
    r.checkRuns.push(run);
    return {
      status: 201,
      body: { ...run, html_url: `https://github.com/${r.owner}/${r.name}/runs/${run.id}` },
    };
  },
  'checks/list-for-ref': (s, p, _b, q) => {
    const r = repoOf(s, p);
    if (!r) return notFound;
    const name = q.get('check_name');
    const list = r.checkRuns
      .filter((c) => c.head_sha === p.ref && (!name || c.name === name))
      .map((c) => ({ ...c }))
      .reverse();
    return {
      status: 200,
      list,
      wrap: (runs) => ({ total_count: list.length, check_runs: runs }),
    };
  },
  'checks/update': (s, p, body) => {
    const r = repoOf(s, p);
    const run = r?.checkRuns.find((x) => x.id === Number(p.check_run_id));
    if (!r || !run) return notFound;
    Object.assign(run, {
      status: body.status ?? run.status,
      conclusion: body.conclusion ?? run.conclusion,
      output: body.output ?? run.output,
    });
    run.annotations.push(...(body.output?.annotations ?? []));
    return { status: 200, body: { ...run } };
  },
};
