/**
 * A valid creation body of a detention case at `consulateId`, whose one primary person is named
 * after `name` and carries a passport of `country` numbered from `documentPrefix` and `name`.
 */
export function detentionCaseBody(
  consulateId: string,
  name: string,
  country: string,
  { familyNames, documentPrefix }: { familyNames: string; documentPrefix: string },
) {
  return {
    consulateId,
    primaryCategory: 'immigration_detention',
    summary: `Case of post ${name}`,
    consent: {
      services: true,
      disclosureToOrganisations: false,
      disclosureToOtherCountry: false,
      tracing: false,
    },
    persons: [
      {
        role: 'primary',
        person: {
          givenNames: `Persona ${name}`,
          familyNames,
          sex: 'female',
          nationalityCode: country,
          documents: [
            { type: 'passport', number: `${documentPrefix}${name}01`, issuingCountryCode: country },
          ],
        },
      },
    ],
  };
}
