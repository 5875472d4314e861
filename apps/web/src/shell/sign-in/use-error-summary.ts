import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryError } from '../error-summary';

/**
 * The errors of a form's last submit, with the summary focused each time they are shown. They are
 * in the language they were made in (the API's among them): switching language clears them, and
 * the next submit says them again in the new one.
 */
export function useErrorSummary() {
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const { language } = useTranslation().i18n;
  const [madeIn, setMadeIn] = useState(language);
  if (madeIn !== language) {
    setMadeIn(language);
    setErrors([]);
  }
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) summaryRef.current?.focus();
  }, [errors]);
  const fieldError = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  return { errors, setErrors, summaryRef, fieldError };
}
