import { schema as published } from '@octokit/graphql-schema';
import {
  buildSchema,
  execute,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import {
  issueUpdatedAt,
  type Comment,
  type GitHubState,
  type Issue,
  type Repo,
} from './github-state.js';
import { user } from './handler-kit.js';

/** What a GraphQL request was, for the server's call log: only a mutation writes. */
export type GraphQLKind = 'query' | 'mutation' | 'invalid';

export interface GraphQLAnswer {
  kind: GraphQLKind;
  /** The operation's name, as the client named it (for call counts). */
  name?: string;
  body: { data?: unknown; errors?: { message: string; type?: string; path?: unknown }[] };
}

let shared: GraphQLSchema | undefined;
// Building GitHub's 70,000-line schema takes a second: once per process, like the OpenAPI validator.
const githubSchema = () => (shared ??= buildSchema(published.idl, { assumeValidSDL: true }));

interface Ctx {
  state: GitHubState;
  violations: string[];
  /** Comments by issue number, per repository: built once per request, not once per issue. */
  comments: Map<Repo, Map<number, Comment[]>>;
}

type Args = Record<string, any>;

/**
 * GitHub's GraphQL API over the local server's state, checked against GitHub's published
 * schema (@octokit/graphql-schema): a query GitHub would reject (a field that does not exist,
 * a wrong argument type, a connection without `first` or `last`, more than 100 a page) is a
 * violation, as a bad REST request is. Resolvers cover what enablekit reads; any other field
 * of the schema is answered null and recorded as not implemented, never silently.
 */
export function answerGraphQL(
  state: GitHubState,
  request: unknown,
  violations: string[],
): GraphQLAnswer {
  const { query, variables, operationName } = (request ?? {}) as {
    query?: unknown;
    variables?: Record<string, unknown>;
    operationName?: string;
  };
  const invalid = (messages: string[]): GraphQLAnswer => {
    violations.push(...messages.map((m) => `POST /graphql: ${m}`));
    return { kind: 'invalid', body: { errors: messages.map((message) => ({ message })) } };
  };
  if (typeof query !== 'string') return invalid(['the body has no query']);
  let doc: DocumentNode;
  try {
    doc = parse(query);
  } catch (e) {
    return invalid([(e as GraphQLError).message]);
  }
  const errors = validate(githubSchema(), doc);
  if (errors.length) return invalid(errors.map((e) => e.message));
  const op = doc.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const kind: GraphQLKind = op?.operation === OperationTypeNode.MUTATION ? 'mutation' : 'query';
  const ctx: Ctx = { state, violations, comments: new Map() };
  const result = execute({
    schema: githubSchema(),
    document: doc,
    rootValue: kind === 'mutation' ? {} : queryRoot,
    contextValue: ctx,
    variableValues: variables ?? {},
    ...(operationName ? { operationName } : {}),
    fieldResolver,
  });
  if ('then' in result) throw new Error('the local GraphQL resolvers are synchronous');
  return {
    kind,
    ...(op?.name ? { name: op.name.value } : {}),
    body: {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.errors?.length
        ? {
            errors: result.errors.map((e) => ({
              message: e.message,
              ...(typeof e.extensions.type === 'string' ? { type: e.extensions.type } : {}),
              ...(e.path ? { path: e.path } : {}),
            })),
          }
        : {}),
    },
  };
}

/** A field is a value or a function of its arguments; a field the local server has no resolver for is a violation. */
const fieldResolver: GraphQLFieldResolver<Record<string, unknown>, Ctx, Args> = (
  source,
  args,
  ctx,
  info,
) => {
  if (!(info.fieldName in source)) {
    ctx.violations.push(
      `POST /graphql: ${info.parentType.name}.${info.fieldName} is valid but not implemented by the local server`,
    );
    return null;
  }
  const v = source[info.fieldName];
  return typeof v === 'function' ? (v as (a: Args, c: Ctx) => unknown)(args, ctx) : v;
};

const queryRoot = {
  // As GitHub: what is not there is null, with a NOT_FOUND error beside the data.
  repository: (a: Args, ctx: Ctx) => {
    const r = ctx.state.find(String(a.owner), String(a.name));
    if (!r) notFound(`Could not resolve to a Repository with the name '${a.owner}/${a.name}'.`);
    return repository(r);
  },
};

function repository(r: Repo) {
  const listed = (i: Issue) => !i.isPull;
  return {
    __typename: 'Repository',
    id: `R_${r.owner}/${r.name}`,
    name: r.name,
    nameWithOwner: `${r.owner}/${r.name}`,
    url: `https://github.com/${r.owner}/${r.name}`,
    issue: (a: Args) => {
      const i = r.issues.get(Number(a.number));
      if (!i || !listed(i))
        notFound(`Could not resolve to an Issue with the number of ${a.number}.`);
      return issue(r, i);
    },
    issues: (a: Args, ctx: Ctx) => {
      const filter = (a.filterBy ?? {}) as Record<string, unknown>;
      // viewerSubscribed defaults to false in GitHub's schema, so it is always there.
      for (const k of Object.keys(filter))
        if (
          k !== 'since' &&
          !(k === 'viewerSubscribed' && filter[k] === false) &&
          filter[k] != null
        )
          unsupported(ctx, `Repository.issues(filterBy: {${k}})`);
      // IssueFilters.since: "issues that have been updated at or after the given date", a new comment included.
      const since = typeof filter.since === 'string' ? Date.parse(filter.since) : undefined;
      const labels = (a.labels ?? []) as string[];
      const states = ((a.states ?? []) as string[]).map((s) => s.toLowerCase());
      // GitHub's labels argument matches issues carrying any of them (REST's labels=, all of them).
      const list = [...r.issues.values()]
        .filter(
          (i) =>
            listed(i) &&
            (!labels.length || labels.some((l) => i.labels.includes(l))) &&
            (!states.length || states.includes(i.state)) &&
            (since === undefined ||
              Date.parse(issueUpdatedAt(i, commentsOf(ctx, r, i.number))) >= since),
        )
        .sort((x, y) => x.number - y.number);
      if (a.orderBy && a.orderBy.field !== 'CREATED_AT')
        unsupported(ctx, `Repository.issues(orderBy: ${a.orderBy.field})`);
      if (a.orderBy?.direction === 'DESC') list.reverse();
      return connection(
        list.map((i) => issue(r, i)),
        a,
        ctx,
        'Repository.issues',
      );
    },
  };
}

