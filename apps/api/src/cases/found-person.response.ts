import { ApiProperty } from '@nestjs/swagger';
import { Person, initials } from '@amparo/cases';
import { PersonResponse } from './case.responses';

/**
 * A person found by search. Identifying fields (T1) only for those who work one of the person's
 * cases; a supervisor reading the country gets initials, as in case lists, and opens the case.
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
    if (p.worksCase) return { ...PersonResponse.from(p), ...found };
    return {
      id: p.id,
      givenNames: initials(p.givenNames, ''),
      familyNames: initials(p.familyNames, ''),
      otherNames: [],
      dateOfBirth: null,
      estimatedAge: null,
      sex: p.sex,
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
