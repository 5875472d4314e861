import { childrenReturning, isMinorAt } from './children-returning';

const now = new Date('2026-12-04T12:00:00Z');
const person = (personId: string, values: Partial<Parameters<typeof isMinorAt>[0]> = {}) => ({
  personId,
  role: 'involved' as const,
  dateOfBirth: null,
  estimatedAge: null,
  estimatedAgeOn: null,
  ...values,
});

describe('children returning on a movement', () => {
  it('counts a person born less than 18 years ago as a child, not one who turned 18', () => {
    expect(isMinorAt(person('a', { dateOfBirth: '2009-01-01' }), now)).toBe(true);
    expect(isMinorAt(person('b', { dateOfBirth: '2008-11-01' }), now)).toBe(false);
  });

  it('ages an estimate from the day it was made', () => {
    expect(isMinorAt(person('a', { estimatedAge: 16, estimatedAgeOn: '2025-12-01' }), now)).toBe(
      true,
    );
    expect(isMinorAt(person('b', { estimatedAge: 17, estimatedAgeOn: '2025-06-01' }), now)).toBe(
      false,
    );
  });

  it('hands over only the returning minors, not an adult travelling with them', () => {
    const persons = [
      person('mother', { role: 'primary', dateOfBirth: '1990-03-03' }),
      person('son', { dateOfBirth: '2015-05-05' }),
      person('daughter', { dateOfBirth: '2012-05-05' }),
    ];
    expect(childrenReturning(persons, ['mother', 'son'], now)).toEqual(['son']);
  });

  it('hands over the primary person of a child case whose age is unknown', () => {
    const persons = [person('child', { role: 'primary' }), person('other')];
    expect(childrenReturning(persons, ['child', 'other'], now)).toEqual(['child']);
  });
});