function issue(r: Repo, i: Issue) {
  const url = `https://github.com/${r.owner}/${r.name}/issues/${i.number}`;
  return {
    __typename: 'Issue',
    id: `I_${r.owner}/${r.name}#${i.number}`,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state.toUpperCase(),
    stateReason: i.stateReason ? i.stateReason.toUpperCase() : null,
    url,
    author: actor(i.author),
    updatedAt: (_a: Args, ctx: Ctx) => issueUpdatedAt(i, commentsOf(ctx, r, i.number)),
    labels: (a: Args, ctx: Ctx) =>
      connection(
        i.labels.map((name) => ({ __typename: 'Label', name, color: 'ededed' })),
        a,
        ctx,
        'Issue.labels',
      ),
    comments: (a: Args, ctx: Ctx) =>
      connection(
        commentsOf(ctx, r, i.number).map((c) => ({
          __typename: 'IssueComment',
          id: `IC_${c.id}`,
          databaseId: c.id,
          body: c.body,
          author: actor(c.author),
          createdAt: c.created_at,
          updatedAt: c.updated_at,
          url: `${url}#issuecomment-${c.id}`,
        })),
        a,
        ctx,
        'Issue.comments',
      ),
  };
}

function commentsOf(ctx: Ctx, r: Repo, issue: number): Comment[] {
  let byIssue = ctx.comments.get(r);
  if (!byIssue) {
    byIssue = new Map();
    for (const c of r.comments) byIssue.set(c.issue, [...(byIssue.get(c.issue) ?? []), c]);
    ctx.comments.set(r, byIssue);
  }
  return byIssue.get(issue) ?? [];
}

/**
 * An author as GraphQL gives it: a bot's login without REST's `[bot]` suffix
 * (github-actions[bot] is Bot `github-actions`), its account id as databaseId.
 */
function actor(login: string) {
  const bot = login.endsWith('[bot]');
  return {
    __typename: bot ? 'Bot' : 'User',
    login: bot ? login.slice(0, -'[bot]'.length) : login,
    databaseId: user(login).id,
    url: `https://github.com/${bot ? `apps/${login.slice(0, -5)}` : login}`,
  };
}

const cursorOf = (n: number) => Buffer.from(`cursor:v2:${n}`).toString('base64');
const indexOf = (cursor: unknown): number | undefined => {
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(String(cursor), 'base64').toString('utf8'));
  return m ? Number(m[1]) : undefined;
};

/** A page of a connection, held to GitHub's rules: `first` or `last` is required, at most 100. */
function connection<T>(items: T[], a: Args, ctx: Ctx, where: string) {
  const first = a.first as number | undefined;
  const last = a.last as number | undefined;
  if (first === undefined && last === undefined)
    refuse(
      ctx,
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${where}\` connection.`,
    );
  for (const [name, n] of [
    ['first', first],
    ['last', last],
  ] as const)
    if (n !== undefined && (n < 0 || n > 100))
      refuse(
        ctx,
        `Requesting ${n} records on the \`${where}\` connection exceeds the \`${name}\` limit of 100 records.`,
      );
  let from = 0;
  let to = items.length;
  for (const [arg, set] of [
    ['after', (k: number) => (from = k + 1)],
    ['before', (k: number) => (to = k)],
  ] as const) {
    if (a[arg] === undefined || a[arg] === null) continue;
    const k = indexOf(a[arg]);
    if (k === undefined) refuse(ctx, `\`${a[arg]}\` does not appear to be a valid cursor.`);
    set(k);
  }
  if (first !== undefined) to = Math.min(to, from + first);
  if (last !== undefined) from = Math.max(from, to - last);
  const page = items.slice(from, to);
  return {
    totalCount: items.length,
    nodes: page,
    edges: page.map((node, k) => ({ node, cursor: cursorOf(from + k) })),
    pageInfo: {
      hasNextPage: to < items.length,
      hasPreviousPage: from > 0,
      startCursor: page.length ? cursorOf(from) : null,
      endCursor: page.length ? cursorOf(to - 1) : null,
    },
  };
}

function notFound(message: string): never {
  throw new GraphQLError(message, { extensions: { type: 'NOT_FOUND' } });
}

function refuse(ctx: Ctx, message: string): never {
  ctx.violations.push(`POST /graphql: ${message}`);
  throw new GraphQLError(message);
}

function unsupported(ctx: Ctx, what: string): void {
  ctx.violations.push(`POST /graphql: ${what} is valid but not implemented by the local server`);
}
