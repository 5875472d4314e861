import { Alert, AlertTitle, Link, List, ListItem } from '@mui/material';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError {
  /** The id of the field the message is about, or none for a message about the whole form. */
  fieldId?: string;
  message: string;
}

/**
 * The GOV.UK error summary: shown above a form after a failed submit, focused so a screen reader
 * announces it, each message a link that moves focus to its field.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: SummaryError[] }>(
  function ErrorSummary({ errors }, ref) {
    const { t } = useTranslation();
    if (errors.length === 0) return null;
    return (
      // The inner element is the one alert (and the focus target): MUI's own would announce twice.
      <Alert severity="error" role="none" sx={{ mb: 3 }}>
        <div role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
          <AlertTitle id="error-summary-title" component="h2">
            {t('errorSummary.title')}
          </AlertTitle>
          <List dense disablePadding>
            {errors.map((error) => (
              <ListItem key={`${error.fieldId ?? ''}${error.message}`} disableGutters>
                {error.fieldId ? (
                  <Link
                    href={`#${error.fieldId}`}
                    color="inherit"
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(error.fieldId!)?.focus();
                    }}
                  >
                    {error.message}
                  </Link>
                ) : (
                  error.message
                )}
              </ListItem>
            ))}
          </List>
        </div>
      </Alert>
    );
  },
);
