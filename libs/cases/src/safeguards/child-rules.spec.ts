import { ageOn, ChildCaseFacts, isChildCase, needsConsulApproval } from './child-rules';

const adultCase: ChildCaseFacts = {
  primaryCategory: 'labour_rights',
  secondaryCategories: [],
  vulnerabilityFlags: [],
  riskLevel: 'medium',
};
const adult = { dateOfBirth: '1990-05-01', estimatedAge: null, estimatedAgeOn: null };
const now = new Date('2026-12-04T12:00:00Z');

describe('needsConsulApproval', () => {
  it('lets an adult case of ordinary risk be closed directly', () => {
    expect(needsConsulApproval(adultCase, [adult], now)).toBeNull();
  });

  it('names the unaccompanied-child category, primary or secondary', () => {
    expect(
      needsConsulApproval({ ...adultCase, primaryCategory: 'unaccompanied_child' }, [adult], now),
    ).toBe('unaccompanied_child_category');
    expect(
      needsConsulApproval(
        { ...adultCase, secondaryCategories: ['health', 'unaccompanied_child'] },
        [adult],
        now,
      ),
    ).toBe('unaccompanied_child_category');
  });

  it('names the child flags, unaccompanied or separated', () => {
    for (const flag of ['unaccompanied_child', 'separated_child'] as const)
      expect(needsConsulApproval({ ...adultCase, vulnerabilityFlags: [flag] }, [adult], now)).toBe(
        'child_flag',
      );
  });

  it('names a person under 18 on the day of closure, by birth date', () => {
    const seventeen = { dateOfBirth: '2009-12-05', estimatedAge: null, estimatedAgeOn: null };
    expect(needsConsulApproval(adultCase, [adult, seventeen], now)).toBe('person_under_18');
    // The 18th birthday is the day the rule stops applying.
    const eighteenToday = { ...seventeen, dateOfBirth: '2008-12-04' };
    expect(needsConsulApproval(adultCase, [eighteenToday], now)).toBeNull();
  });

  it('ages an estimated age from the day it was estimated', () => {
    const estimated = { dateOfBirth: null, estimatedAge: 16, estimatedAgeOn: '2024-06-01' };
    expect(ageOn(estimated, now)).toBe(18);
    expect(needsConsulApproval(adultCase, [estimated], now)).toBeNull();
    expect(
      needsConsulApproval(adultCase, [{ ...estimated, estimatedAgeOn: '2026-01-01' }], now),
    ).toBe('person_under_18');
  });

  it('does not take an unknown age for a child', () => {
    const unknown = { dateOfBirth: null, estimatedAge: null, estimatedAgeOn: null };
    expect(needsConsulApproval(adultCase, [unknown], now)).toBeNull();
    expect(isChildCase(adultCase, [unknown], now)).toBe(false);
  });

  it('keeps trafficking indicators and critical risk', () => {
    expect(
      needsConsulApproval(
        { ...adultCase, vulnerabilityFlags: ['trafficking_indicators'] },
        [adult],
        now,
      ),
    ).toBe('trafficking_indicators');
    expect(needsConsulApproval({ ...adultCase, riskLevel: 'critical' }, [adult], now)).toBe(
      'critical_risk',
    );
  });
});
