import { describe, expect, it } from 'vitest';
import { optionalText } from './optional-text';

describe('optionalText', () => {
  const values = { email: '  a@b.example ', phone: '  ', website: '' };
  const keys = ['email', 'phone', 'website'] as const;

  it('leaves empty fields out of a new record', () => {
    expect(optionalText(values, keys, false)).toEqual({ email: 'a@b.example' });
  });

  it('clears emptied fields of an edited record with null', () => {
    expect(optionalText(values, keys, true)).toEqual({
      email: 'a@b.example',
      phone: null,
      website: null,
    });
  });
});
