import { CaseCategory, CaseRecord, CasePerson, VulnerabilityFlag } from '@amparo/cases';
import { Organisation, OrganisationService } from '@amparo/directory';

/** Why an organisation suits a case: services it offers for the need, the place, shared languages. */
export interface CandidateMatches {
  services: OrganisationService[];
  coversPlace: boolean;
  languages: string[];
}

export interface ReferralCandidate {
  organisation: Organisation;
  matches: CandidateMatches;
}

/** The services a case of each category usually needs, for ranking when no service is asked. */
const CATEGORY_SERVICES: Record<CaseCategory, OrganisationService[]> = {
  unaccompanied_child: ['child_protection', 'shelter', 'family_tracing', 'legal_aid'],
  criminal_detention: ['legal_aid', 'interpretation'],
  immigration_detention: ['legal_aid', 'interpretation', 'documentation'],
  return: ['repatriation_support', 'reintegration', 'shelter', 'food_and_basic_needs'],
  trafficking: ['shelter', 'psychosocial', 'legal_aid', 'health'],
  smuggling_harm: ['health', 'psychosocial', 'legal_aid'],
  labour_rights: ['labour', 'legal_aid'],
  health: ['health', 'psychosocial'],
  death: ['repatriation_support', 'psychosocial'],
  whereabouts: ['family_tracing'],
  family_civil: ['legal_aid', 'family_tracing'],
  human_rights: ['legal_aid', 'psychosocial'],
  crime_victim: ['legal_aid', 'psychosocial', 'shelter'],
  crisis: ['shelter', 'food_and_basic_needs', 'health'],
  asylum: ['legal_aid', 'shelter', 'psychosocial'],
  documentation: ['documentation'],
};

const FLAG_SERVICES: Partial<Record<VulnerabilityFlag, OrganisationService[]>> = {
  unaccompanied_child: ['child_protection'],
  separated_child: ['child_protection', 'family_tracing'],
  gbv_survivor: ['psychosocial', 'shelter'],
  serious_illness: ['health'],
  mental_health: ['psychosocial', 'health'],
  indigenous_language: ['interpretation'],
  trafficking_indicators: ['shelter', 'psychosocial'],
};

/** Categories whose help happens where the person comes from (a return home, remains sent home). */
const AT_ORIGIN: readonly CaseCategory[] = ['return', 'death'];

/** The services a case calls for: the one asked, or those its categories and flags suggest. */
export function neededServices(
  found: CaseRecord,
  asked?: OrganisationService,
): OrganisationService[] {
  if (asked) return [asked];
  const categories = [found.primaryCategory, ...found.secondaryCategories];
  return [
    ...new Set([
      ...categories.flatMap((c) => CATEGORY_SERVICES[c] ?? []),
      ...found.vulnerabilityFlags.flatMap((f) => FLAG_SERVICES[f] ?? []),
    ]),
  ];
}

/**
 * Where the help is needed: the person's place of origin for a return home, else where the event
 * happened (its subdivision, or its country). Null when the case says neither.
 */
export function placeOfNeed(
  found: CaseRecord,
  persons: CasePerson[],
): { country: string; subdivision: string | null } | null {
  const primary = persons.find((p) => p.role === 'primary')?.person;
  const categories = [found.primaryCategory, ...found.secondaryCategories];
  if (primary && categories.some((c) => AT_ORIGIN.includes(c)))
    return {
      country: primary.nationalityCode,
      subdivision: primary.originSubdivisionCode ?? null,
    };
  if (found.eventSubdivisionCode)
    return {
      country: found.eventSubdivisionCode.split('-')[0],
      subdivision: found.eventSubdivisionCode,
    };
  if (found.eventCountryCode) return { country: found.eventCountryCode, subdivision: null };
  if (primary?.originSubdivisionCode)
    return { country: primary.nationalityCode, subdivision: primary.originSubdivisionCode };
  return null;
}

/**
 * An organisation covers a place when it names the subdivision, or covers the country without
 * limiting itself to some of that country's subdivisions (the directory's own filter rule).
 */
export function covers(
  organisation: Pick<Organisation, 'coverageCountries' | 'coverageSubdivisions'>,
  place: { country: string; subdivision: string | null },
): boolean {
  if (place.subdivision && organisation.coverageSubdivisions.includes(place.subdivision))
    return true;
  if (!organisation.coverageCountries.includes(place.country)) return false;
  const limited = organisation.coverageSubdivisions.some((s) => s.split('-')[0] === place.country);
  return !limited || place.subdivision === null;
}

/** The organisations ranked by how well they match the case: services first, then place, then languages. */
export function rankCandidates(
  organisations: Organisation[],
  found: CaseRecord,
  persons: CasePerson[],
  asked: { service?: OrganisationService } = {},
): ReferralCandidate[] {
  const services = neededServices(found, asked.service);
  const place = placeOfNeed(found, persons);
  const spoken = [...new Set(persons.flatMap((p) => p.person.languages ?? []))];
  return organisations
    .map((organisation) => ({
      organisation,
      matches: {
        services: services.filter((s) => organisation.services.includes(s)),
        coversPlace: place ? covers(organisation, place) : false,
        languages: spoken.filter((l) => organisation.languages.includes(l)),
      },
    }))
    .map((candidate) => ({ candidate, score: score(candidate.matches) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.candidate.organisation.name.localeCompare(b.candidate.organisation.name),
    )
    .map(({ candidate }) => candidate);
}

function score(matches: CandidateMatches): number {
  return matches.services.length * 4 + (matches.coversPlace ? 3 : 0) + matches.languages.length;
}
