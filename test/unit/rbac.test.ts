import assert from "node:assert/strict";
import { test } from "node:test";
import { effectivePermissions, explainPermission, rolePermissions, type AccessGrant, type RoleRef } from "@/lib/rbac/effective-permissions";
import { wouldRemoveLastAdmin } from "@/lib/rbac/last-admin";
import { ALL_PERMISSIONS, PERMISSION_CATALOGUE, isPermission, type Permission } from "@/lib/rbac/permissions";
import { BUILT_IN_ROLES, ROLE_ORDER, isBuiltInRoleKey } from "@/lib/rbac/roles";
import { validateRoleName, validateRolePermissions } from "@/lib/rbac/validate-role-permissions";

const admin: RoleRef = { kind: "builtin", key: "admin" };
const manager: RoleRef = { kind: "builtin", key: "manager" };
const member: RoleRef = { kind: "builtin", key: "member" };
const viewer: RoleRef = { kind: "builtin", key: "viewer" };
const reads = ALL_PERMISSIONS.filter((p) => p.endsWith(":read"));

function actionsOf(resource: string): string[] {
  const entry = PERMISSION_CATALOGUE.find((e) => e.resource === resource);
  assert.ok(entry, `resource ${resource} is in the catalogue`);
  return entry.actions.map((a) => a.action);
}

test("catalogue: every resource has read, labels are present, and ALL_PERMISSIONS matches it", () => {
  const fromCatalogue: string[] = [];
  for (const entry of PERMISSION_CATALOGUE) {
    assert.ok(entry.label.length > 0 && entry.description.length > 0, entry.resource);
    const actions = entry.actions.map((a) => a.action as string);
    assert.ok(actions.includes("read"), `${entry.resource} has read`);
    for (const a of entry.actions) {
      assert.ok(a.label.length > 0);
      fromCatalogue.push(`${entry.resource}:${a.action}`);
    }
  }
  assert.deepEqual([...ALL_PERMISSIONS], fromCatalogue);
  assert.equal(new Set(ALL_PERMISSIONS).size, ALL_PERMISSIONS.length, "no duplicates");
  const spec: Record<string, string[]> = {
    members: ["read", "write", "delete"],
    teams: ["read", "write", "delete"],
    invites: ["read", "write", "delete"],
    roles: ["read", "write", "delete"],
    api_keys: ["read", "write", "delete"],
    nats_account: ["read", "write"],
    nats_users: ["read", "write", "delete"],
    nats_streams: ["read", "write", "delete"],
    nats_exports: ["read", "write", "delete"],
    services: ["read", "write", "delete", "invoke"],
    billing: ["read", "write"],
    audit: ["read", "export"],
    settings: ["read", "write", "delete"],
  };
  assert.deepEqual(
    PERMISSION_CATALOGUE.map((e) => e.resource),
    Object.keys(spec),
  );
  assert.deepEqual(new Set(ALL_PERMISSIONS), new Set(Object.entries(spec).flatMap(([r, actions]) => actions.map((a) => `${r}:${a}`))));
});

test("catalogue: specific actions exist", () => {
  assert.deepEqual(actionsOf("services"), ["read", "write", "delete", "invoke"]);
  assert.deepEqual(actionsOf("audit"), ["read", "export"]);
  assert.deepEqual(actionsOf("nats_account"), ["read", "write"]);
  assert.deepEqual(actionsOf("billing"), ["read", "write"]);
  assert.deepEqual(actionsOf("settings"), ["read", "write", "delete"]);
});

test("isPermission accepts catalogue strings only", () => {
  for (const p of ALL_PERMISSIONS) assert.equal(isPermission(p), true, p);
  for (const bad of ["", "members", "members:", ":read", "members:invoke", "audit:write", "Members:read", " members:read", "toString", "__proto__"]) {
    assert.equal(isPermission(bad), false, bad);
  }
});

test("built-in roles: keys, order, and isBuiltInRoleKey", () => {
  assert.deepEqual([...ROLE_ORDER], ["admin", "manager", "member", "viewer"]);
  for (const key of ROLE_ORDER) {
    assert.equal(BUILT_IN_ROLES[key].key, key);
    assert.equal(isBuiltInRoleKey(key), true);
  }
  for (const bad of ["owner", "Admin", "", "toString", "constructor", 1, null]) assert.equal(isBuiltInRoleKey(bad), false, String(bad));
  assert.ok(Object.isFrozen(BUILT_IN_ROLES.admin.permissions));
  assert.ok(Object.isFrozen(BUILT_IN_ROLES.admin));
});

