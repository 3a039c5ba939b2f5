/**
 * Built-in roles. They live in code, not the database, and cannot be edited.
 */
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";

export type BuiltInRoleKey = "admin" | "manager" | "member" | "viewer";

export type BuiltInRole = {
  readonly key: BuiltInRoleKey;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly Permission[];
};

/** Display order, most to least privileged. */
export const ROLE_ORDER: readonly BuiltInRoleKey[] = Object.freeze(["admin", "manager", "member", "viewer"] as const);

const READS = ALL_PERMISSIONS.filter((p) => p.endsWith(":read"));

const MANAGER_EXCLUDED: ReadonlySet<Permission> = new Set<Permission>(["roles:write", "roles:delete", "settings:write", "settings:delete", "billing:write"]);

const MEMBER_EXCLUDED_READS: ReadonlySet<Permission> = new Set<Permission>(["audit:read", "billing:read"]);

const MEMBER_EXTRA: ReadonlySet<Permission> = new Set<Permission>([
  "nats_users:write",
  "nats_streams:write",
  "services:invoke",
  // Members create their own API keys; a key's scopes are capped by its creator's permissions elsewhere.
  "api_keys:write",
]);

function role(key: BuiltInRoleKey, name: string, description: string, permissions: readonly Permission[]): BuiltInRole {
  return Object.freeze({ key, name, description, permissions: Object.freeze([...permissions]) });
}

export const BUILT_IN_ROLES: Readonly<Record<BuiltInRoleKey, BuiltInRole>> = Object.freeze({
  admin: role("admin", "Admin", "Full access to everything in the organisation.", ALL_PERMISSIONS),
  manager: role(
    "manager",
    "Manager",
    "Manages members, teams and NATS resources, but not roles, billing or organisation settings.",
    ALL_PERMISSIONS.filter((p) => !MANAGER_EXCLUDED.has(p)),
  ),
  member: role(
    "member",
    "Member",
    "Views the organisation and works with NATS users, streams, services and their own API keys.",
    ALL_PERMISSIONS.filter((p) => (p.endsWith(":read") && !MEMBER_EXCLUDED_READS.has(p)) || MEMBER_EXTRA.has(p)),
  ),
  viewer: role("viewer", "Viewer", "Read-only access.", READS),
});

export function isBuiltInRoleKey(value: unknown): value is BuiltInRoleKey {
  return typeof value === "string" && Object.hasOwn(BUILT_IN_ROLES, value);
}
