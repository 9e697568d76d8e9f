/**
 * An in-memory Jira site behind `requestJira`, for tests that mock `@forge/api` at its edge: the
 * REST calls the app makes (issue fields, issue and app properties, comments, my permissions) answered from
 * plain data, and every call recorded.
 */
export interface FakeIssue {
  summary: string;
  status: string;
  statusCategory?: 'new' | 'indeterminate' | 'done';
  resolution?: string;
  issueType: string;
  /** `YYYY-MM-DD`, Jira's `duedate`. */
  dueDate?: string;
}

export interface FakeComment {
  id: string;
  author: 'user';
  body: unknown;
}

export interface RecordedCall {
  as: 'app' | 'user';
  method: string;
  path: string;
  body?: unknown;
}

type Route = { readonly value: string };
type Init = { method?: string; body?: unknown } | undefined;

export class FakeJira {
  readonly issues = new Map<string, FakeIssue>();
  readonly issueProperties = new Map<string, Map<string, unknown>>();
  readonly appProperties = new Map<string, unknown>();
  /** Comments per issue key, oldest first. */
  readonly comments = new Map<string, FakeComment[]>();
  /** Permissions the calling user holds: `ADMINISTER`, or `EDIT_ISSUES:OPS-1` per issue. */
  readonly userPermissions = new Set<string>();
  readonly calls: RecordedCall[] = [];

  reset() {
    this.issues.clear();
    this.issueProperties.clear();
    this.appProperties.clear();
    this.comments.clear();
    this.userPermissions.clear();
    this.calls.length = 0;
  }

  /** Grants the user browse, edit and comment permission on the issues. */
  allowUser(...issueKeys: string[]) {
    for (const key of issueKeys) {
      this.userPermissions.add(`BROWSE_PROJECTS:${key}`);
      this.userPermissions.add(`EDIT_ISSUES:${key}`);
      this.userPermissions.add(`ADD_COMMENTS:${key}`);
    }
  }

  writes(): RecordedCall[] {
    return this.calls.filter(c => c.method !== 'GET');
  }

  requestJira(as: 'app' | 'user') {
    return async (route: Route, init?: Init) => this.handle(as, route.value, init);
  }

  private handle(as: 'app' | 'user', pathAndQuery: string, init: Init) {
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = new URL(pathAndQuery, 'https://jira.test');
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    this.calls.push({ as, method, path: url.pathname, ...(body === undefined ? {} : { body }) });

    if (url.pathname === '/rest/api/3/mypermissions' && method === 'GET' && as === 'user') {
      const issueKey = url.searchParams.get('issueKey');
      const permissions = Object.fromEntries(
        (url.searchParams.get('permissions') ?? '').split(',').map(p => [
          p,
          { havePermission: this.userPermissions.has(issueKey ? `${p}:${issueKey}` : p) },
        ]),
      );
      return respond(200, { permissions });
    }
    let m = url.pathname.match(/^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/);
    if (m && as === 'app') {
      const [, key, property] = m.map(decodeURIComponent);
      if (!this.issues.has(key)) return respond(404, { errorMessages: ['Issue does not exist'] });
      const props = this.issueProperties.get(key) ?? new Map<string, unknown>();
      if (method === 'GET') {
        return props.has(property) ? respond(200, { key: property, value: props.get(property) }) : respond(404, {});
      }
      if (method === 'PUT') {
        const created = !props.has(property);
        props.set(property, body);
        this.issueProperties.set(key, props);
        return respond(created ? 201 : 200, undefined);
      }
    }
    m = url.pathname.match(/^\/rest\/api\/3\/issue\/([^/]+)$/);
    if (m && method === 'GET' && as === 'app') {
      const key = decodeURIComponent(m[1]);
      const issue = this.issues.get(key);
      if (!issue) return respond(404, { errorMessages: ['Issue does not exist'] });
      return respond(200, {
        key,
        fields: {
          summary: issue.summary,
          status: { name: issue.status, statusCategory: { key: issue.statusCategory ?? 'indeterminate' } },
          resolution: issue.resolution ? { name: issue.resolution } : null,
          issuetype: { name: issue.issueType },
          duedate: issue.dueDate ?? null,
        },
      });
    }
    m = url.pathname.match(/^\/rest\/api\/3\/issue\/([^/]+)\/comment$/);
    if (m && method === 'POST' && as === 'user') {
      const key = decodeURIComponent(m[1]);
      if (!this.issues.has(key)) return respond(404, { errorMessages: ['Issue does not exist'] });
      if (!this.userPermissions.has(`ADD_COMMENTS:${key}`)) return respond(403, { errorMessages: ['No permission'] });
      const comments = this.comments.get(key) ?? [];
      const comment: FakeComment = { id: String(10000 + comments.length), author: 'user', body: (body as { body?: unknown })?.body };
      this.comments.set(key, [...comments, comment]);
      return respond(201, { id: comment.id, body: comment.body });
    }
    m = url.pathname.match(/^\/rest\/forge\/1\/app\/properties\/([^/]+)$/);
    if (m && method === 'PUT' && as === 'app') {
      this.appProperties.set(decodeURIComponent(m[1]), body);
      return respond(200, undefined);
    }
    return respond(404, { errorMessages: [`FakeJira has no ${method} ${url.pathname} as ${as}`] });
  }
}

function respond(status: number, body: unknown) {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: new Headers({ 'content-type': 'application/json' }),
    json: async () => JSON.parse(text),
    text: async () => text,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer,
  };
}
