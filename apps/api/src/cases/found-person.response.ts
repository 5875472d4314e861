import { ApiProperty } from '@nestjs/swagger';
import { Person, initials, isMinor } from '@amparo/cases';
import { PersonResponse } from './case.responses';

/**
 * A person found by search. Identifying fields (T1) only for those who work one of the person's
 * cases; a supervisor reading the country gets initials, as in case lists, and opens the case.
 * Where a child is (address, phone, e-mail: T3) is never in search results: the case detail shows
 * it to those who may see it.
 */
export class FoundPersonResponse extends PersonResponse {
  @ApiProperty() score!: number;
  @ApiProperty({ type: [String], description: 'The cases of this person you may read' })
  caseIds!: string[];
  @ApiProperty({ description: 'Identifying fields hidden: names as initials, the rest empty' })
  masked!: boolean;

  static found(
    p: Person & { score: number; caseIds: string[]; worksCase: boolean },
  ): FoundPersonResponse {
    const found = { score: p.score, caseIds: p.caseIds, masked: !p.worksCase };
    if (p.worksCase) {
      const person = PersonResponse.from(p);
      if (isMinor(p, new Date()))
        return { ...person, addressAbroad: null, phone: null, email: null, ...found };
      return { ...person, ...found };
    }
    return {
      id: p.id,
      givenNames: initials(p.givenNames, ''),
      familyNames: initials(p.familyNames, ''),
      otherNames: [],
      dateOfBirth: null,
      estimatedAge: null,
      sex: p.sex,
      gender: null,
      genderIdentity: null,
      nationalityCode: p.nationalityCode,
      originSubdivisionCode: null,
      originMunicipality: null,
      documents: [],
      languages: [],
      indigenousPeople: null,
      indigenousLanguage: null,
      phone: null,
      email: null,
      addressAbroad: null,
      ...found,
    };
  }
}
