/** The in-memory world the local GitHub API server serves: repos, refs, pulls, issues, checks. */

export interface PullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  previous_filename?: string;
}

export interface Pull {
  number: number;
  author: string;
  title: string;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  files: PullFile[];
  state: 'open' | 'closed';
}

export interface Comment {
  id: number;
  issue: number;
  author: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  author: string;
  labels: string[];
  assignees: string[];
  state: 'open' | 'closed';
  stateReason?: string;
  isPull: boolean;
  /**
   * When the issue itself last changed (body, title, state, labels). GitHub also counts a new
   * comment as a change to its issue; `issueUpdatedAt` adds that, so a comment a test pushes
   * straight into the state counts too.
   */
  updated_at?: string;
}

/** The issue's updatedAt as GitHub gives it: its own last change or its newest comment, whichever is later. */
export function issueUpdatedAt(i: Issue, comments: readonly Comment[]): string {
  let at = i.updated_at ?? '1970-01-01T00:00:00Z';
  for (const c of comments) if (c.created_at > at) at = c.created_at;
  return at;
}

export interface Release {
  tag_name: string;
  body: string;
  draft: boolean;
}

/** What the compare API answers for `base...head`: commits (paginated) and changed files. */
export interface Comparison {
  commits: { sha: string; message: string }[];
  files: string[];
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: unknown[] };
  /** What the run is for, as its creator keyed it. */
  external_id?: string;
  annotations: unknown[];
}

export class Repo {
  /** Files by ref (branch name or commit sha) → path → content. */
  readonly trees = new Map<string, Map<string, string>>();
  readonly pulls = new Map<number, Pull>();
  readonly issues = new Map<number, Issue>();
  readonly comments: Comment[] = [];
  /** Reactions on issues and pull requests. */
  readonly reactions: { issue: number; user: string; content: string; created_at: string }[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly labels = new Set<string>();
  readonly releases: Release[] = [];
  readonly comparisons = new Map<string, Comparison>();
  /** Branch name → head sha, for pull requests opened by name (the extension's submit). */
  readonly branches = new Map<string, string>();
  defaultBranch = 'main';
  private nextNumber = 1;

  constructor(
    readonly owner: string,
    readonly name: string,
  ) {}

  setFiles(ref: string, files: Record<string, string>): void {
    this.trees.set(ref, new Map(Object.entries(files)));
  }

  file(ref: string, path: string): string | undefined {
    return this.trees.get(ref)?.get(path);
  }

  /** One file written on a branch (the contents API), the rest of its tree kept. */
  setFile(ref: string, path: string, text: string): void {
    if (!this.trees.has(ref)) this.trees.set(ref, new Map());
    this.trees.get(ref)!.set(path, text);
  }

  /** Files written through the contents API, in order, with their commit messages. */
  readonly fileWrites: { branch: string; path: string; message: string }[] = [];

  addPull(p: Omit<Pull, 'number' | 'state'> & { number?: number }): Pull {
    const number = p.number ?? this.nextNumber;
    // Issues and pull requests share numbers on GitHub; a test that reuses one has a bug.
    if (this.issues.has(number) && !this.issues.get(number)!.isPull)
      throw new Error(
        `#${number} is already an issue in ${this.owner}/${this.name}; give the pull request another number.`,
      );
    this.nextNumber = Math.max(this.nextNumber, number + 1);
    const pull: Pull = { ...p, number, state: 'open' };
    this.pulls.set(number, pull);
    this.issues.set(number, {
      number,
      title: p.title,
      body: '',
      author: p.author,
      labels: [],
      assignees: [],
      state: 'open',
      isPull: true,
    });
    return pull;
  }

  addIssue(
    title: string,
    body: string,
    author: string,
    labels: string[] = [],
    assignees: string[] = [],
  ): Issue {
    const issue: Issue = {
      number: this.nextNumber++,
      title,
      body,
      author,
      labels,
      assignees,
      state: 'open',
      isPull: false,
      updated_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    this.issues.set(issue.number, issue);
    return issue;
  }
}

export class GitHubState {
  readonly repos = new Map<string, Repo>();
  /** GitHub's clock ahead of this machine's: a benchmark lets a day pass between scheduled runs. */
  clockOffsetMs = 0;
  /** Team members by `org/team-slug`. */
  readonly teams = new Map<string, string[]>();
  private nextId = 1000;

  repo(owner: string, name: string): Repo {
    const key = `${owner}/${name}`.toLowerCase();
    let r = this.repos.get(key);
    if (!r) {
      r = new Repo(owner, name);
      this.repos.set(key, r);
    }
    return r;
  }

  find(owner: string, name: string): Repo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  id(): number {
    return this.nextId++;
  }

  /** GitHub's time, to the second, as its timestamps give it. */
  now(): string {
    return new Date(Date.now() + this.clockOffsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}
