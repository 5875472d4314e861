import { ageOn, documentProblems, personProblems } from './person-rules';

const today = new Date('2026-11-25T12:00:00Z');
const person = {
  givenNames: 'Ana',
  familyNames: 'Pérez',
  sex: 'female',
  nationalityCode: 'MX',
} as const;

describe('person rules', () => {
  it('counts completed years', () => {
    expect(ageOn('2010-11-26', today)).toBe(15);
    expect(ageOn('2010-11-25', today)).toBe(16);
  });

  it('refuses a birth date in the future and an estimated age far from it', () => {
    expect(
      personProblems({ ...person, dateOfBirth: '2027-01-01' }, today).map((p) => p.code),
    ).toEqual(['IN_THE_FUTURE']);
    expect(
      personProblems({ ...person, dateOfBirth: '2010-01-01', estimatedAge: 30 }, today).map(
        (p) => p.code,
      ),
    ).toEqual(['DISAGREES_WITH_BIRTH_DATE']);
    expect(
      personProblems({ ...person, dateOfBirth: '2010-01-01', estimatedAge: 17 }, today),
    ).toEqual([]);
  });

  it('checks document formats where the country format is known', () => {
    const codes = (type: string, number: string, country: string) =>
      documentProblems([{ type: type as 'passport', number, issuingCountryCode: country }]).map(
        (p) => p.code,
      );
    expect(codes('national_id', 'GOMA800101HDFRRN09', 'MX')).toEqual([]);
    expect(codes('national_id', '12345', 'MX')).toEqual(['BAD_FORMAT']);
    expect(codes('national_id', '1234 56789 0101', 'GT')).toEqual([]);
    expect(codes('passport', 'G1234567', 'GT')).toEqual([]);
    expect(codes('passport', 'G12', 'GT')).toEqual(['BAD_FORMAT']);
  });
});
