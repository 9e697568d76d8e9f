/**
 * An in-memory Jira site behind `requestJira`, for tests that mock `@forge/api` at its edge: the
 * REST calls the app makes (issues, issue and app properties, platform and service desk comments,
 * permissions, the admin page's lists, the asset field, JQL) answered from plain data, and every
 * call recorded.
 */
export interface FakeIssue {
  /** The immutable issue id (Jira's number, as a string). */
  id: string;
  summary: string;
  status: string;
  statusCategory?: 'new' | 'indeterminate' | 'done';
  resolution?: string;
  issueType: string;
  issueTypeId: string;
  projectId: string;
  /** `YYYY-MM-DD`, Jira's `duedate`. */
  dueDate?: string;
  /** A Jira Service Management request (its project is a service desk). */
  serviceDesk?: boolean;
  /** In a project the app's own account cannot browse (only the user can read it). */
  restricted?: boolean;
  /** Other field values by field id (custom fields). */
  fields?: Record<string, unknown>;
}

export interface FakeComment {
  id: string;
  author: 'user';
  body: unknown;
  /** Service desk comments only: whether customers see it. */
  public?: boolean;
  api: 'platform' | 'servicedesk';
}

export interface RecordedCall {
  as: 'app' | 'user';
  method: string;
  path: string;
  body?: unknown;
}

type Route = { readonly value: string };
type Init = { method?: string; body?: unknown } | undefined;

/** The asset field as Jira lists it: a Forge field's schema names the app's module. */
export const FAKE_ASSET_FIELD_ID = 'customfield_10500';

export class FakeJira {
  /** Issues by their current key. */
  readonly issues = new Map<string, FakeIssue>();
  /** Issue properties by issue id. */
  readonly issueProperties = new Map<string, Map<string, unknown>>();
  readonly appProperties = new Map<string, unknown>();
  /** Comments per issue id, oldest first. */
  readonly comments = new Map<string, FakeComment[]>();
  /** Permissions the calling user holds: `ADMINISTER`, or `EDIT_ISSUES:OPS-1` per issue key. */
  readonly userPermissions = new Set<string>();
  readonly issueTypes = [
    { id: '10001', name: 'Incident' },
    { id: '10002', name: 'Problem' },
    { id: '10003', name: 'Service Request' },
    { id: '10004', name: 'Change' },
    { id: '10005', name: 'Task' },
  ];
  readonly projects = [
    { id: '10000', key: 'OPS', name: 'Operations' },
    { id: '10010', key: 'CHG', name: 'Changes' },
    { id: '10020', key: 'SUP', name: 'Support' },
    { id: '10030', key: 'HR', name: 'People' },
  ];
  readonly fields = [
    { id: 'summary', name: 'Summary', schema: { type: 'string' } },
    { id: 'duedate', name: 'Due date', schema: { type: 'date' } },
    { id: 'customfield_10060', name: 'Planned start', schema: { type: 'datetime' } },
    { id: 'customfield_10061', name: 'Planned end', schema: { type: 'datetime' } },
    {
      id: FAKE_ASSET_FIELD_ID,
      name: 'Assets (ITAM)',
      schema: { type: 'array', custom: 'ari:cloud:ecosystem::extension/app-id/env-id/static/itam-asset-field' },
    },
  ];
  /** Issue ids the next JQL search answers (the app's JQL is not evaluated here). */
  jqlResult: string[] | undefined;
  /** Writes to paths matching this fail with 500 (to test what the app does then). */
  failWrites: RegExp | undefined;
  readonly calls: RecordedCall[] = [];

  reset() {
    this.issues.clear();
    this.issueProperties.clear();
    this.appProperties.clear();
    this.comments.clear();
    this.userPermissions.clear();
    this.jqlResult = undefined;
    this.failWrites = undefined;
    this.calls.length = 0;
  }

  /** Adds an issue under a key. */
  addIssue(key: string, issue: FakeIssue) {
    this.issues.set(key, issue);
  }

