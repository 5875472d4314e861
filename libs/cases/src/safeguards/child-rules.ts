import { CaseCategory, RiskLevel, VulnerabilityFlag } from '../case-codes';

/** What decides whether a case is a child's: its codes, and the ages of its persons. */
export interface ChildCaseFacts {
  primaryCategory: CaseCategory;
  secondaryCategories: CaseCategory[];
  vulnerabilityFlags: VulnerabilityFlag[];
  riskLevel: RiskLevel;
}

/** A person's age as recorded: a date of birth, else an age estimated on a day. */
export interface PersonAgeFacts {
  dateOfBirth: string | null;
  estimatedAge: number | null;
  estimatedAgeOn: string | null;
}

/** Why a closure must be approved (by the consul, or the supervisor of a post without one). */
export const CONSUL_APPROVAL_REASONS = [
  'unaccompanied_child_category',
  'child_flag',
  'person_under_18',
  'trafficking_indicators',
  'critical_risk',
] as const;
export type ConsulApprovalReason = (typeof CONSUL_APPROVAL_REASONS)[number];

const CHILD_FLAGS: readonly VulnerabilityFlag[] = ['unaccompanied_child', 'separated_child'];

const utcDay = (value: string | Date): Date => {
  const d = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};

/** Whole years from `from` to `to` (a birthday counts from its day). */
function yearsBetween(from: Date, to: Date): number {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  const beforeBirthday =
    to.getUTCMonth() < from.getUTCMonth() ||
    (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate());
  if (beforeBirthday) years -= 1;
  return years;
}

/** The person's age on `now` in whole years, or null when neither birth date nor estimate is known. */
export function ageOn(person: PersonAgeFacts, now: Date): number | null {
  const today = utcDay(now);
  if (person.dateOfBirth) return yearsBetween(utcDay(person.dateOfBirth), today);
  if (person.estimatedAge == null) return null;
  const since = person.estimatedAgeOn ? yearsBetween(utcDay(person.estimatedAgeOn), today) : 0;
  return person.estimatedAge + Math.max(since, 0);
}

export function isMinor(person: PersonAgeFacts, now: Date): boolean {
  const age = ageOn(person, now);
  return age != null && age < 18;
}

/** An unaccompanied or separated child's case: by category or by flag. */
export function isUnaccompaniedChildCase(c: ChildCaseFacts): boolean {
  return (
    c.primaryCategory === 'unaccompanied_child' ||
    c.secondaryCategories.includes('unaccompanied_child') ||
    c.vulnerabilityFlags.some((f) => CHILD_FLAGS.includes(f))
  );
}

/** A child's case: unaccompanied or separated, or with any person under 18 on `now`. */
export function isChildCase(
  c: ChildCaseFacts,
  persons: readonly PersonAgeFacts[],
  now: Date,
): boolean {
  return isUnaccompaniedChildCase(c) || persons.some((p) => isMinor(p, now));
}

/**
 * Why an officer may not close this case directly, but must request its closure; null when they
 * may. The first rule that applies is the one the refusal names.
 */
export function needsConsulApproval(
  c: ChildCaseFacts,
  persons: readonly PersonAgeFacts[],
  now: Date,
): ConsulApprovalReason | null {
  if (
    c.primaryCategory === 'unaccompanied_child' ||
    c.secondaryCategories.includes('unaccompanied_child')
  )
    return 'unaccompanied_child_category';
  if (c.vulnerabilityFlags.some((f) => CHILD_FLAGS.includes(f))) return 'child_flag';
  if (persons.some((p) => isMinor(p, now))) return 'person_under_18';
  if (c.vulnerabilityFlags.includes('trafficking_indicators')) return 'trafficking_indicators';
  if (c.riskLevel === 'critical') return 'critical_risk';
  return null;
}
