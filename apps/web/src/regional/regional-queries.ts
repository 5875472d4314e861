/** TanStack Query keys of the regional workspace, invalidated after a write. */
export const regionalKeys = {
  all: ['regional'] as const,
  keys: ['regional', 'keys'] as const,
  reporting: (semester: string) => ['regional', 'reporting', semester] as const,
};
