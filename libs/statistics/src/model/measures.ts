import { Bilingual } from './code-labels';
import { FactSource } from './dimensions';

const NOTIFICATION_DELAY_HOURS = 'extract(epoch FROM (dt.notified_at - dt.arrested_at)) / 3600.0';

export const MEASURE_IDS = [
  'cases_opened',
  'cases_closed',
  'cases_open_at_end',
  'actions',
  'persons_assisted',
  'median_days_to_closure',
  'referrals',
  'assistance_requests',
  'transfers',
  'notification_delay',
  'notification_delay_p90',
  'returns',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export interface Measure {
  readonly id: MeasureId;
  readonly label: Bilingual;
  readonly source: FactSource;
  /**
   * The timestamp that places a row in a period: the row counts when it falls within from..to.
   * `null` for a stock (cases open at each period's end), counted at every period end instead.
   */
  readonly date: string | null;
  /**
   * Counts are disclosure-controlled tables; a median (or another quantile) is published where its
   * count is.
   */
  readonly kind: 'count' | 'median';
  /** For a `median` kind: the SQL of each row's value, and the quantile taken (0.5 by default). */
  readonly value?: string;
  readonly quantile?: number;
}

export const MEASURES: Readonly<Record<MeasureId, Measure>> = {
  cases_opened: {
    id: 'cases_opened',
    label: { es: 'Casos abiertos', en: 'Cases opened' },
    source: 'case',
    date: 'c.opened_at',
    kind: 'count',
  },
  cases_closed: {
    id: 'cases_closed',
    label: { es: 'Casos cerrados', en: 'Cases closed' },
    source: 'case',
    date: 'c.closed_at',
    kind: 'count',
  },
  cases_open_at_end: {
    id: 'cases_open_at_end',
    label: { es: 'Casos abiertos al final del período', en: 'Cases open at period end' },
    source: 'case',
    date: null,
    kind: 'count',
  },
  actions: {
    id: 'actions',
    label: { es: 'Actuaciones consulares', en: 'Consular actions' },
    source: 'action',
    date: 'a.occurred_at',
    kind: 'count',
  },
  persons_assisted: {
    id: 'persons_assisted',
    label: { es: 'Personas asistidas', en: 'Persons assisted' },
    source: 'person',
    date: 'c.opened_at',
    kind: 'count',
  },
  median_days_to_closure: {
    id: 'median_days_to_closure',
    label: { es: 'Mediana de días hasta el cierre', en: 'Median days to closure' },
    source: 'case',
    date: 'c.closed_at',
    kind: 'median',
    value: 'extract(epoch FROM (c.closed_at - c.opened_at)) / 86400.0',
  },
  // Cooperation (issue 16). Each row is also its case `c`, so the scope and every case dimension
  // apply: a country's figures count what its posts sent.
  referrals: {
    id: 'referrals',
    label: { es: 'Canalizaciones a organizaciones', en: 'Referrals to organisations' },
    source: 'referral',
    date: 'r.created_at',
    kind: 'count',
  },
  assistance_requests: {
    id: 'assistance_requests',
    label: { es: 'Solicitudes de asistencia enviadas', en: 'Assistance requests sent' },
    source: 'assistance_request',
    date: 'ar.requested_at',
    kind: 'count',
  },
  transfers: {
    id: 'transfers',
    label: { es: 'Traslados aceptados', en: 'Transfers accepted' },
    source: 'transfer',
    date: 't.decided_at',
    kind: 'count',
  },
  // Detention clocks (issue 17): hours from the arrest to the consulate's notification (VCCR art.
  // 36), by the day of the notification; each row a detention of a person, with their case `c`.
  notification_delay: {
    id: 'notification_delay',
    label: {
      es: 'Mediana de horas entre detención y notificación consular',
      en: 'Median hours from arrest to consular notification',
    },
    source: 'detention',
    date: 'dt.notified_at',
    kind: 'median',
    value: NOTIFICATION_DELAY_HOURS,
  },
  notification_delay_p90: {
    id: 'notification_delay_p90',
    label: {
      es: 'Percentil 90 de horas entre detención y notificación consular',
      en: '90th percentile of hours from arrest to consular notification',
    },
    source: 'detention',
    date: 'dt.notified_at',
    kind: 'median',
    value: NOTIFICATION_DELAY_HOURS,
    quantile: 0.9,
  },
  // Returns (issue 17): each person returned on a completed movement, on the day it arrived; the
  // person is `p`, so sex and age describe who returned.
  returns: {
    id: 'returns',
    label: { es: 'Personas retornadas', en: 'Persons returned' },
    source: 'return',
    date: 'rp.actual_arrival_at',
    kind: 'count',
  },
};

export function isMeasureId(value: string): value is MeasureId {
  return (MEASURE_IDS as readonly string[]).includes(value);
}
