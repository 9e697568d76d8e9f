import { personLabel, userRefCandidates } from './people';

describe('userRefCandidates', () => {
  it('tries the username, then the e-mail local part, lower-cased', () => {
    expect(userRefCandidates({ username: 'JDoe', email: 'john.doe@example.com' })).toEqual([
      'user:default/jdoe',
      'user:default/john.doe',
    ]);
    expect(userRefCandidates({ email: 'jane@example.com' })).toEqual(['user:default/jane']);
    expect(userRefCandidates({ username: 'jane@example.com', email: 'jane@example.com' })).toEqual(['user:default/jane']);
  });

  it('yields nothing for names that cannot be entity names', () => {
    expect(userRefCandidates({ username: 'Jane Doe' })).toEqual([]);
    expect(userRefCandidates({})).toEqual([]);
  });

  it('labels a person by full name, username or e-mail', () => {
    expect(personLabel({ fullName: 'Jane Doe', username: 'jdoe' })).toBe('Jane Doe');
    expect(personLabel({ email: 'x@y.z' })).toBe('x@y.z');
    expect(personLabel({})).toBeUndefined();
  });
});
