import { describe, expect, it } from 'vitest';
import { initialLanguage } from './i18n';

describe('initialLanguage', () => {
  it('keeps the language chosen before on this browser', () => {
    expect(initialLanguage('en', ['es-MX'])).toBe('en');
    expect(initialLanguage('es', ['en-US'])).toBe('es');
  });

  it("follows the browser's first Spanish or English on a first visit", () => {
    expect(initialLanguage(null, ['en-US', 'es'])).toBe('en');
    expect(initialLanguage(null, ['fr-CA', 'es-GT', 'en'])).toBe('es');
  });

  it('falls back to Spanish', () => {
    expect(initialLanguage(null, ['fr-FR'])).toBe('es');
    expect(initialLanguage(null, [])).toBe('es');
    expect(initialLanguage('xx', ['en'])).toBe('es');
  });
});