  /** Moves an issue to another key (another project, or a project key rename); its id stays. */
  moveIssue(fromKey: string, toKey: string, projectId?: string) {
    const issue = this.issues.get(fromKey);
    if (!issue) throw new Error(`No issue ${fromKey}`);
    this.issues.delete(fromKey);
    this.issues.set(toKey, { ...issue, ...(projectId ? { projectId } : {}) });
    for (const perm of [...this.userPermissions]) {
      if (perm.endsWith(`:${fromKey}`)) this.userPermissions.add(`${perm.slice(0, -fromKey.length)}${toKey}`);
    }
  }

  /** Grants the user browse, edit and comment permission on the issues (by key). */
  allowUser(...issueKeys: string[]) {
    for (const key of issueKeys) {
      this.userPermissions.add(`BROWSE_PROJECTS:${key}`);
      this.userPermissions.add(`EDIT_ISSUES:${key}`);
      this.userPermissions.add(`ADD_COMMENTS:${key}`);
    }
  }

  /** The issue with this id or key, and its current key. */
  find(idOrKey: string): { key: string; issue: FakeIssue } | undefined {
    const byKey = this.issues.get(idOrKey);
    if (byKey) return { key: idOrKey, issue: byKey };
    for (const [key, issue] of this.issues) if (issue.id === idOrKey) return { key, issue };
    return undefined;
  }

  property(idOrKey: string, propertyKey: string): unknown {
    const found = this.find(idOrKey);
    return found ? this.issueProperties.get(found.issue.id)?.get(propertyKey) : undefined;
  }

  writes(): RecordedCall[] {
    return this.calls.filter(c => c.method !== 'GET');
  }

  requestJira(as: 'app' | 'user') {
    return async (route: Route, init?: Init) => this.handle(as, route.value, init);
  }

  private can(permission: string, key: string) {
    return this.userPermissions.has(`${permission}:${key}`);
  }

