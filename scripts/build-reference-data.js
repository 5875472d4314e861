// Regenerates libs/directory/src/reference-data/*.json from the vetted packages named in the README
// there. Run after upgrading them: node scripts/build-reference-data.js
const countries = require('i18n-iso-countries');
const iso31662 = require('iso-3166-2');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

countries.registerLocale(require('i18n-iso-countries/langs/es.json'));
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

// The member countries of the Regional Conference on Migration.
const MEMBERS = ['BZ', 'CA', 'CR', 'SV', 'GT', 'HN', 'MX', 'NI', 'PA', 'DO', 'US'];
const out = join(__dirname, '../libs/directory/src/reference-data');

// Kosovo's XK is a user-assigned code, not part of ISO 3166-1.
const countryRows = Object.keys(countries.getAlpha2Codes())
  .filter((code) => code !== 'XK')
  .sort()
  .map((code) => ({
    code,
    alpha3: countries.alpha2ToAlpha3(code),
    numeric: countries.alpha2ToNumeric(code),
    nameEs: countries.getName(code, 'es'),
    nameEn: countries.getName(code, 'en'),
    member: MEMBERS.includes(code),
  }));
const known = new Set(countryRows.map((c) => c.code));

// ISO changes published after the iso-3166-2 package's data: Guatemala's departments are numbered
// (ISO 3166-2:GT, 2021), in the same order as the list below.
const GT_RENUMBERED = [
  'GU',
  'PR',
  'SA',
  'CM',
  'ES',
  'SR',
  'SO',
  'TO',
  'QZ',
  'SU',
  'RE',
  'SM',
  'HU',
  'QC',
  'BV',
  'AV',
  'PE',
  'IZ',
  'ZA',
  'CQ',
  'JA',
  'JU',
];
const CORRECTED_CODES = new Map(
  GT_RENUMBERED.map((letters, index) => [
    `GT-${letters}`,
    `GT-${String(index + 1).padStart(2, '0')}`,
  ]),
);

const subdivisionRows = Object.entries(iso31662.data)
  .filter(([country]) => known.has(country))
  .flatMap(([country, { sub }]) =>
    Object.entries(sub).map(([code, { name, type }]) => ({
      code: CORRECTED_CODES.get(code) ?? code,
      countryCode: country,
      name,
      type,
    })),
  )
  .sort((a, b) => a.code.localeCompare(b.code));

writeFileSync(
  join(out, 'countries.json'),
  countryRows
    .map((r) => JSON.stringify(r))
    .join(',\n')
    .replace(/^/, '[\n')
    .concat('\n]\n'),
);
writeFileSync(
  join(out, 'subdivisions.json'),
  subdivisionRows
    .map((r) => JSON.stringify(r))
    .join(',\n')
    .replace(/^/, '[\n')
    .concat('\n]\n'),
);
console.log(`${countryRows.length} countries, ${subdivisionRows.length} subdivisions`);
