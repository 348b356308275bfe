import type { Comment, Repo } from './github-state.js';
import { CHECK_HANDLERS } from './check-handlers.js';
import { createHash } from 'node:crypto';
import { bodyTooLong, notFound, repoOf, user, type Handler } from './handler-kit.js';

/** A file's sha as git names its blob: what the contents API answers and asks back on update. */
const blobSha = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
};

export type { Reply } from './handler-kit.js';

function commentJson(r: Repo, c: Comment) {
  return {
    id: c.id,
    body: c.body,
    user: user(c.author),
    created_at: c.created_at,
    updated_at: c.updated_at,
    html_url: `https://github.com/${r.owner}/${r.name}/issues/${c.issue}#issuecomment-${c.id}`,
    issue_url: `https://api.github.com/repos/${r.owner}/${r.name}/issues/${c.issue}`,
  };
}

function issueJson(r: Repo, n: number) {
  const i = r.issues.get(n)!;
  return {
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.stateReason ?? null,
    user: user(i.author),
    labels: i.labels.map((name) => ({ name })),
    assignees: i.assignees.map(user),
    html_url: `https://github.com/${r.owner}/${r.name}/issues/${i.number}`,
    ...(i.isPull ? { pull_request: { url: '' } } : {}),
  };
}

/** Handlers by operationId: only what enablekit uses; anything else is answered 501. */
export const HANDLERS: Record<string, Handler> = {
  'pulls/get': (s, p) => {
    const r = repoOf(s, p);
    const pull = r?.pulls.get(Number(p.pull_number));
    if (!r || !pull) return notFound;
    return {
      status: 200,
      body: {
        number: pull.number,
        title: pull.title,
        state: pull.state,
        user: user(pull.author),
        head: { ...pull.head, repo: { full_name: `${r.owner}/${r.name}` } },
        base: { ...pull.base, repo: { full_name: `${r.owner}/${r.name}` } },
        labels: (r.issues.get(pull.number)?.labels ?? []).map((name) => ({ name })),
        html_url: `https://github.com/${r.owner}/${r.name}/pull/${pull.number}`,
      },
    };
  },
  'pulls/update': (s, p, body, q, login) => {
    const r = repoOf(s, p);
    const pull = r?.pulls.get(Number(p.pull_number));
    if (!r || !pull) return notFound;
    if (body.state === 'open' || body.state === 'closed') {
      pull.state = body.state;
      const issue = r.issues.get(pull.number);
      if (issue) issue.state = body.state;
    }
    if (typeof body.title === 'string') pull.title = body.title;
    return HANDLERS['pulls/get']!(s, p, {}, q, login);
  },
  'pulls/create': (s, p, body, _q, login) => {
    const r = repoOf(s, p);
    if (!r) return notFound;
    const tooLong = bodyTooLong('PullRequest', body.body);
    if (tooLong) return tooLong;
    const head = String(body.head);
    if ([...r.pulls.values()].some((x) => x.head.ref === head && x.state === 'open'))
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${r.owner}:${head}.`,
            },
          ],
        },
      };
    const pull = r.addPull({
      author: login,
      title: body.title,
      head: { ref: head, sha: r.branches.get(head) ?? `sha-${head}` },
      base: { ref: body.base, sha: r.branches.get(body.base) ?? 'base' },
      files: [],
    });
    r.issues.get(pull.number)!.body = body.body ?? '';
    return {
      status: 201,
      body: {
        number: pull.number,
        title: pull.title,
        state: 'open',
        user: user(login),
        head: { ref: head, sha: pull.head.sha },
        base: { ref: body.base, sha: pull.base.sha },
        html_url: `https://github.com/${r.owner}/${r.name}/pull/${pull.number}`,
      },
    };
  },
  'repos/get': (s, p) => {
    const r = repoOf(s, p);
    if (!r) return notFound;
    return {
      status: 200,
      body: {
        id: 1,
        name: r.name,
        full_name: `${r.owner}/${r.name}`,
        owner: user(r.owner),
        private: false,
        default_branch: r.defaultBranch,
        html_url: `https://github.com/${r.owner}/${r.name}`,
      },
    };
  },
  'pulls/list-files': (s, p) => {
    const pull = repoOf(s, p)?.pulls.get(Number(p.pull_number));
    if (!pull) return notFound;
    return {
      status: 200,
      list: pull.files.map((f, i) => ({
        sha: `f${i}`,
        filename: f.filename,
        status: f.status,
        additions: 1,
        deletions: 0,
        changes: 1,
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
      })),
    };
  },
  'repos/get-content': (s, p, _b, q) => {
    const r = repoOf(s, p);
    const ref = q.get('ref') ?? 'main';
    const text = r?.file(ref, p.path!);
    if (!r || text === undefined) return notFound;
    const content = Buffer.from(text, 'utf8');
    // As GitHub does: a file over 1 MB comes with its size and no content.
    const big = content.length > 1024 * 1024;
    return {
      status: 200,
      body: {
        type: 'file',
        encoding: big ? 'none' : 'base64',
        size: content.length,
        name: p.path!.split('/').pop(),
        path: p.path,
        content: big ? '' : content.toString('base64'),
        sha: blobSha(text),
      },
    };
  },
  // Writes a file on a branch (the default, main, unless named), as GitHub does: updating needs
  // the sha of the version replaced (409 when it is not the current one), creating needs none.
  'repos/create-or-update-file-contents': (s, p, body) => {
    const r = repoOf(s, p);
    if (!r) return notFound;
    const branch = typeof body.branch === 'string' ? body.branch : 'main';
    const current = r.file(branch, p.path!);
    if (current !== undefined && body.sha === undefined)
      return {
        status: 422,
        body: { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' },
      };
    if (current !== undefined && body.sha !== blobSha(current))
      return {
        status: 409,
        body: { message: `${p.path} does not match ${String(body.sha)}` },
      };
    const text = Buffer.from(String(body.content), 'base64').toString('utf8');
    r.setFile(branch, p.path!, text);
    r.fileWrites.push({ branch, path: p.path!, message: String(body.message) });
    return {
      status: current === undefined ? 201 : 200,
      body: {
        content: { name: p.path!.split('/').pop(), path: p.path, sha: blobSha(text), type: 'file' },
        commit: { sha: blobSha(`${branch}:${p.path}:${text}`), message: body.message },
      },
    };
  },
  'issues/list-comments': (s, p) => {
    const r = repoOf(s, p);
    if (!r?.issues.has(Number(p.issue_number))) return notFound;
    return {
      status: 200,
      list: r.comments
        .filter((c) => c.issue === Number(p.issue_number))
        .map((c) => commentJson(r, c)),
    };
  },
  'issues/create-comment': (s, p, body, _q, login) => {
    const r = repoOf(s, p);
    if (!r?.issues.has(Number(p.issue_number))) return notFound;
    const tooLong = bodyTooLong('IssueComment', body.body);
    if (tooLong) return tooLong;
    const c: Comment = {
      id: s.id(),
      issue: Number(p.issue_number),
      author: login,
      body: body.body,
      created_at: s.now(),
      updated_at: s.now(),
    };
    r.comments.push(c);
    return { status: 201, body: commentJson(r, c) };
  },
  'issues/update-comment': (s, p, body) => {
    const r = repoOf(s, p);
    const c = r?.comments.find((x) => x.id === Number(p.comment_id));
    if (!r || !c) return notFound;
    const tooLong = bodyTooLong('IssueComment', body.body);
    if (tooLong) return tooLong;
    c.body = body.body;
    c.updated_at = s.now();
    return { status: 200, body: commentJson(r, c) };
  },
  'issues/list-labels-on-issue': (s, p) => {
    const i = repoOf(s, p)?.issues.get(Number(p.issue_number));
    if (!i) return notFound;
    return { status: 200, list: i.labels.map((name) => ({ name, color: 'ededed' })) };
  },
  'issues/add-labels': (s, p, body) => {
    const r = repoOf(s, p);
    const i = r?.issues.get(Number(p.issue_number));
    if (!r || !i) return notFound;
    for (const l of (body.labels ?? []) as string[]) {
      r.labels.add(l);
      if (!i.labels.includes(l)) i.labels.push(l);
    }
    i.updated_at = s.now();
    return { status: 200, body: i.labels.map((name) => ({ name, color: 'ededed' })) };
  },
  'issues/remove-label': (s, p) => {
    const i = repoOf(s, p)?.issues.get(Number(p.issue_number));
    if (!i || !i.labels.includes(p.name!)) return notFound;
    i.labels = i.labels.filter((l) => l !== p.name);
    i.updated_at = s.now();
    return { status: 200, body: i.labels.map((name) => ({ name })) };
  },
  'issues/get': (s, p) => {
    const r = repoOf(s, p);
    if (!r?.issues.has(Number(p.issue_number))) return notFound;
    return { status: 200, body: issueJson(r, Number(p.issue_number)) };
  },
  'issues/create': (s, p, body, _q, login) => {
    const r = repoOf(s, p);
    if (!r) return notFound;
    const tooLong = bodyTooLong('Issue', body.body);
    if (tooLong) return tooLong;
    const i = r.addIssue(
      body.title,
      body.body ?? '',
      login,
      (body.labels ?? []).map((l: string | { name: string }) =>
        typeof l === 'string' ? l : l.name,
      ),
      body.assignees ?? [],
    );
    i.updated_at = s.now();
    return { status: 201, body: issueJson(r, i.number) };
  },
  'issues/list-for-repo': (s, p, _b, q) => {
    const r = repoOf(s, p);
    if (!r) return notFound;
    const state = q.get('state') ?? 'open';
    const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
    // GitHub lists pull requests among issues, newest first.
    const list = [...r.issues.values()]
      .filter(
        (i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)),
      )
      .sort((a, b) => b.number - a.number);
    return { status: 200, list: list.map((i) => issueJson(r, i.number)) };
  },
  'issues/update': (s, p, body) => {
    const r = repoOf(s, p);
    const i = r?.issues.get(Number(p.issue_number));
    if (!r || !i) return notFound;
    const tooLong = bodyTooLong('Issue', body.body);
    if (tooLong) return tooLong;
    if (typeof body.title === 'string') i.title = body.title;
    if (typeof body.body === 'string') i.body = body.body;
    if (body.state === 'open' || body.state === 'closed') {
      i.state = body.state;
      if (body.state === 'open') delete i.stateReason;
    }
    if (typeof body.state_reason === 'string') i.stateReason = body.state_reason;
    if (Array.isArray(body.labels))
      i.labels = body.labels.map((l: string | { name: string }) =>
        typeof l === 'string' ? l : l.name,
      );
    if (Array.isArray(body.assignees)) i.assignees = body.assignees;
    i.updated_at = s.now();
    return { status: 200, body: issueJson(r, i.number) };
  },
  'repos/list-releases': (s, p) => {
    const r = repoOf(s, p);
    if (!r) return notFound;
    return {
      status: 200,
      list: r.releases.map((x, k) => ({
        id: k + 1,
        tag_name: x.tag_name,
        name: x.tag_name,
        body: x.body,
        draft: x.draft,
        prerelease: false,
      })),
    };
  },
  'repos/compare-commits-with-basehead': (s, p) => {
    const r = repoOf(s, p);
    const c = r?.comparisons.get(p.basehead!);
    if (!r || !c) return notFound;
    return {
      status: 200,
      list: c.commits,
      wrap: (commits) => ({
        status: 'ahead',
        ahead_by: c.commits.length,
        behind_by: 0,
        total_commits: c.commits.length,
        commits: (commits as { sha: string; message: string }[]).map((x) => ({
          sha: x.sha,
          commit: { message: x.message },
        })),
        files: c.files.map((filename) => ({ filename, status: 'modified' })),
      }),
    };
  },
  'pulls/list': (s, p, _b, q) => {
    const r = repoOf(s, p);
    if (!r) return notFound;
    const state = q.get('state') ?? 'open';
    const head = q.get('head')?.split(':').pop();
    const pulls = [...r.pulls.values()]
      .filter((x) => (state === 'all' || x.state === state) && (!head || x.head.ref === head))
      .sort((a, b) => b.number - a.number);
    return {
      status: 200,
      list: pulls.map((x) => ({
        number: x.number,
        title: x.title,
        state: x.state,
        user: user(x.author),
        head: { ref: x.head.ref, sha: x.head.sha },
        html_url: `https://github.com/${r.owner}/${r.name}/pull/${x.number}`,
        labels: (r.issues.get(x.number)?.labels ?? []).map((name) => ({ name })),
      })),
    };
  },
  'reactions/list-for-issue': (s, p) => {
    const r = repoOf(s, p);
    if (!r?.issues.has(Number(p.issue_number))) return notFound;
    return {
      status: 200,
      list: r.reactions
        .filter((x) => x.issue === Number(p.issue_number))
        .map((x, k) => ({
          id: k + 1,
          node_id: `R${k}`,
          user: user(x.user),
          content: x.content,
          created_at: x.created_at,
        })),
    };
  },
  'teams/list-members-in-org': (s, p) => {
    const members = s.teams.get(`${p.org}/${p.team_slug}`.toLowerCase());
    if (!members) return notFound;
    return { status: 200, list: members.map(user) };
  },
  ...CHECK_HANDLERS,
};
