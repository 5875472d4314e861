import { Role } from './roles';

/** Every permission, as `resource:action`. Routes declare one with `@RequirePermission`. */
export const PERMISSIONS = [
  'users:read',
  'users:manage',
  'audit:read',
  'system:diagnose',
  'countries:manage',
  'consulates:manage',
  'directory:read',
  'directory:manage',
  'cases:read',
  'cases:write',
  'cases:assign',
  'cases:approve_closure',
  'cases:read_restricted',
  'cases:transfer',
  'cases:export',
  'consent:review_overrides',
  'statistics:read',
  'statistics:export',
  'organisation:edit_own',
  'crisis:read',
  'crisis:write',
  'crisis:manage',
  'export_signing_key:read',
  'regional:read',
  'regional:manage',
  'practices:read',
  'practices:submit',
  'practices:review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The one table from role to permissions (docs/domain.md, Roles). Admins manage people and directories
 * but never see case content; analysts see aggregates only; an organisation's focal point edits that
 * organisation's directory entry and sees nothing else.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  officer: [
    'directory:read',
    'cases:read',
    'cases:write',
    'cases:transfer',
    'statistics:read',
    'crisis:read',
    'crisis:write',
    'practices:read',
  ],
  consul: [
    'directory:read',
    'cases:read',
    'cases:write',
    'cases:assign',
    'cases:approve_closure',
    'cases:read_restricted',
    'consent:review_overrides',
    'cases:transfer',
    'statistics:read',
    'crisis:read',
    'crisis:write',
    'crisis:manage',
    'practices:read',
    'practices:submit',
  ],
  supervisor: [
    'directory:read',
    'cases:read',
    'cases:assign',
    'cases:transfer',
    'cases:export',
    'consent:review_overrides',
    'statistics:read',
    'statistics:export',
    'crisis:read',
    'crisis:manage',
    'practices:read',
  ],
  analyst: ['directory:read', 'statistics:read', 'statistics:export', 'practices:read'],
  admin: [
    'directory:read',
    'directory:manage',
    'consulates:manage',
    'users:read',
    'users:manage',
    'audit:read',
    'export_signing_key:read',
    'practices:read',
    'practices:submit',
  ],
  system_admin: [
    'directory:read',
    'directory:manage',
    'consulates:manage',
    'countries:manage',
    'users:read',
    'users:manage',
    'audit:read',
    'system:diagnose',
    'export_signing_key:read',
    'practices:read',
  ],
  organisation_focal_point: ['organisation:edit_own'],
  // The regional secretariat of the network: member countries' keys and their verified national
  // exports (aggregates only), and the review and publication of the good-practice catalogue; no
  // case, directory or user of any country.
  network_secretariat: ['regional:read', 'regional:manage', 'practices:read', 'practices:review'],
};

export function permissionsOf(roles: Iterable<Role>): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles)
    for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return granted;
}
