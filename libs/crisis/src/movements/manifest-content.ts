import { Localized, TabularValue } from '@amparo/core';
import { RosterEntry } from '../roster/roster-entry';
import { Movement } from './movement';

type Lang = 'es' | 'en';

const HEADERS: {
  key: string;
  label: Localized;
  value: (e: RosterEntry, n: number) => TabularValue;
}[] = [
  { key: 'n', label: { es: 'N.º', en: 'No.' }, value: (_e, n) => n },
  {
    key: 'familyNames',
    label: { es: 'Apellidos', en: 'Family names' },
    value: (e) => e.familyNames,
  },
  { key: 'givenNames', label: { es: 'Nombres', en: 'Given names' }, value: (e) => e.givenNames },
  {
    key: 'documentType',
    label: { es: 'Tipo de documento', en: 'Document type' },
    value: (e) => e.document?.type ?? null,
  },
  {
    key: 'documentNumber',
    label: { es: 'Número de documento', en: 'Document number' },
    value: (e) => e.document?.number ?? null,
  },
  {
    key: 'documentCountry',
    label: { es: 'País emisor', en: 'Issuing country' },
    value: (e) => e.document?.country ?? null,
  },
  {
    key: 'dateOfBirth',
    label: { es: 'Fecha de nacimiento', en: 'Date of birth' },
    value: (e) => e.dateOfBirth,
  },
  { key: 'contact', label: { es: 'Contacto', en: 'Contact' }, value: (e) => e.contact },
  {
    key: 'welfareStatus',
    label: { es: 'Situación', en: 'Welfare status' },
    value: (e) => e.welfareStatus,
  },
];

const MODE: Record<string, Localized> = {
  flight: { es: 'Vuelo', en: 'Flight' },
  bus: { es: 'Autobús', en: 'Bus' },
  boat: { es: 'Barco', en: 'Boat' },
  other: { es: 'Otro', en: 'Other' },
};

/** The manifest of a movement as rows of cells, headed in the reader's language. */
export function manifestTable(
  passengers: RosterEntry[],
  lang: Lang,
): { header: string[]; rows: TabularValue[][] } {
  return {
    header: HEADERS.map((h) => h.label[lang]),
    rows: passengers.map((p, i) => HEADERS.map((h) => h.value(p, i + 1))),
  };
}

/** The lines above the table: what moves, when, from where to where, and how many. */
export function manifestHeading(
  event: { name: string },
  movement: Movement,
  count: number,
  lang: Lang,
): { title: string; lines: string[] } {
  const es = lang === 'es';
  return {
    title: es ? 'Manifiesto de evacuación' : 'Evacuation manifest',
    lines: [
      `${es ? 'Evento' : 'Event'}: ${event.name}`,
      `${MODE[movement.mode][lang]}: ${movement.label}`,
      `${es ? 'Salida' : 'Departure'}: ${movement.departsAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
      `${es ? 'Origen' : 'From'}: ${movement.from} — ${es ? 'Destino' : 'To'}: ${movement.to}`,
      `${es ? 'Pasajeros' : 'Passengers'}: ${count}`,
    ],
  };
}
