/**
 * Validation of custom roles' input (permission list and name).
 */
import { isPermission, sortPermissions, type Permission } from "@/lib/rbac/permissions";
import { BUILT_IN_ROLES, ROLE_ORDER } from "@/lib/rbac/roles";

export const ROLE_NAME_MAX_LENGTH = 50;

/**
 * Accepts an array of known permission strings. Returns them de-duplicated and in catalogue
 * order. An empty array is allowed (a role with no permissions).
 */
export function validateRolePermissions(input: unknown): { ok: true; permissions: Permission[] } | { ok: false; error: string } {
  if (!Array.isArray(input)) return { ok: false, error: "Permissions must be a list." };
  if (input.some((p) => typeof p !== "string")) return { ok: false, error: "Every permission must be a string." };
  const strings = input as string[];
  const unknown = [...new Set(strings.filter((p) => !isPermission(p)))];
  if (unknown.length > 0) {
    const list = unknown.map((p) => JSON.stringify(p)).join(", ");
    return { ok: false, error: unknown.length === 1 ? `Unknown permission: ${list}.` : `Unknown permissions: ${list}.` };
  }
  return { ok: true, permissions: sortPermissions(strings as Permission[]) };
}

/** A custom role's name: trimmed, 1–50 characters, not a built-in role's name (case-insensitively). */
export function validateRoleName(name: unknown): { ok: true; name: string } | { ok: false; error: string } {
  if (typeof name !== "string") return { ok: false, error: "Role name is required." };
  const trimmed = name.trim();
  if (trimmed.length === 0) return { ok: false, error: "Role name is required." };
  if (Array.from(trimmed).length > ROLE_NAME_MAX_LENGTH) return { ok: false, error: `Role name must be at most ${ROLE_NAME_MAX_LENGTH} characters.` };
  const lower = trimmed.toLowerCase();
  const clash = ROLE_ORDER.find((key) => key === lower || BUILT_IN_ROLES[key].name.toLowerCase() === lower);
  if (clash) return { ok: false, error: `"${BUILT_IN_ROLES[clash].name}" is a built-in role; choose another name.` };
  return { ok: true, name: trimmed };
}
