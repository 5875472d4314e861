import { DomainError } from '@amparo/core';
import { etagOf, versionFromIfMatch } from './version-tag';

const refusal = (ifMatch: string | undefined) => {
  try {
    versionFromIfMatch(ifMatch);
  } catch (error) {
    return (error as DomainError).kind;
  }
  return 'accepted';
};

describe('versionFromIfMatch', () => {
  it('reads the version of a strong tag', () => {
    expect(versionFromIfMatch(etagOf(7))).toBe(7);
  });

  it('refuses a weak tag with 412: If-Match compares strongly (RFC 9110)', () => {
    expect(refusal('W/"v7"')).toBe('precondition_failed');
  });

  it('asks for the header when it is missing (428)', () => {
    expect(refusal(undefined)).toBe('precondition_required');
  });
});
