import type { RouteObject } from 'react-router';

/** The administration screens (users, audit log), each page loaded when first opened. */
export const adminRoutes: RouteObject[] = [
  {
    path: '/admin/users',
    lazy: async () => ({ Component: (await import('./users/users-page')).UsersPage }),
  },
  {
    path: '/admin/users/new',
    lazy: async () => ({ Component: (await import('./users/user-create-page')).UserCreatePage }),
  },
  {
    path: '/admin/users/:id',
    lazy: async () => ({ Component: (await import('./users/user-page')).UserPage }),
  },
  {
    path: '/admin/users/:id/edit',
    lazy: async () => ({ Component: (await import('./users/user-edit-page')).UserEditPage }),
  },
  {
    path: '/admin/users/:id/roles',
    lazy: async () => ({ Component: (await import('./users/user-roles-page')).UserRolesPage }),
  },
  {
    path: '/admin/audit',
    lazy: async () => ({ Component: (await import('./audit/audit-page')).AuditPage }),
  },
];
