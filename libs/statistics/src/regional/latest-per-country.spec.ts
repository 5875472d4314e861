import { StatisticsExportDocument } from '../export-format';
import { regionalExportFixture } from '../export-format/regional-export.fixture';
import { latestPerCountry } from './latest-per-country';

/** An export of `countries` with `measures` by `dimensions`, named for the assertions. */
function exportOf(
  name: string,
  countries: string[],
  measures: string[],
  dimensions: string[],
): { name: string; document: StatisticsExportDocument } {
  const document = regionalExportFixture('GT');
  document.metadata.scope.countries = countries;
  document.metadata.measures = measures.map((id) => ({
    id,
    label: { es: id, en: id },
  })) as Metadata['measures'];
  document.metadata.dimensions = dimensions.map((id) => ({
    id,
    column: id.toUpperCase(),
    label: { es: id, en: id },
    codes: [],
  })) as Metadata['dimensions'];
  return { name, document };
}

type Metadata = StatisticsExportDocument['metadata'];

const names = (entries: { name: string }[]) => entries.map((e) => e.name);

describe('latestPerCountry', () => {
  // Newest first, as the workspace lists them.
  const exports = [
    exportOf('gt-returns', ['GT'], ['returns'], ['return_mode']),
    exportOf('mx-cases', ['MX'], ['cases_opened'], ['category', 'host_country']),
    exportOf('gt-cases', ['GT'], ['cases_opened', 'persons_assisted'], ['category']),
    exportOf('gt-cases-old', ['GT'], ['cases_opened'], ['category']),
  ];

  it('takes each country’s newest export that has the measure by every dimension', () => {
    expect(names(latestPerCountry(exports, 'cases_opened', ['category']))).toEqual([
      'mx-cases',
      'gt-cases',
    ]);
    expect(names(latestPerCountry(exports, 'returns', ['return_mode']))).toEqual(['gt-returns']);
    expect(names(latestPerCountry(exports, 'cases_opened', ['host_country']))).toEqual([
      'mx-cases',
    ]);
    expect(latestPerCountry(exports, 'returns', ['category'])).toEqual([]);
  });

  it('without a measure, takes each country’s newest export', () => {
    expect(names(latestPerCountry(exports))).toEqual(['gt-returns', 'mx-cases']);
  });

  it('takes an export whole: one that repeats a country already covered is left', () => {
    const joint = [
      exportOf('mx', ['MX'], ['cases_opened'], []),
      exportOf('mx-gt', ['MX', 'GT'], ['cases_opened'], []),
      exportOf('gt', ['GT'], ['cases_opened'], []),
    ];
    expect(names(latestPerCountry(joint, 'cases_opened'))).toEqual(['mx', 'gt']);
  });
});
