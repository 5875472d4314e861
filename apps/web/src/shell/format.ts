import { useTranslation } from 'react-i18next';

/**
 * Dates, times and numbers in the current language's conventions (Intl), so a table reads
 * "3 dic 2026" in Spanish and "Dec 3, 2026" in English. A calendar date (YYYY-MM-DD) is shown as
 * that day wherever the browser is: it is read in UTC, not shifted by the local time zone.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'es-419';
  return {
    date: (value: string | null | undefined) =>
      value
        ? new Intl.DateTimeFormat(locale, {
            dateStyle: 'medium',
            timeZone: /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : undefined,
          }).format(new Date(value))
        : '',
    dateTime: (value: string | null | undefined) =>
      value
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
            new Date(value),
          )
        : '',
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
  };
}
