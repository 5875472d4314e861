import { useTranslation } from 'react-i18next';

/** Hidden from sight, read by screen readers. */
export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/**
 * A suppressed cell: a visible mark (never a colour alone, never 0) that screen readers announce
 * as the word "suppressed" instead of the letter.
 */
export function SuppressedMark() {
  const { t } = useTranslation('statistics');
  return (
    <>
      <span aria-hidden="true" style={{ fontWeight: 700 }}>
        {t('suppressed.mark')}
      </span>
      <span style={visuallyHidden}>{t('suppressed.label')}</span>
    </>
  );
}
