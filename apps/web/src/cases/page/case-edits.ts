import type { components } from '../../api/schema';
import type { CaseDetail } from '../case-queries';

type Update = components['schemas']['UpdateCaseRequest'];

/** The case fields the edit form changes, as the form holds them. */
export interface CaseEdits {
  primaryCategory: NonNullable<Update['primaryCategory']>;
  riskLevel: NonNullable<Update['riskLevel']>;
  vulnerabilityFlags: NonNullable<Update['vulnerabilityFlags']>;
  summary: string;
  restricted: boolean;
  /** Empty clears it (sent as null). */
  nextStep: string;
  /** YYYY-MM-DD, or empty to clear it. */
  nextStepDue: string;
  /** Where the person is sheltered (T3 on a child's case); empty clears it. */
  shelter: string;
  /** Empty: not recorded (sent as null). */
  hostCountryRole: NonNullable<Update['hostCountryRole']> | '';
  temporaryWorker: boolean;
}

export const EDITED_FIELDS = [
  'primaryCategory',
  'riskLevel',
  'vulnerabilityFlags',
  'summary',
  'restricted',
  'nextStep',
  'nextStepDue',
  'shelter',
  'hostCountryRole',
  'temporaryWorker',
] as const satisfies readonly (keyof CaseEdits)[];
export type EditedField = (typeof EDITED_FIELDS)[number];

export function editsOf(c: CaseDetail): CaseEdits {
  return {
    primaryCategory: c.primaryCategory as CaseEdits['primaryCategory'],
    riskLevel: c.riskLevel as CaseEdits['riskLevel'],
    vulnerabilityFlags: [...c.vulnerabilityFlags].sort() as CaseEdits['vulnerabilityFlags'],
    summary: c.summary ?? '',
    restricted: c.restricted,
    nextStep: c.nextStep ?? '',
    nextStepDue: c.nextStepDue ?? '',
    shelter: c.shelter ?? '',
    hostCountryRole: c.hostCountryRole ?? '',
    temporaryWorker: c.temporaryWorker,
  };
}

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i])
    : a === b;
}

/** The fields where `edits` differ from `base`: the PATCH body, so nothing unchanged is sent. */
export function changedFields(base: CaseEdits, edits: CaseEdits): Update {
  const body: Record<string, unknown> = {};
  for (const field of EDITED_FIELDS)
    if (!same(base[field], edits[field])) body[field] = edits[field];
  for (const field of ['nextStep', 'nextStepDue', 'shelter'] as const)
    if (field in body) body[field] = edits[field].trim() || null;
  if ('hostCountryRole' in body) body.hostCountryRole = edits.hostCountryRole || null;
  return body as Update;
}

/** One field someone else changed while the user edited: their value now, and the user's own. */
export interface Conflict {
  field: EditedField;
  theirs: CaseEdits[EditedField];
  /** The user's value when they changed the field too; undefined when they left it. */
  yours?: CaseEdits[EditedField];
}

/**
 * After a 412: the form moves onto the case as saved now. The fields the user changed keep the
 * user's value (never lost silently); the others take the saved value (so a save does not undo
 * someone else's change); every field that changed since the form opened is listed.
 */
export function rebase(
  base: CaseEdits,
  edits: CaseEdits,
  fresh: CaseEdits,
): { edits: CaseEdits; conflicts: Conflict[] } {
  const next = { ...fresh } as Record<EditedField, unknown>;
  const conflicts: Conflict[] = [];
  for (const field of EDITED_FIELDS) {
    const mine = !same(base[field], edits[field]);
    if (mine) next[field] = edits[field];
    if (!same(base[field], fresh[field]))
      conflicts.push({ field, theirs: fresh[field], yours: mine ? edits[field] : undefined });
  }
  return { edits: next as unknown as CaseEdits, conflicts };
}
