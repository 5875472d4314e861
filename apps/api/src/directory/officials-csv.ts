import { Locale } from '@amparo/core';
import { FOCAL_TOPIC_LABELS, FocalTopic, Official } from '@amparo/directory';
import { stringify } from 'csv-stringify';
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
  const csv = stringify({
    header: true,
    bom: true,
    columns: COLUMNS.map((c) => ({ key: c.key, header: c[locale] })),
  });
  for (const official of officials) {
    csv.write({
      ...official,
      topics: official.topics.map((t: FocalTopic) => FOCAL_TOPIC_LABELS[t][locale]).join('; '),
    });
  }
  csv.end();
  return csv;
}
