/** A roster person's name as read aloud and shown: given names, then family names. */
export const personName = (p: { givenNames: string; familyNames?: string | null }) =>
  [p.givenNames, p.familyNames].filter(Boolean).join(' ');
