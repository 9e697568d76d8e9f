// People named in other tools' exports (Snipe-IT's "checked out to" username or e-mail) and the
// Backstage user entities they become. People come from the Backstage catalogue: an import never
// creates users, it maps names to existing user entities by one rule, written here once.

/**
 * What an import does with a person the catalogue does not know (a leaver, a contractor):
 * `keep-as-text` keeps the name on the asset (attribute `custodianName`) and warns on the row;
 * `omit` drops the name silently; `refuse` refuses the row.
 *
 * @public
 */
export const UNKNOWN_PEOPLE_POLICIES = ['keep-as-text', 'omit', 'refuse'] as const;
/** @public */
export type UnknownPeoplePolicy = (typeof UNKNOWN_PEOPLE_POLICIES)[number];

/** Backstage entity names: letters, digits and `-_.`, at most 63 characters, alphanumeric ends. */
const ENTITY_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

/**
 * The user entity refs a person may be, in the order to try them: the username as given
 * (`user:default/jdoe`), then the local part of the e-mail address (`jdoe@example.com` gives
 * `user:default/jdoe`), as Backstage's own sign-in resolvers map e-mails to user names. Names
 * that cannot be entity names (spaces, `@`...) yield no candidate. Lower-cased: the catalogue
 * compares entity refs case-insensitively.
 *
 * @public
 */
export function userRefCandidates(person: { username?: string; email?: string }): string[] {
  const names: string[] = [];
  const username = person.username?.trim();
  if (username) names.push(username.includes('@') ? username.slice(0, username.indexOf('@')) : username);
  const email = person.email?.trim();
  if (email && email.includes('@')) names.push(email.slice(0, email.indexOf('@')));
  const refs = names.filter(n => ENTITY_NAME.test(n)).map(n => `user:default/${n.toLowerCase()}`);
  return [...new Set(refs)];
}

/**
 * The name kept for a person the catalogue does not know: username, e-mail, or full name.
 *
 * @public
 */
export function personLabel(person: { username?: string; email?: string; fullName?: string }): string | undefined {
  return person.fullName?.trim() || person.username?.trim() || person.email?.trim() || undefined;
}
