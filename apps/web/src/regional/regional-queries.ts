/** TanStack Query keys of the regional workspace, invalidated after a write. */
export const regionalKeys = {
  all: ['regional'] as const,
  keys: ['regional', 'keys'] as const,
  exports: ['regional', 'exports'] as const,
  reporting: (semester: string) => ['regional', 'reporting', semester] as const,
  consolidation: (semester: string, measure: string, dimension: string) =>
    ['regional', 'consolidation', semester, measure, dimension] as const,
  reports: (semester: string) => ['regional', 'reports', semester] as const,
};
