import type { WelfareStatus } from './crisis-types';

/** One colour per welfare status in the chart (the table beside it says the same in words). */
export const WELFARE_COLOURS: Record<WelfareStatus, string> = {
  unaccounted: '#757575',
  safe: '#2e7d32',
  needs_assistance: '#ed6c02',
  injured: '#c62828',
  missing: '#6a1b9a',
  deceased: '#212121',
  evacuated: '#0277bd',
};
