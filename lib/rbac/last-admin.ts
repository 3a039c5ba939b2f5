/**
 * An organisation always keeps at least one direct Admin.
 *
 * Only a member's direct role counts. Admin granted through a team does not: teams can be
 * deleted or have their role changed, which would silently leave the organisation with no
 * admin at all.
 */
import type { RoleRef } from "@/lib/rbac/effective-permissions";

export type MembershipChange = { kind: "remove" } | { kind: "change_role"; to: RoleRef };

export function isDirectAdminRole(role: RoleRef): boolean {
  return role.kind === "builtin" && role.key === "admin";
}

/**
 * True when the change would leave the organisation without a direct Admin.
 *
 * @param adminCount number of members whose direct role is the built-in admin, including the target.
 */
export function wouldRemoveLastAdmin(input: { adminCount: number; target: { currentRole: RoleRef }; change: MembershipChange }): boolean {
  const { adminCount, target, change } = input;
  if (!isDirectAdminRole(target.currentRole)) return false;
  // The target is an admin, so a count below 1 is inconsistent data; treat it as "last admin" to stay safe.
  if (adminCount > 1) return false;
  if (change.kind === "remove") return true;
  return !isDirectAdminRole(change.to);
}
