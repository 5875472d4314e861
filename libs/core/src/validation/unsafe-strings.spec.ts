import { fieldPath, isUnsafeText, unsafeStringErrors } from './unsafe-strings';

describe('unsafe strings', () => {
  it('finds NUL and lone surrogates, not paired ones', () => {
    expect(isUnsafeText('a\u0000b')).toBe(true);
    expect(isUnsafeText('a\ud800b')).toBe(true);
    expect(isUnsafeText('a\udc00')).toBe(true);
    expect(isUnsafeText('Zoë 😀 Quiché')).toBe(false);
  });

  it('names each unsafe field by its path, keys included, at most max', () => {
    const body = {
      persons: [{ givenNames: 'ok' }, { givenNames: 'x\u0000', otherNames: ['a', '\ud800'] }],
      'bad\u0000key': 1,
      summary: 'fine',
    };
    expect(unsafeStringErrors(body, '', 10).map((e) => e.field)).toEqual([
      'persons.1.givenNames',
      'persons.1.otherNames.1',
      '?',
    ]);
    expect(unsafeStringErrors(body, '', 1)).toHaveLength(1);
    expect(unsafeStringErrors('a\u0000', 'id', 5).map((e) => e.field)).toEqual(['id']);
  });

  it('writes nested paths as class-validator does, as field errors always have', () => {
    expect(fieldPath('', 'persons')).toBe('persons');
    expect(fieldPath('persons', 0)).toBe('persons.0');
    expect(fieldPath('persons.0', 'givenNames')).toBe('persons.0.givenNames');
    expect(fieldPath('persons', '3')).toBe('persons.3');
  });
});

describe('prototype keys', () => {
  it('names every __proto__, constructor or prototype key as a field that is not allowed', () => {
    const body = JSON.parse(
      '{"reason":"ok","constructor":{"injected":true},"persons":[{"person":{"__proto__":{"admin":true}}}],"x":{"prototype":1}}',
    );
    expect(unsafeStringErrors(body, '', 10).map((e) => [e.field, e.code])).toEqual([
      ['constructor', 'UNKNOWN_FIELD'],
      ['persons.0.person.__proto__', 'UNKNOWN_FIELD'],
      ['x.prototype', 'UNKNOWN_FIELD'],
    ]);
  });

  it('lets values that merely say those words through', () => {
    expect(unsafeStringErrors({ summary: 'constructor', tags: ['__proto__'] }, '', 10)).toEqual([]);
  });
});
