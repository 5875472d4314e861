import { LetterFacts, letterContent } from './referral-letter-content';

const facts = (overrides: Partial<LetterFacts> = {}): LetterFacts => ({
  referralId: 'r-1',
  caseReference: 'MX-LAX-2026-000001',
  createdAt: new Date('2026-03-02T10:00:00Z'),
  issuedAt: new Date('2026-03-03T10:00:00Z'),
  post: {
    name: 'Consulado en Los Ángeles',
    address: '2401 W 6th St',
    city: 'Los Ángeles',
    phone: '+1 213',
    email: 'lax@example.org',
  },
  organisation: {
    name: 'Clínica',
    acronym: 'CJ',
    address: null,
    email: 'c@example.org',
    phone: null,
  },
  services: ['legal_aid'],
  need: 'Legal advice',
  payload: {
    fields: ['names', 'nationality', 'categories'],
    persons: [
      {
        role: 'primary',
        givenNames: 'Ana',
        familyNames: 'Pérez',
        otherNames: [],
        nationalityCode: 'MX',
      },
    ],
    case: { primaryCategory: 'labour_rights', secondaryCategories: [] },
  },
  followUpDue: null,
  basis: {
    kind: 'consent',
    consents: [{ method: 'signed_form', givenAt: new Date('2026-03-01T00:00:00Z') }],
  },
  ...overrides,
});

const allText = (content: ReturnType<typeof letterContent>) => JSON.stringify(content);

describe('referral letter content', () => {
  it('labels codes in the letter’s language', () => {
    const es = letterContent(facts(), 'es');
    expect(es.title).toBe('Oficio de canalización');
    expect(allText(es)).toContain('Asesoría jurídica');
    expect(allText(es)).toContain('Derechos laborales');
    expect(allText(es)).toContain('México');
    expect(allText(es)).toContain('formulario firmado');
    const en = letterContent(facts(), 'en');
    expect(en.title).toBe('Referral letter');
    expect(allText(en)).toContain('Legal aid');
    expect(allText(en)).toContain('Labour rights');
    expect(allText(en)).toContain('Mexico');
  });

  it('writes only what the payload holds', () => {
    const text = allText(letterContent(facts(), 'en'));
    expect(text).not.toContain('Phone');
    expect(text).not.toContain('Address abroad');
    expect(text).not.toContain('Other names');
  });

  it('writes the gender, labelled, only when the payload carries it', () => {
    expect(allText(letterContent(facts(), 'es'))).not.toContain('Género');
    const withGender = facts({
      payload: {
        fields: ['names', 'sex', 'gender'],
        persons: [{ role: 'primary', givenNames: 'Ana', sex: 'female', gender: 'non_binary' }],
        case: {},
      },
    });
    const es = allText(letterContent(withGender, 'es'));
    expect(es).toContain('"Género"');
    expect(es).toContain('"No binario"');
    expect(allText(letterContent(withGender, 'en'))).toContain('"Non-binary"');
  });

  it('names the consul’s decision and its reason for an override', () => {
    const text = allText(
      letterContent(
        facts({ basis: { kind: 'override', reason: 'Hearing tomorrow morning.' } }),
        'es',
      ),
    );
    expect(text).toContain('Comunicado por decisión del cónsul');
    expect(text).toContain('Hearing tomorrow morning.');
  });
});
