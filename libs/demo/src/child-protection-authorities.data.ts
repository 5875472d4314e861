import { NewOrganisation } from '@amparo/directory';

/**
 * The national child-protection authority of each member country: real institution names, so a
 * demo reads like the network's own directory, with synthetic contacts only (example.org domains,
 * phone numbers of the 555 or 0000 kind). Where a country protects children province by province
 * (Canada), one federal-level entry stands for them.
 */
const AUTHORITIES: (Omit<NewOrganisation, 'type' | 'email' | 'website' | 'phone'> & {
  slug: string;
  phone: string;
})[] = [
  {
    name: 'Procuraduría Federal de Protección de Niñas, Niños y Adolescentes (Sistema Nacional DIF)',
    acronym: 'PFPNNA',
    description:
      'Representación y restitución de derechos de niñas, niños y adolescentes; planes de restitución y reintegración familiar.',
    services: [
      'child_protection',
      'family_tracing',
      'psychosocial',
      'repatriation_support',
      'reintegration',
    ],
    coverageCountries: ['MX'],
    languages: ['es'],
    managedByCountryCode: 'MX',
    slug: 'pfpnna-dif',
    phone: '+52 55 0000 0101',
  },
  {
    name: 'Procuraduría General de la Nación — Procuraduría de la Niñez y la Adolescencia',
    acronym: 'PGN',
    description:
      'Protección de la niñez y adolescencia guatemalteca; recepción de niñez retornada con la Secretaría de Bienestar Social.',
    services: [
      'child_protection',
      'family_tracing',
      'shelter',
      'repatriation_support',
      'reintegration',
    ],
    coverageCountries: ['GT'],
    languages: ['es', 'mam', 'kek', 'quc'],
    managedByCountryCode: 'GT',
    slug: 'pgn-ninez',
    phone: '+502 0000 0102',
  },
  {
    name: 'Dirección de Niñez, Adolescencia y Familia',
    acronym: 'DINAF',
    description: 'Protección especial y reintegración de niñez migrante retornada a Honduras.',
    services: [
      'child_protection',
      'family_tracing',
      'psychosocial',
      'repatriation_support',
      'reintegration',
    ],
    coverageCountries: ['HN'],
    languages: ['es'],
    managedByCountryCode: 'HN',
    slug: 'dinaf',
    phone: '+504 0000 0103',
  },
  {
    name: 'Consejo Nacional de la Primera Infancia, Niñez y Adolescencia',
    acronym: 'CONAPINA',
    description: 'Medidas de protección y reintegración de niñas, niños y adolescentes retornados.',
    services: ['child_protection', 'psychosocial', 'family_tracing'],
    coverageCountries: ['SV'],
    languages: ['es'],
    managedByCountryCode: 'SV',
    slug: 'conapina',
    phone: '+503 0000 0104',
  },
  {
    name: 'Patronato Nacional de la Infancia',
    acronym: 'PANI',
    description: 'Ente rector de niñez y adolescencia; medidas de protección y cuido alternativo.',
    services: ['child_protection', 'shelter', 'psychosocial'],
    coverageCountries: ['CR'],
    languages: ['es'],
    managedByCountryCode: 'CR',
    slug: 'pani',
    phone: '+506 0000 0105',
  },
  {
    name: 'Secretaría Nacional de Niñez, Adolescencia y Familia',
    acronym: 'SENNIAF',
    description: 'Protección integral y acogimiento de niñez migrante no acompañada en Panamá.',
    services: ['child_protection', 'shelter', 'family_tracing'],
    coverageCountries: ['PA'],
    languages: ['es'],
    managedByCountryCode: 'PA',
    slug: 'senniaf',
    phone: '+507 0000 0106',
  },
  {
    name: 'Ministerio de la Familia, Adolescencia y Niñez',
    acronym: 'MIFAN',
    description: 'Protección especial y restitución de derechos de la niñez nicaragüense.',
    services: ['child_protection', 'psychosocial', 'family_tracing'],
    coverageCountries: ['NI'],
    languages: ['es'],
    managedByCountryCode: 'NI',
    slug: 'mifan',
    phone: '+505 0000 0107',
  },
  {
    name: 'Consejo Nacional para la Niñez y la Adolescencia',
    acronym: 'CONANI',
    description: 'Protección y hogares de paso para niñas, niños y adolescentes dominicanos.',
    services: ['child_protection', 'shelter', 'family_tracing'],
    coverageCountries: ['DO'],
    languages: ['es'],
    managedByCountryCode: 'DO',
    slug: 'conani',
    phone: '+1 809 555 0108',
  },
  {
    name: 'Department of Human Services (Ministry of Human Development)',
    acronym: 'DHS',
    description: 'Child protection, foster care and family reunification in Belize.',
    services: ['child_protection', 'shelter', 'family_tracing', 'psychosocial'],
    coverageCountries: ['BZ'],
    languages: ['en', 'es'],
    managedByCountryCode: 'BZ',
    slug: 'belize-human-services',
    phone: '+501 0000 0109',
  },
  {
    name: 'Federal–Provincial Child Welfare Liaison (demonstration entry)',
    description:
      'Stands for the provincial child-welfare agencies: routes a child’s case to the agency of the province where the child is.',
    services: ['child_protection', 'family_tracing'],
    coverageCountries: ['CA'],
    languages: ['en', 'fr'],
    managedByCountryCode: 'CA',
    slug: 'child-welfare-liaison',
    phone: '+1 613 555 0110',
  },
  {
    name: 'Office of Refugee Resettlement — Unaccompanied Children Program',
    acronym: 'ORR',
    description:
      'Care and custody of unaccompanied children in the United States and their release to sponsors.',
    services: ['child_protection', 'shelter', 'family_tracing', 'health'],
    coverageCountries: ['US'],
    languages: ['en', 'es'],
    managedByCountryCode: 'US',
    slug: 'orr-uc',
    phone: '+1 202 555 0111',
  },
];

export const DEMO_CHILD_PROTECTION_AUTHORITIES: NewOrganisation[] = AUTHORITIES.map(
  ({ slug, ...authority }) => ({
    ...authority,
    type: 'child_protection_authority',
    email: `${authority.languages?.[0] === 'en' ? 'info' : 'contacto'}@${slug}.example.org`,
    website: `https://${slug}.example`,
  }),
);
