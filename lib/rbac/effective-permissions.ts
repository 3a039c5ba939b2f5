/**
 * Effective permissions of a member: the union of what every role they hold grants,
 * whether held directly or through a team.
 */
import { isPermission, sortPermissions, type Permission } from "@/lib/rbac/permissions";
import { BUILT_IN_ROLES, isBuiltInRoleKey, type BuiltInRoleKey } from "@/lib/rbac/roles";

/**
 * A role as held by a member. Custom roles' permissions come from the database as plain
 * strings; unknown strings are ignored, never granted.
 */
export type RoleRef = { kind: "builtin"; key: BuiltInRoleKey } | { kind: "custom"; id: string; name: string; permissions: readonly string[] };

export type AccessGrant = {
  role: RoleRef;
  via: { kind: "direct" } | { kind: "team"; teamId: string; teamName: string };
};

export type PermissionSource = { roleName: string; via: AccessGrant["via"] };

export function roleName(role: RoleRef): string {
  if (role.kind === "builtin") return isBuiltInRoleKey(role.key) ? BUILT_IN_ROLES[role.key].name : String(role.key);
  return role.name;
}

/** The known permissions a role grants, de-duplicated, in catalogue order. */
export function rolePermissions(role: RoleRef): Permission[] {
  if (role.kind === "builtin") {
    // A key that is not a built-in role (bad data) grants nothing.
    return isBuiltInRoleKey(role.key) ? [...BUILT_IN_ROLES[role.key].permissions] : [];
  }
  return sortPermissions(role.permissions.filter((p): p is Permission => typeof p === "string" && isPermission(p)));
}

export function effectivePermissions(grants: readonly AccessGrant[]): Set<Permission> {
  const result = new Set<Permission>();
  for (const grant of grants) {
    for (const permission of rolePermissions(grant.role)) result.add(permission);
  }
  return result;
}

/** Whether a permission is granted, and every grant that gives it. */
export function explainPermission(grants: readonly AccessGrant[], permission: Permission): { granted: boolean; sources: PermissionSource[] } {
  const sources: PermissionSource[] = [];
  for (const grant of grants) {
    if (rolePermissions(grant.role).includes(permission)) sources.push({ roleName: roleName(grant.role), via: grant.via });
  }
  return { granted: sources.length > 0, sources };
}
