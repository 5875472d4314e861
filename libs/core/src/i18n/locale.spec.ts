import { interpolate, localeOf } from './locale';

const requestAccepting = (header: string | undefined) => ({
  acceptsLanguages: (...langs: string[]) => {
    if (!header) return langs[0];
    const preferred = header.split(',').map((part) => part.split(';')[0].trim().slice(0, 2));
    return preferred.find((lang) => langs.includes(lang)) ?? false;
  },
});

describe('localeOf', () => {
  it('defaults to Spanish', () => {
    expect(localeOf(requestAccepting(undefined))).toBe('es');
    expect(localeOf(requestAccepting('fr-FR'))).toBe('es');
  });

  it('answers in English when English is preferred', () => {
    expect(localeOf(requestAccepting('en-US,es;q=0.5'))).toBe('en');
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} y {b}', { a: 1 })).toBe('1 y {b}');
  });
});
