import { useTranslation } from 'react-i18next';

/** "mar 2026" / "Mar 2026" for a UTC month (YYYY-MM), in the current language. */
export function useMonthLabel(): (month: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en' : 'es-419', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (month) => format.format(new Date(`${month}-01T00:00:00.000Z`));
}
