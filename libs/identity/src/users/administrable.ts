import { RoleGrant } from '../access/caller';
import { ROLES_GRANTABLE_BY_ADMIN } from '../access/roles';
import { Scope, inScope } from '../access/scope.service';

/**
 * Whether an administrator whose scope is `scope` may act on the account of a user with these
 * grants (reset its password or MFA, disable or enable it, change its grants). A country admin acts
 * only on users whose every role it could have granted itself: never on another admin or a
 * system_admin (that would hand it their account), nor on someone who also holds roles in another
 * country. Scope (404) and acting on oneself are checked before this.
 */
export function mayAdminister(scope: Scope<string>, user: { grants: RoleGrant[] }): boolean {
  if (scope.all) return true;
  return user.grants.every(
    (g) => ROLES_GRANTABLE_BY_ADMIN.includes(g.role) && inScope(scope, g.countryCode),
  );
}
