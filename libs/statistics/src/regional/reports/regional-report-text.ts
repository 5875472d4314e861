import { Bilingual, ReportLanguage } from './regional-report-content';

/** The fixed words of the semester report (PDF and annex), in Spanish and English. */
export const REPORT_TEXT = {
  network: {
    es: 'Red consular de la Conferencia Regional sobre Migración',
    en: 'Consular network of the Regional Conference on Migration',
  },
  title: { es: 'Informe regional semestral', en: 'Regional semester report' },
  countries: { es: 'Países que informaron', en: 'Reporting countries' },
  generatedAt: { es: 'Generado', en: 'Generated' },
  kLine: { es: 'Umbral de divulgación (k)', en: 'Disclosure threshold (k)' },
  aggregatesOnly: {
    es: 'Este informe contiene solo cifras agregadas de las exportaciones nacionales verificadas, protegidas por el control de divulgación de cada país y de nuevo en los totales regionales. No contiene datos personales.',
    en: 'This report holds only aggregate figures from the verified national exports, protected by each country’s disclosure control and again in the regional totals. It holds no personal data.',
  },
  disclosureTitle: { es: 'Regla de divulgación', en: 'Disclosure rule' },
  sourcesTitle: { es: 'Fuentes', en: 'Sources' },
  sourcesIntro: {
    es: 'Para cada país se usó la última exportación verificada del semestre. Cada archivo está firmado con la clave Ed25519 que el país registró ante la secretaría; la huella permite comparar la clave con el país, y el SHA-256 identifica el archivo exacto.',
    en: 'For each country the latest verified export of the semester was used. Each file is signed with the Ed25519 key the country registered with the secretariat; the fingerprint lets the key be compared with the country, and the SHA-256 identifies the exact file.',
  },
  keyId: { es: 'Clave', en: 'Key id' },
  fingerprint: { es: 'Huella', en: 'Fingerprint' },
  practicesTitle: {
    es: 'Buenas prácticas publicadas en el semestre',
    en: 'Good practices published in the semester',
  },
  noPractices: {
    es: 'No se publicó ninguna buena práctica en el semestre.',
    en: 'No good practice was published in the semester.',
  },
  practicesIntro: {
    es: 'Título, tipo, países y el problema que atiende cada práctica, en el idioma en que el país la presentó.',
    en: 'Title, type, countries and the problem each practice addresses, in the language the country submitted it in.',
  },
  published: { es: 'publicada el', en: 'published' },
  suppressedNote: {
    es: 'x: cifra suprimida por el control de divulgación (de 1 a {below} casos, o suprimida para que no pueda deducirse otra); en los gráficos es un hueco, no un cero. Un total regional se suprime si la cifra de algún país en su fila está suprimida.',
    en: 'x: figure suppressed by disclosure control (1 to {below} cases, or suppressed so that another cannot be derived); in the charts it is a gap, not a zero. A regional total is suppressed when any country’s figure in its row is suppressed.',
  },
  page: { es: 'página', en: 'page' },
} satisfies Record<string, Bilingual>;

/** The disclosure rule, as the report states it. */
export function disclosureParagraphs(k: number): Bilingual[] {
  return [
    {
      es: `Cada país protege sus cifras antes de exportarlas: un recuento de 1 a ${k - 1} (k = ${k}) se suprime, y se suprimen además las celdas necesarias para que ninguna suprimida pueda deducirse de los totales publicados. Una cifra suprimida no se publica: aparece como «x» en las tablas y como un hueco en los gráficos, nunca como cero.`,
      en: `Each country protects its figures before exporting them: a count from 1 to ${k - 1} (k = ${k}) is suppressed, and further cells are suppressed so that no suppressed one can be derived from the published totals. A suppressed figure is not published: it reads "x" in the tables and is a gap in the charts, never a zero.`,
    },
    {
      es: 'Los totales regionales se controlan de nuevo: un total regional se publica solo cuando la cifra de cada país en su fila está publicada; si no, se suprime también, porque restando las cifras publicadas revelaría la suprimida. k es el mayor de los umbrales de las exportaciones usadas.',
      en: 'The regional totals are controlled again: a regional total is published only when every country’s figure in its row is published; otherwise it is suppressed as well, since subtracting the published figures would reveal the suppressed one. k is the largest threshold of the exports used.',
    },
    {
      es: 'Las medianas (como la demora de notificación de detenciones) no se suman entre países: se muestran tal como cada país las publicó.',
      en: 'Medians (such as the detention notification delay) do not add up across countries: they are shown as each country published them.',
    },
  ];
}

const PRACTICE_KINDS: Record<string, Bilingual> = {
  practice: { es: 'Práctica', en: 'Practice' },
  protocol: { es: 'Protocolo', en: 'Protocol' },
  agreement: { es: 'Acuerdo', en: 'Agreement' },
  law: { es: 'Ley o norma', en: 'Law or regulation' },
};

export function practiceKindLabel(kind: string, language: ReportLanguage): string {
  return PRACTICE_KINDS[kind]?.[language] ?? kind;
}
