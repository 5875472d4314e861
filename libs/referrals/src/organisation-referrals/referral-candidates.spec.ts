import { CasePerson, CaseRecord } from '@amparo/cases';
import { Organisation } from '@amparo/directory';
import { covers, neededServices, placeOfNeed, rankCandidates } from './referral-candidates';

const aCase = (overrides: Partial<CaseRecord> = {}): CaseRecord =>
  ({
    id: 'c1',
    primaryCategory: 'criminal_detention',
    secondaryCategories: [],
    vulnerabilityFlags: [],
    eventCountryCode: 'US',
    eventSubdivisionCode: 'US-CA',
    ...overrides,
  }) as CaseRecord;

const person = (overrides: Partial<CasePerson['person']> = {}): CasePerson =>
  ({
    role: 'primary',
    relationship: null,
    person: {
      id: 'p1',
      nationalityCode: 'MX',
      originSubdivisionCode: 'MX-OAX',
      languages: ['es'],
      ...overrides,
    },
  }) as CasePerson;

const org = (name: string, overrides: Partial<Organisation> = {}): Organisation =>
  ({
    id: name,
    name,
    services: [],
    coverageCountries: ['US'],
    coverageSubdivisions: [],
    languages: [],
    ...overrides,
  }) as Organisation;

describe('referral candidates', () => {
  it('suggests services from the categories and flags when none is asked', () => {
    expect(neededServices(aCase({ vulnerabilityFlags: ['indigenous_language'] }))).toEqual([
      'legal_aid',
      'interpretation',
    ]);
    expect(neededServices(aCase(), 'shelter')).toEqual(['shelter']);
  });

  it('places a return home at the person’s origin, other needs where the event happened', () => {
    expect(placeOfNeed(aCase(), [person()])).toEqual({ country: 'US', subdivision: 'US-CA' });
    expect(placeOfNeed(aCase({ primaryCategory: 'return' }), [person()])).toEqual({
      country: 'MX',
      subdivision: 'MX-OAX',
    });
    expect(
      placeOfNeed(aCase({ eventCountryCode: null, eventSubdivisionCode: null }), []),
    ).toBeNull();
  });

  it('covers a subdivision named, or its whole country when none of its subdivisions is', () => {
    const place = { country: 'US', subdivision: 'US-CA' };
    expect(covers(org('a'), place)).toBe(true);
    expect(covers(org('b', { coverageSubdivisions: ['US-CA'] }), place)).toBe(true);
    expect(covers(org('c', { coverageSubdivisions: ['US-TX'] }), place)).toBe(false);
    expect(covers(org('d', { coverageCountries: ['MX'] }), place)).toBe(false);
  });

  it('ranks services first, then the place, then shared languages, then by name', () => {
    const ranked = rankCandidates(
      [
        org('Zeta speaks', { languages: ['es'], coverageCountries: ['MX'] }),
        org('Alpha covers', { coverageSubdivisions: ['US-CA'] }),
        org('Beta lawyers', { services: ['legal_aid'], coverageCountries: ['MX'] }),
      ],
      aCase(),
      [person()],
    );
    expect(ranked.map((c) => c.organisation.name)).toEqual([
      'Beta lawyers',
      'Alpha covers',
      'Zeta speaks',
    ]);
    expect(ranked[2].matches).toEqual({ services: [], coversPlace: false, languages: ['es'] });
  });
});
