import type { Me, Permission, Role } from './use-me';

export interface NavigationEntry {
  path: string;
  /** A key of the shell's `nav` messages. */
  label: string;
  /** Shown only to users who hold it; the API refuses the screen's calls to anyone else anyway. */
  permission?: Permission;
  /** Marked current on its own path only, not on the paths below it (another entry's). */
  end?: boolean;
  /** Shown only to users with a grant of one of these roles: screens meant for some roles only. */
  roles?: readonly Role[];
  /** The pages this entry's page leads to: the entry is marked current on them too. */
  sections?: readonly string[];
}

/**
 * The main menu, in the order shown; `/` opens the first entry the user may use. A screen's folder
 * adds its entry here when it lands; `end` matching keeps "/" from being active on every page.
 */
export const NAVIGATION: readonly NavigationEntry[] = [
  { path: '/queue', label: 'queue', permission: 'cases:read', roles: ['officer', 'consul'] },
  {
    path: '/dashboard',
    label: 'dashboard',
    permission: 'cases:read',
    roles: ['supervisor', 'consul'],
  },
  // A supervisor's queue (closure requests of posts without a consul) opens from the dashboard, the
  // supervisor's home: a supervisor who also analyses and administers has the longest menu.
  { path: '/cases', label: 'cases', permission: 'cases:read' },
  // One entry for transfers, referrals and mutual assistance (a page of links): a supervisor's menu
  // (with the dashboard, and often statistics and administration) has room for one more entry only
  // on one line at 1024 px (menu-bar browser spec).
  {
    path: '/cooperation',
    label: 'cooperation',
    permission: 'cases:read',
    roles: ['officer', 'consul', 'supervisor'],
    sections: ['/transfers', '/referrals', '/assistance'],
  },
  // Crisis work: the event's roster is read by officers, consuls and supervisors of its posts.
  { path: '/crisis', label: 'crisis', permission: 'crisis:read' },
  // Supervisors open returns from the Cooperation page: their menu bar is full at 1024 px.
  { path: '/returns', label: 'returns', permission: 'cases:read', roles: ['officer', 'consul'] },
  // Exports open from the statistics page, their section.
  {
    path: '/statistics',
    label: 'statistics',
    permission: 'statistics:read',
    end: true,
    sections: ['/statistics/exports'],
  },
  { path: '/regional', label: 'regional', permission: 'regional:read' },
  { path: '/admin/users', label: 'users', permission: 'users:read' },
  { path: '/admin/audit', label: 'audit', permission: 'audit:read' },
  { path: '/practices', label: 'practices', permission: 'practices:read' },
  { path: '/directory', label: 'directory', permission: 'directory:read' },
  // An organisation's focal point has this screen only: it is their home.
  { path: '/my-organisation', label: 'myOrganisation', permission: 'organisation:edit_own' },
  { path: '/account', label: 'account' },
];

/** Whether the menu offers an entry to this user (none of the guarded ones while /me loads). */
export function mayOpen(entry: NavigationEntry, me: Me | undefined): boolean {
  if (entry.permission && !me?.permissions.includes(entry.permission)) return false;
  if (entry.roles && !me?.grants.some((grant) => entry.roles!.includes(grant.role))) return false;
  return true;
}