test("admin has every permission", () => {
  assert.deepEqual([...BUILT_IN_ROLES.admin.permissions], [...ALL_PERMISSIONS]);
});

test("viewer has all reads and only reads", () => {
  const perms = BUILT_IN_ROLES.viewer.permissions;
  assert.ok(perms.every((p) => p.endsWith(":read")));
  assert.deepEqual(new Set(perms), new Set(reads));
  assert.equal(reads.length, PERMISSION_CATALOGUE.length);
});

test("manager lacks exactly the five listed permissions", () => {
  const have = new Set(BUILT_IN_ROLES.manager.permissions);
  const missing = ALL_PERMISSIONS.filter((p) => !have.has(p));
  assert.deepEqual(new Set(missing), new Set(["roles:write", "roles:delete", "settings:write", "settings:delete", "billing:write"]));
  assert.equal(missing.length, 5);
});

test("member has the listed writes, reads without audit/billing, and no deletes", () => {
  const perms = new Set<string>(BUILT_IN_ROLES.member.permissions);
  for (const p of ["nats_users:write", "nats_streams:write", "services:invoke", "api_keys:write"]) assert.ok(perms.has(p), p);
  for (const p of reads) assert.equal(perms.has(p), p !== "audit:read" && p !== "billing:read", p);
  assert.ok(![...perms].some((p) => p.endsWith(":delete")));
  const expected = new Set<string>([
    ...reads.filter((p) => p !== "audit:read" && p !== "billing:read"),
    "nats_users:write",
    "nats_streams:write",
    "services:invoke",
    "api_keys:write",
  ]);
  assert.deepEqual(perms, expected);
  for (const p of ["members:write", "roles:write", "audit:export", "settings:write", "nats_account:write"]) assert.ok(!perms.has(p), p);
});

test("effective permissions are the union of direct and team grants", () => {
  const opsRole: RoleRef = { kind: "custom", id: "r1", name: "Stream admin", permissions: ["nats_streams:delete"] };
  const grants: AccessGrant[] = [
    { role: viewer, via: { kind: "direct" } },
    { role: opsRole, via: { kind: "team", teamId: "t1", teamName: "Ops" } },
    { role: { kind: "custom", id: "r2", name: "Auditor", permissions: ["audit:export", "audit:read"] }, via: { kind: "team", teamId: "t2", teamName: "Sec" } },
  ];
  const perms = effectivePermissions(grants);
  assert.deepEqual(perms, new Set<Permission>([...reads, "nats_streams:delete", "audit:export"]));
  assert.equal(perms.has("members:write"), false);
  assert.deepEqual(effectivePermissions([]), new Set());
});

test("a custom role's unknown strings grant nothing", () => {
  const weird: RoleRef = { kind: "custom", id: "r", name: "Weird", permissions: ["members:read", "members:explode", "*", "members:read", "settings:*"] };
  assert.deepEqual(rolePermissions(weird), ["members:read"]);
  const perms = effectivePermissions([{ role: weird, via: { kind: "direct" } }]);
  assert.deepEqual([...perms], ["members:read"]);
  assert.equal((perms as Set<string>).has("members:explode"), false);
});

test("explainPermission lists every grant that gives the permission", () => {
  const grants: AccessGrant[] = [
    { role: manager, via: { kind: "direct" } },
    { role: admin, via: { kind: "team", teamId: "t1", teamName: "Ops" } },
    { role: viewer, via: { kind: "team", teamId: "t2", teamName: "Readers" } },
    { role: { kind: "custom", id: "c", name: "Streamer", permissions: ["nats_streams:write"] }, via: { kind: "team", teamId: "t3", teamName: "Data" } },
  ];
  assert.deepEqual(explainPermission(grants, "members:write"), {
    granted: true,
    sources: [
      { roleName: "Manager", via: { kind: "direct" } },
      { roleName: "Admin", via: { kind: "team", teamId: "t1", teamName: "Ops" } },
    ],
  });
  assert.deepEqual(
    explainPermission(grants, "nats_streams:write").sources.map((s) => s.roleName),
    ["Manager", "Admin", "Streamer"],
  );
  assert.deepEqual(explainPermission(grants, "roles:write"), {
    granted: true,
    sources: [{ roleName: "Admin", via: { kind: "team", teamId: "t1", teamName: "Ops" } }],
  });
  assert.deepEqual(explainPermission([{ role: member, via: { kind: "direct" } }], "members:delete"), { granted: false, sources: [] });
  assert.deepEqual(explainPermission([], "members:read"), { granted: false, sources: [] });
});

