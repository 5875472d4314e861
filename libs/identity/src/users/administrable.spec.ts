import { RoleGrant } from '../access/caller';
import { mayAdminister } from './administrable';

const grant = (role: RoleGrant['role'], countryCode: string | null): RoleGrant => ({
  role,
  consulateId:
    role === 'officer' || role === 'consul' ? 'c0ffee00-0000-4000-8000-000000000000' : null,
  countryCode,
  organisationId:
    role === 'organisation_focal_point' ? 'c0ffee00-0000-4000-8000-000000000001' : null,
});
const adminOfMx = { all: false as const, ids: ['MX'] };

describe('mayAdminister', () => {
  it.each([
    ['an officer of its country', [grant('officer', 'MX')], true],
    [
      'a supervisor and analyst of its country',
      [grant('supervisor', 'MX'), grant('analyst', 'MX')],
      true,
    ],
    ['a user without grants of its country', [], true],
    ['another admin of its country', [grant('admin', 'MX')], false],
    ['an officer who is also an admin', [grant('officer', 'MX'), grant('admin', 'MX')], false],
    ['a system_admin', [grant('system_admin', null)], false],
    [
      'an officer who is also an analyst of another country',
      [grant('officer', 'MX'), grant('analyst', 'GT')],
      false,
    ],
    [
      'the focal point of an organisation its country manages',
      [grant('organisation_focal_point', 'MX')],
      true,
    ],
    [
      'the focal point of an organisation another country manages',
      [grant('organisation_focal_point', 'GT')],
      false,
    ],
    [
      'the focal point of an organisation only system_admins manage',
      [grant('organisation_focal_point', null)],
      false,
    ],
  ])('lets a country admin act on %s: %s', (_name, grants, expected) => {
    expect(mayAdminister(adminOfMx, { grants })).toBe(expected);
  });

  it('lets a system_admin act on anyone, admins included', () => {
    expect(mayAdminister({ all: true }, { grants: [grant('system_admin', null)] })).toBe(true);
    expect(mayAdminister({ all: true }, { grants: [grant('admin', 'GT')] })).toBe(true);
  });
});
