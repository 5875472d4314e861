import { isAccessTokenPayload } from './token-claims';

describe('isAccessTokenPayload', () => {
  const payload = { typ: 'access', sub: 'u', sid: 's', ver: 3, nbf: 1, exp: 2 };

  it('accepts an access token carrying every claim the API relies on', () => {
    expect(isAccessTokenPayload(payload)).toBe(true);
  });

  it('refuses a challenge, a missing claim or a claim of the wrong type', () => {
    expect(isAccessTokenPayload({ ...payload, typ: 'mfa_verify' })).toBe(false);
    expect(isAccessTokenPayload({ ...payload, sid: undefined })).toBe(false);
    expect(isAccessTokenPayload({ ...payload, ver: '3' })).toBe(false);
    expect(isAccessTokenPayload({ ...payload, nbf: undefined })).toBe(false);
    expect(isAccessTokenPayload(null)).toBe(false);
    expect(isAccessTokenPayload('access')).toBe(false);
  });
});
