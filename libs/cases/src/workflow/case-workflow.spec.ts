import { DomainError } from '@amparo/core';
import { CASE_STATUSES, CaseStatus } from '../case-codes';
import {
  TRANSITIONS,
  TransitionInput,
  WorkflowRole,
  allowedTransitions,
  assertTransitionAllowed,
} from './case-workflow';

const base = {
  flags: [],
  riskLevel: 'low',
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
    ['unaccompanied_child', 'low'],
    ['trafficking_indicators', 'medium'],
    [undefined, 'critical'],
  ] as const)('refuses an officer closing a case flagged %s at risk %s directly', (flag, risk) => {
    const sensitive = { flags: flag ? [flag] : [], riskLevel: risk };
    expect(outcome({ from: 'in_progress', to: 'closed', roles: ['officer'], ...sensitive })).toBe(
      'CLOSURE_NEEDS_CONSUL',
    );
    expect(
      outcome({ from: 'in_progress', to: 'closure_requested', roles: ['officer'], ...sensitive }),
    ).toBe('allowed');
    expect(outcome({ from: 'in_progress', to: 'closed', roles: ['consul'], ...sensitive })).toBe(
      'allowed',
    );
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
  const cases = [
    { flags: [], riskLevel: 'low' },
    { flags: ['unaccompanied_child'], riskLevel: 'low' },
    { flags: [], riskLevel: 'critical' },
  ] as const;

  it('offers exactly the moves the workflow accepts, for every status, role and closure rule', () => {
    for (const from of CASE_STATUSES)
      for (const roles of roleSets)
        for (const c of cases) {
          const offered = allowedTransitions({
            from,
            roles,
            flags: [...c.flags],
            riskLevel: c.riskLevel,
          })
            .map((t) => t.to)
            .sort();
          const accepted = CASE_STATUSES.filter(
            (to) =>
              outcome({ from, to, roles, flags: [...c.flags], riskLevel: c.riskLevel }) ===
              'allowed',
          ).sort();
          expect({ from, roles, c, offered }).toEqual({ from, roles, c, offered: accepted });
        }
  });

  it('asks for a closure reason except when the consul approves a requested closure', () => {
    expect(
      allowedTransitions({
        from: 'closure_requested',
        roles: ['consul'],
        flags: [],
        riskLevel: 'low',
      }),
    ).toEqual([
      { to: 'in_progress', reasonRequired: true, closureReasonRequired: false },
      { to: 'closed', reasonRequired: false, closureReasonRequired: false },
    ]);
    expect(
      allowedTransitions({ from: 'in_progress', roles: ['officer'], flags: [], riskLevel: 'low' }),
    ).toEqual([
      { to: 'waiting', reasonRequired: true, closureReasonRequired: false },
      { to: 'closed', reasonRequired: false, closureReasonRequired: true },
      { to: 'closure_requested', reasonRequired: false, closureReasonRequired: true },
    ]);
  });
});
