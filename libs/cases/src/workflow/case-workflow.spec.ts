import { DomainError } from '@amparo/core';
import { CASE_STATUSES, CaseStatus } from '../case-codes';
import { ChildCaseFacts } from '../safeguards/child-rules';
import {
  TRANSITIONS,
  TransitionInput,
  WorkflowRole,
  allowedTransitions,
  assertTransitionAllowed,
} from './case-workflow';

const plainCase: ChildCaseFacts = {
  primaryCategory: 'labour_rights',
  secondaryCategories: [],
  vulnerabilityFlags: [],
  riskLevel: 'low',
};
const now = new Date('2026-12-04T12:00:00Z');
const adult = { dateOfBirth: '1990-01-01', estimatedAge: null, estimatedAgeOn: null };
const child = { dateOfBirth: '2015-01-01', estimatedAge: null, estimatedAgeOn: null };

const base = {
  case: plainCase,
  persons: [adult],
  now,
  postHasConsul: true,
  reason: 'Awaiting documents from the authority',
  closureReason: 'resolved',
} as const;

function outcome(
  input: Partial<TransitionInput> & { from: CaseStatus; to: CaseStatus; roles: WorkflowRole[] },
): string {
  try {
    assertTransitionAllowed({ ...base, ...input } as TransitionInput);
    return 'allowed';
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('case workflow', () => {
  const allowed = TRANSITIONS.flatMap((rule) => rule.from.map((from) => [from, rule.to] as const));

  it.each(allowed)('allows %s → %s for a role of its row', (from, to) => {
    const rule = TRANSITIONS.find((r) => r.to === to && r.from.includes(from))!;
    expect(outcome({ from, to, roles: [rule.roles[0]] })).toBe('allowed');
  });

  const refused = CASE_STATUSES.flatMap((from) =>
    CASE_STATUSES.map((to) => [from, to] as const),
  ).filter(([from, to]) => !allowed.some(([f, t]) => f === from && t === to));

  it.each(refused)('refuses %s → %s as INVALID_TRANSITION, whoever asks', (from, to) => {
    expect(outcome({ from, to, roles: ['officer', 'consul', 'supervisor'] })).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('keeps approval and rejection of a closure request to the consul', () => {
    expect(outcome({ from: 'closure_requested', to: 'closed', roles: ['officer'] })).toBe(
      'TRANSITION_FORBIDDEN',
    );
    expect(outcome({ from: 'closure_requested', to: 'in_progress', roles: ['officer'] })).toBe(
      'TRANSITION_FORBIDDEN',
    );
    expect(outcome({ from: 'closure_requested', to: 'closed', roles: ['consul'] })).toBe('allowed');
  });

  it('lets only a consul or supervisor reopen a closed case', () => {
    expect(outcome({ from: 'closed', to: 'reopened', roles: ['officer'] })).toBe(
      'TRANSITION_FORBIDDEN',
    );
    expect(outcome({ from: 'closed', to: 'reopened', roles: ['supervisor'] })).toBe('allowed');
  });

  it.each([
    [
      'the unaccompanied-child category',
      { case: { ...plainCase, primaryCategory: 'unaccompanied_child' } },
      'unaccompanied_child_category',
    ],
    [
      'a secondary unaccompanied-child category',
      { case: { ...plainCase, secondaryCategories: ['unaccompanied_child'] } },
      'unaccompanied_child_category',
    ],
    [
      'the unaccompanied_child flag',
      { case: { ...plainCase, vulnerabilityFlags: ['unaccompanied_child'] } },
      'child_flag',
    ],
    [
      'the separated_child flag',
      { case: { ...plainCase, vulnerabilityFlags: ['separated_child'] } },
      'child_flag',
    ],
    ['a person under 18', { persons: [adult, child] }, 'person_under_18'],
    [
      'trafficking indicators',
      { case: { ...plainCase, vulnerabilityFlags: ['trafficking_indicators'] } },
      'trafficking_indicators',
    ],
    ['critical risk', { case: { ...plainCase, riskLevel: 'critical' } }, 'critical_risk'],
  ] as [string, Partial<TransitionInput>, string][])(
    'refuses an officer closing a case with %s directly, saying why',
    (_label, sensitive, rule) => {
      const error = (() => {
        try {
          assertTransitionAllowed({
            ...base,
            from: 'in_progress',
            to: 'closed',
            roles: ['officer'],
            ...sensitive,
          } as TransitionInput);
        } catch (e) {
          return e as DomainError;
        }
      })();
      expect(error?.code).toBe('CLOSURE_NEEDS_CONSUL');
      expect(error?.details.params?.rule).toBe(rule);
      expect(
        outcome({ from: 'in_progress', to: 'closure_requested', roles: ['officer'], ...sensitive }),
      ).toBe('allowed');
      expect(outcome({ from: 'in_progress', to: 'closed', roles: ['consul'], ...sensitive })).toBe(
        'allowed',
      );
    },
  );

  it('lets the supervisor decide a closure request only where the post has no consul', () => {
    for (const to of ['closed', 'in_progress'] as const) {
      expect(
        outcome({ from: 'closure_requested', to, roles: ['supervisor'], postHasConsul: false }),
      ).toBe('allowed');
      expect(
        outcome({ from: 'closure_requested', to, roles: ['supervisor'], postHasConsul: true }),
      ).toBe('SUPERVISOR_POST_HAS_CONSUL');
      expect(
        outcome({ from: 'closure_requested', to, roles: ['officer'], postHasConsul: false }),
      ).toBe('TRANSITION_FORBIDDEN');
    }
    // A supervisor never closes directly, consul or not.
    expect(
      outcome({ from: 'in_progress', to: 'closed', roles: ['supervisor'], postHasConsul: false }),
    ).toBe('TRANSITION_FORBIDDEN');
  });

  it('needs a closure reason to close, a reason to wait, reject or reopen, and the surviving case of a duplicate', () => {
    expect(
      outcome({ from: 'open', to: 'closed', roles: ['officer'], closureReason: undefined }),
    ).toBe('VALIDATION_FAILED');
    expect(outcome({ from: 'in_progress', to: 'waiting', roles: ['officer'], reason: '  ' })).toBe(
      'VALIDATION_FAILED',
    );
    expect(outcome({ from: 'closed', to: 'reopened', roles: ['consul'], reason: undefined })).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      outcome({ from: 'open', to: 'closed', roles: ['consul'], closureReason: 'duplicate' }),
    ).toBe('VALIDATION_FAILED');
    expect(
      outcome({
        from: 'open',
        to: 'closed',
        roles: ['consul'],
        closureReason: 'duplicate',
        duplicateOf: 'another-case',
      }),
    ).toBe('allowed');
  });
});

describe('allowed transitions', () => {
  const roleSets: WorkflowRole[][] = [
    ['officer'],
    ['consul'],
    ['supervisor'],
    ['officer', 'consul'],
    [],
  ];
  const variants: Partial<TransitionInput>[] = [
    {},
    { case: { ...plainCase, vulnerabilityFlags: ['unaccompanied_child'] } },
    { case: { ...plainCase, riskLevel: 'critical' } },
    { persons: [child] },
    { postHasConsul: false },
  ];

  it('offers exactly the moves the workflow accepts, for every status, role and closure rule', () => {
    for (const from of CASE_STATUSES)
      for (const roles of roleSets)
        for (const c of variants) {
          const offered = allowedTransitions({ ...base, ...c, from, roles })
            .map((t) => t.to)
            .sort();
          const accepted = CASE_STATUSES.filter(
            (to) => outcome({ ...c, from, to, roles }) === 'allowed',
          ).sort();
          expect({ from, roles, c, offered }).toEqual({ from, roles, c, offered: accepted });
        }
  });

  it('asks for a closure reason except when the consul approves a requested closure', () => {
    expect(allowedTransitions({ ...base, from: 'closure_requested', roles: ['consul'] })).toEqual([
      { to: 'in_progress', reasonRequired: true, closureReasonRequired: false },
      { to: 'closed', reasonRequired: false, closureReasonRequired: false },
    ]);
    expect(allowedTransitions({ ...base, from: 'in_progress', roles: ['officer'] })).toEqual([
      { to: 'waiting', reasonRequired: true, closureReasonRequired: false },
      { to: 'closed', reasonRequired: false, closureReasonRequired: true },
      { to: 'closure_requested', reasonRequired: false, closureReasonRequired: true },
    ]);
  });
});
