import { jiraSiteSchema } from '@itam/common';

/**
 * The Jira caller a Forge invocation token stands for: the site the app runs on and the user who
 * acted (`app` when Forge invoked the app without a user, e.g. a trigger).
 *
 * @public
 */
export interface ForgeCaller {
  /** The site's host, e.g. `acme.atlassian.net`: what ticket links are recorded under. */
  site: string;
  cloudId: string;
  accountId: string;
}

const SUBJECT = /^jira:([^/]+)\/([^/]+)\/([^/]+)$/;

/**
 * The service principal subject of a Forge caller: `jira:<site>/<cloudId>/<accountId>`. Backstage
 * keeps only a subject for an external caller, so the site and user travel in it.
 *
 * @public
 */
export function forgeSubject(caller: ForgeCaller): string {
  return `jira:${caller.site}/${caller.cloudId}/${caller.accountId}`;
}

/** The caller a subject made by {@link forgeSubject} stands for; undefined for any other subject. */
export function parseForgeSubject(subject: string): ForgeCaller | undefined {
  const m = SUBJECT.exec(subject);
  if (!m) return undefined;
  const site = jiraSiteSchema.safeParse(m[1]);
  return site.success && site.data === m[1] ? { site: m[1], cloudId: m[2], accountId: m[3] } : undefined;
}