test("last admin: sole direct admin cannot be removed or demoted", () => {
  const target = { currentRole: admin };
  assert.equal(wouldRemoveLastAdmin({ adminCount: 1, target, change: { kind: "remove" } }), true);
  for (const to of [manager, member, viewer, { kind: "custom", id: "x", name: "Everything", permissions: [...ALL_PERMISSIONS] } as RoleRef]) {
    assert.equal(wouldRemoveLastAdmin({ adminCount: 1, target, change: { kind: "change_role", to } }), true, JSON.stringify(to));
  }
});

test("last admin: with two admins, one can be removed or demoted", () => {
  const target = { currentRole: admin };
  assert.equal(wouldRemoveLastAdmin({ adminCount: 2, target, change: { kind: "remove" } }), false);
  assert.equal(wouldRemoveLastAdmin({ adminCount: 2, target, change: { kind: "change_role", to: viewer } }), false);
});

test("last admin: a non-admin target is never blocked; admin to admin is fine", () => {
  for (const currentRole of [manager, member, viewer, { kind: "custom", id: "a", name: "Admins", permissions: [...ALL_PERMISSIONS] } as RoleRef]) {
    for (const adminCount of [0, 1, 2]) {
      assert.equal(wouldRemoveLastAdmin({ adminCount, target: { currentRole }, change: { kind: "remove" } }), false);
      assert.equal(wouldRemoveLastAdmin({ adminCount, target: { currentRole }, change: { kind: "change_role", to: viewer } }), false);
    }
  }
  assert.equal(wouldRemoveLastAdmin({ adminCount: 1, target: { currentRole: admin }, change: { kind: "change_role", to: admin } }), false);
});

test("validateRolePermissions rejects unknown permissions by name", () => {
  const result = validateRolePermissions(["members:read", "members:fly", "teams:read", "bogus"]);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.match(result.error, /members:fly/);
    assert.match(result.error, /bogus/);
    assert.doesNotMatch(result.error, /teams:read/);
  }
  assert.equal(validateRolePermissions("members:read").ok, false);
  assert.equal(validateRolePermissions(undefined).ok, false);
  assert.equal(validateRolePermissions([1]).ok, false);
  assert.equal(validateRolePermissions({ 0: "members:read", length: 1 }).ok, false);
});

test("validateRolePermissions de-duplicates and sorts in catalogue order", () => {
  assert.deepEqual(validateRolePermissions(["settings:read", "members:write", "audit:export", "members:read", "settings:read", "members:write"]), {
    ok: true,
    permissions: ["members:read", "members:write", "audit:export", "settings:read"],
  });
  assert.deepEqual(validateRolePermissions([]), { ok: true, permissions: [] });
  const shuffled = [...ALL_PERMISSIONS].reverse();
  assert.deepEqual(validateRolePermissions(shuffled), { ok: true, permissions: [...ALL_PERMISSIONS] });
});

test("validateRoleName trims, limits length and rejects built-in names", () => {
  assert.deepEqual(validateRoleName("  Stream operators "), { ok: true, name: "Stream operators" });
  for (const builtIn of ["Admin", "admin", " MANAGER ", "Member", "viewer"]) {
    const result = validateRoleName(builtIn);
    assert.equal(result.ok, false, builtIn);
    if (!result.ok) assert.match(result.error, /built-in/);
  }
  assert.equal(validateRoleName("Administrators").ok, true);
  assert.equal(validateRoleName("").ok, false);
  assert.equal(validateRoleName("   ").ok, false);
  assert.equal(validateRoleName(42).ok, false);
  assert.deepEqual(validateRoleName("x".repeat(50)), { ok: true, name: "x".repeat(50) });
  const tooLong = validateRoleName("x".repeat(51));
  assert.equal(tooLong.ok, false);
  if (!tooLong.ok) assert.match(tooLong.error, /50/);
  assert.equal(validateRoleName(` ${"y".repeat(50)} `).ok, true);
});
