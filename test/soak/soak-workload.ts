/**
 * The shapes of ordinary use the soak sends, drawn from a seeded generator so that a failing run
 * can be replayed: persons with an estimated age only, a birth date or neither; documents,
 * new or repeated; names with accents, hyphens, apostrophes, digits, initials, one letter, the
 * longest allowed; near-duplicates of earlier persons (a typo, the same age band); linked persons;
 * and the reads that follow (the case list, one case, person search by a misspelt name).
 */

const GIVEN = [
  'José',
  'María',
  'Ana Lucía',
  'Juan Carlos',
  'Guadalupe',
  'Ximena',
  'Ñandú',
  'Jean-Pierre',
  'A',
  'Li',
  'Zoë',
  'María José',
];
const FAMILY = [
  'Hernández López',
  'García-López',
  "D'Angelo",
  'Pérez',
  'Xol Caal',
  'Núñez de Arco',
  'O',
  'Ramírez Ramírez',
  'Tzul',
  'Chávez 2',
  'de la Cruz',
];
const CATEGORIES = [
  'immigration_detention',
  'return',
  'unaccompanied_child',
  'health',
  'whereabouts',
  'crime_victim',
];
const ESTIMATED_AGES = [0, 1, 11, 12, 17, 18, 29, 30, 59, 60, 99, 129, 130];
const BIRTH_DATES = ['1900-01-01', '1999-12-31', '2000-02-29', '2010-06-15', '1985-03-03'];

/** mulberry32: small, seeded, good enough to vary shapes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface KnownPerson {
  id: string;
  countryCode: string;
  givenNames: string;
  familyNames: string;
  estimatedAge?: number;
  dateOfBirth?: string;
  documentNumber?: string;
}

interface SentPerson {
  givenNames: string;
  familyNames: string;
  estimatedAge?: number;
  dateOfBirth?: string;
  documents?: { number: string }[];
}

export class SoakWorkload {
  private readonly random: () => number;
  readonly persons: KnownPerson[] = [];
  readonly caseIds: string[] = [];
  private serial = 0;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  /** A new case at `consulateId` with a primary person and sometimes others, new or linked. */
  newCase(
    consulateId: string,
    countryCode: string,
    shape?: 'estimated_age',
  ): Record<string, unknown> {
    const involved = this.chance(0.3) ? (this.chance(0.5) ? 1 : 2) : 0;
    const persons: Record<string, unknown>[] = [
      { role: 'primary', person: this.person(countryCode, shape) },
    ];
    const linked = new Set<string>();
    for (let i = 0; i < involved; i++) {
      const known = this.persons.filter((p) => p.countryCode === countryCode && !linked.has(p.id));
      if (known.length && this.chance(0.4)) {
        const person = this.pick(known);
        linked.add(person.id);
        persons.push({ role: 'involved', personId: person.id, relationship: 'sibling' });
      } else {
        persons.push({
          role: 'involved',
          person: this.person(countryCode),
          relationship: 'parent',
        });
      }
    }
    return {
      consulateId,
      primaryCategory: this.pick(CATEGORIES),
      vulnerabilityFlags: this.chance(0.2) ? ['unaccompanied_child'] : [],
      summary: this.chance(0.5) ? 'Soak' : undefined,
      persons,
    };
  }

  /** Remembers what a created case returned, for later duplicates, links and reads. */
  remember(
    countryCode: string,
    sent: Record<string, unknown>,
    created: { id: string; persons: { person: { id: string } }[] },
  ): void {
    this.caseIds.push(created.id);
    const sentPersons = sent.persons as { person?: SentPerson }[];
    created.persons.forEach((link, i) => {
      const person = sentPersons[i]?.person;
      if (!person) return;
      this.persons.push({
        id: link.person.id,
        countryCode,
        givenNames: person.givenNames,
        familyNames: person.familyNames,
        estimatedAge: person.estimatedAge,
        dateOfBirth: person.dateOfBirth,
        documentNumber: person.documents?.[0]?.number,
      });
    });
  }

  /** A query that should find a known person: the name with a typo, or a document number. */
  searchQuery(): string {
    const known = this.persons.length ? this.pick(this.persons) : undefined;
    if (!known) return 'jose hernandez';
    if (known.documentNumber && this.chance(0.3)) return known.documentNumber;
    // A query is at most 100 characters.
    return typo(`${known.givenNames} ${known.familyNames}`, this.random).slice(0, 100);
  }

  private person(countryCode: string, shape?: 'estimated_age'): Record<string, unknown> {
    const serial = ++this.serial;
    const earlier = this.persons.filter((p) => p.countryCode === countryCode);
    const duplicate = earlier.length > 0 && this.chance(0.25) ? this.pick(earlier) : undefined;
    let givenNames = duplicate ? typo(duplicate.givenNames, this.random) : this.pick(GIVEN);
    let familyNames = duplicate ? duplicate.familyNames : this.pick(FAMILY);
    if (!duplicate && this.chance(0.1)) familyNames = 'Ñúñez '.repeat(20).slice(0, 120).trim();
    // The longest name allowed is 120 characters.
    if (!duplicate && this.chance(0.5))
      familyNames = `${word(serial)} ${familyNames}`.slice(0, 120);
    if (!givenNames.trim()) givenNames = 'A';
    const age = this.ageShape(shape, duplicate);
    const documents = this.chance(0.3)
      ? [
          {
            type: 'passport',
            number:
              duplicate?.documentNumber && this.chance(0.5)
                ? duplicate.documentNumber
                : `${countryCode}${String(serial).padStart(7, '0')}`,
            issuingCountryCode: countryCode,
          },
        ]
      : undefined;
    return {
      givenNames,
      familyNames,
      ...age,
      sex: this.pick(['female', 'male', 'unknown']),
      nationalityCode: countryCode,
      documents,
      otherNames: this.chance(0.1) ? ['El Güero', "Chuy-D'Arc"] : undefined,
    };
  }

  private ageShape(
    shape: 'estimated_age' | undefined,
    duplicate: KnownPerson | undefined,
  ): { estimatedAge?: number; dateOfBirth?: string } {
    if (shape === 'estimated_age' || (duplicate?.estimatedAge !== undefined && this.chance(0.7)))
      return {
        estimatedAge:
          duplicate?.estimatedAge !== undefined
            ? Math.max(0, Math.min(130, duplicate.estimatedAge + this.pick([-2, -1, 0, 1, 3])))
            : this.pick(ESTIMATED_AGES),
      };
    const roll = this.random();
    if (roll < 0.45) return { estimatedAge: this.pick(ESTIMATED_AGES) };
    if (roll < 0.9) return { dateOfBirth: duplicate?.dateOfBirth ?? this.pick(BIRTH_DATES) };
    return {};
  }
}

/** A distinct pronounceable word per serial, so that names do not all collide. */
function word(serial: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vi', 'xo', 'zu'];
  let out = '';
  for (let n = serial; n > 0; n = Math.floor(n / 10)) out += syllables[n % 10];
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** The name with one letter dropped, doubled or swapped (or as is). */
function typo(name: string, random: () => number): string {
  if (name.length < 4) return name;
  const i = 1 + Math.floor(random() * (name.length - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return name.slice(0, i) + name.slice(i + 1);
  if (kind === 1) return name.slice(0, i) + name[i] + name.slice(i);
  if (kind === 2) return name.slice(0, i - 1) + name[i] + name[i - 1] + name.slice(i + 1);
  return name;
}
