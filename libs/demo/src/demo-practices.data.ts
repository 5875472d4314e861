import { PracticeInput } from '@amparo/practices';

export type DemoPractice = PracticeInput & { countryCode: string };

const SYNTHETIC = '[Demo — texto sintético / synthetic text]';

/** A few published entries per demo country: invented texts, clearly marked as such. */
export const DEMO_PRACTICES: DemoPractice[] = [
  {
    countryCode: 'MX',
    kind: 'protocol',
    titleEs: 'Protocolo de atención consular a niñas, niños y adolescentes no acompañados (demo)',
    titleEn: 'Consular protocol for unaccompanied children (demo)',
    countries: ['MX'],
    categories: ['unaccompanied_child'],
    flags: ['unaccompanied_child', 'separated_child'],
    problem: `${SYNTHETIC} Las entrevistas a niñas y niños se hacían sin personal consular presente.`,
    action: `${SYNTHETIC} Aviso al consulado en dos horas y entrevista con enfoque de niñez.`,
    results: `${SYNTHETIC} Ejemplo ficticio de resultados.`,
    contacts: 'Dirección de Protección (demo), proteccion@demo.amparo.example',
  },
  {
    countryCode: 'MX',
    kind: 'law',
    titleEs: 'Ley de ejemplo sobre protección a víctimas de trata (demo)',
    titleEn: 'Example law on the protection of trafficking victims (demo)',
    countries: ['MX'],
    categories: ['trafficking'],
    flags: ['trafficking_indicators'],
    problem: `${SYNTHETIC} Marco legal ficticio para la demostración.`,
    action: `${SYNTHETIC} Texto inventado; no describe ninguna ley real.`,
    semester: '2026-S1',
  },
  {
    countryCode: 'GT',
    kind: 'practice',
    titleEs: 'Acompañamiento en la recepción de personas retornadas (demo)',
    titleEn: 'Accompanying returnees at reception (demo)',
    countries: ['GT'],
    categories: ['return'],
    flags: [],
    problem: `${SYNTHETIC} Las personas retornadas llegaban sin información sobre servicios.`,
    action: `${SYNTHETIC} Mesa de orientación en el punto de recepción.`,
    results: `${SYNTHETIC} Ejemplo ficticio de resultados.`,
    contacts: 'Unidad de Retorno (demo), retorno@demo.amparo.example',
  },
  {
    countryCode: 'GT',
    kind: 'agreement',
    titleEs: 'Acuerdo de ejemplo de asistencia consular mutua (demo)',
    titleEn: 'Example mutual consular assistance agreement (demo)',
    countries: ['GT', 'MX'],
    categories: ['unaccompanied_child', 'documentation'],
    flags: [],
    problem: `${SYNTHETIC} Acuerdo ficticio para la demostración de la matriz comparativa.`,
    action: `${SYNTHETIC} Texto inventado; no describe ningún acuerdo real.`,
    semester: '2026-S1',
  },
];