  private handle(as: 'app' | 'user', pathAndQuery: string, init: Init) {
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = new URL(pathAndQuery, 'https://jira.test');
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const path = decodeURIComponent(url.pathname);
    this.calls.push({ as, method, path, ...(body === undefined ? {} : { body }) });
    if (method !== 'GET' && this.failWrites?.test(path)) return respond(500, { errorMessages: ['Jira failed'] });
    const visible = (idOrKey: string) => {
      const found = this.find(idOrKey);
      if (!found) return undefined;
      if (as === 'app' && found.issue.restricted) return undefined;
      if (as === 'user' && !this.can('BROWSE_PROJECTS', found.key)) return undefined;
      return found;
    };

    if (path === '/rest/api/3/mypermissions' && method === 'GET' && as === 'user') {
      const issueId = url.searchParams.get('issueId');
      const key = issueId ? this.find(issueId)?.key : undefined;
      const permissions = Object.fromEntries(
        (url.searchParams.get('permissions') ?? '').split(',').map(p => [
          p,
          { havePermission: issueId ? key !== undefined && this.can(p, key) : this.userPermissions.has(p) },
        ]),
      );
      return respond(200, { permissions });
    }
    if (path === '/rest/api/3/permissions/check' && method === 'POST' && as === 'user') {
      const asked = (body as { projectPermissions: { permissions: string[]; issues: number[] }[] }).projectPermissions;
      return respond(200, {
        projectPermissions: asked.flatMap(a =>
          a.permissions.map(permission => ({
            permission,
            issues: a.issues.filter(id => {
              const found = this.find(String(id));
              return found !== undefined && this.can(permission, found.key);
            }),
            projects: [],
          })),
        ),
      });
    }
    let m = path.match(/^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/);
    if (m && as === 'app') {
      const found = this.find(m[1]);
      if (!found) return respond(404, { errorMessages: ['Issue does not exist'] });
      const props = this.issueProperties.get(found.issue.id) ?? new Map<string, unknown>();
      if (method === 'GET') {
        return props.has(m[2]) ? respond(200, { key: m[2], value: props.get(m[2]) }) : respond(404, {});
      }
      if (method === 'PUT') {
        const created = !props.has(m[2]);
        props.set(m[2], body);
        this.issueProperties.set(found.issue.id, props);
        return respond(created ? 201 : 200, undefined);
      }
    }
    m = path.match(/^\/rest\/api\/3\/issue\/([^/]+)$/);
    if (m && method === 'GET') {
      const found = visible(m[1]);
      if (!found) return respond(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
      const { key, issue } = found;
      return respond(200, {
        id: issue.id,
        key,
        fields: {
          summary: issue.summary,
          status: { name: issue.status, statusCategory: { key: issue.statusCategory ?? 'indeterminate' } },
          resolution: issue.resolution ? { name: issue.resolution } : null,
          issuetype: { id: issue.issueTypeId, name: issue.issueType },
          project: { id: issue.projectId },
          duedate: issue.dueDate ?? null,
          ...issue.fields,
        },
      });
    }
    m = path.match(/^\/rest\/api\/3\/issue\/([^/]+)\/comment$/);
    if (m && method === 'POST' && as === 'user') {
      const found = this.find(m[1]);
      if (!found) return respond(404, { errorMessages: ['Issue does not exist'] });
      if (!this.can('ADD_COMMENTS', found.key)) return respond(403, { errorMessages: ['No permission'] });
      return respond(201, this.comment(found.issue.id, { body: (body as { body?: unknown })?.body, api: 'platform' }));
    }
    m = path.match(/^\/rest\/servicedeskapi\/request\/([^/]+)$/);
    if (m && method === 'GET' && as === 'user') {
      const found = visible(m[1]);
      return found?.issue.serviceDesk ? respond(200, { issueId: found.issue.id, issueKey: found.key }) : respond(404, {});
    }
    m = path.match(/^\/rest\/servicedeskapi\/request\/([^/]+)\/comment$/);
    if (m && method === 'POST' && as === 'user') {
      const found = visible(m[1]);
      if (!found?.issue.serviceDesk) return respond(404, { errorMessage: 'Request does not exist' });
      const { body: text, public: isPublic } = body as { body: string; public: boolean };
      return respond(201, this.comment(found.issue.id, { body: text, public: isPublic, api: 'servicedesk' }));
    }
    m = path.match(/^\/rest\/forge\/1\/app\/properties\/([^/]+)$/);
    if (m && method === 'PUT' && as === 'app') {
      this.appProperties.set(m[1], body);
      return respond(200, undefined);
    }
    if (path === '/rest/api/3/issuetype' && method === 'GET') return respond(200, this.issueTypes);
    if (path === '/rest/api/3/project/search' && method === 'GET') {
      return respond(200, { values: this.projects, isLast: true, total: this.projects.length });
    }
    if (path === '/rest/api/3/field' && method === 'GET') return respond(200, this.fields);
    m = path.match(/^\/rest\/api\/3\/app\/field\/([^/]+)\/value$/);
    if (m && method === 'PUT' && as === 'app') {
      for (const update of (body as { updates: { issueIds: number[]; value: unknown }[] }).updates) {
        for (const id of update.issueIds) {
          const found = this.find(String(id));
          if (!found) return respond(404, {});
          found.issue.fields = { ...found.issue.fields, [m[1]]: update.value };
        }
      }
      return respond(204, undefined);
    }
    if (path === '/rest/api/3/search/jql' && method === 'POST' && as === 'app') {
      const ids = this.jqlResult ?? [];
      return respond(200, { issues: ids.map(id => ({ id })) });
    }
    return respond(404, { errorMessages: [`FakeJira has no ${method} ${path} as ${as}`] });
  }

  private comment(issueId: string, comment: Omit<FakeComment, 'id' | 'author'>) {
    const comments = this.comments.get(issueId) ?? [];
    const stored: FakeComment = { id: String(10000 + comments.length), author: 'user', ...comment };
    this.comments.set(issueId, [...comments, stored]);
    return { id: stored.id, body: stored.body };
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
