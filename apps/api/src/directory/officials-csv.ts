import { csvLine, Locale } from '@amparo/core';
import { FOCAL_TOPIC_LABELS, FocalTopic, Official } from '@amparo/directory';
import { Readable } from 'node:stream';

const COLUMNS: { key: keyof Official; es: string; en: string }[] = [
  { key: 'sendingCountryCode', es: 'País que envía', en: 'Sending country' },
  { key: 'postCode', es: 'Código de sede', en: 'Post code' },
  { key: 'consulateName', es: 'Consulado', en: 'Consulate' },
  { key: 'hostCountryCode', es: 'País receptor', en: 'Host country' },
  { key: 'city', es: 'Ciudad', en: 'City' },
  { key: 'name', es: 'Nombre', en: 'Name' },
  { key: 'title', es: 'Cargo', en: 'Title' },
  { key: 'accreditedFrom', es: 'Acreditación desde', en: 'Accredited from' },
  { key: 'accreditedTo', es: 'Acreditación hasta', en: 'Accredited to' },
  { key: 'topics', es: 'Temas de enlace', en: 'Focal-point topics' },
  { key: 'workEmail', es: 'Correo de trabajo', en: 'Work email' },
  { key: 'workPhone', es: 'Teléfono de trabajo', en: 'Work phone' },
];

/** The officials directory as CSV (RFC 4180, UTF-8 with BOM so spreadsheets show accents). */
export function officialsCsv(officials: Official[], locale: Locale): Readable {
  return Readable.from(lines(officials, locale));
}

function* lines(officials: Official[], locale: Locale): Generator<string> {
  yield '\uFEFF' + csvLine(COLUMNS.map((c) => c[locale]));
  for (const official of officials) {
    const topics = official.topics.map((t: FocalTopic) => FOCAL_TOPIC_LABELS[t][locale]);
    yield csvLine(
      COLUMNS.map(({ key }) => (key === 'topics' ? topics.join('; ') : cellOf(official[key]))),
    );
  }
}

function cellOf(value: Official[keyof Official]): string | null {
  return value === null || value === undefined ? null : String(value);
}
