import type { Permission } from './use-me';

export interface NavigationEntry {
  path: string;
  /** A key of the shell's `nav` messages. */
  label: string;
  /** Shown only to users who hold it; the API refuses the screen's calls to anyone else anyway. */
  permission?: Permission;
}

/**
 * The main menu, in the order shown. A screen's folder adds its entry here when it lands; `end`
 * matching keeps "/" from being active on every page.
 */
export const NAVIGATION: readonly NavigationEntry[] = [
  { path: '/admin/users', label: 'users', permission: 'users:read' },
  { path: '/admin/audit', label: 'audit', permission: 'audit:read' },
  { path: '/directory', label: 'directory', permission: 'directory:read' },
  { path: '/account', label: 'account' },
];
