import { useEffect, useRef, useState } from 'react';
import type { SummaryError } from '../error-summary';

/** The errors of a form's last submit, with the summary focused each time they are shown. */
export function useErrorSummary() {
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) summaryRef.current?.focus();
  }, [errors]);
  const fieldError = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  return { errors, setErrors, summaryRef, fieldError };
}
