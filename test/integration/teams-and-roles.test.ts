import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import type { Permission } from "@/lib/rbac/permissions";
import { BUILT_IN_ROLES, ROLE_ORDER } from "@/lib/rbac/roles";
import { addTeamMember } from "@/lib/orgs/add-team-member";
import { createOrg } from "@/lib/orgs/create-org";
import { createRole } from "@/lib/orgs/create-role";
import { createTeam } from "@/lib/orgs/create-team";
import { deleteRole } from "@/lib/orgs/delete-role";
import { deleteTeam } from "@/lib/orgs/delete-team";
import { getTeam } from "@/lib/orgs/get-team";
import { listRoles } from "@/lib/orgs/list-roles";
import { listTeams } from "@/lib/orgs/list-teams";
import { loadOrgContext, type OrgContext } from "@/lib/orgs/org-context";
import { removeTeamMember } from "@/lib/orgs/remove-team-member";
import { updateRole } from "@/lib/orgs/update-role";
import { updateTeam } from "@/lib/orgs/update-team";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, setTestSecrets, testContext } from "@/test/support/identity";

setTestSecrets();
const database = testDatabaseForFile();

/** A new org whose creator is Admin; `join` adds another user with a direct role and returns their context. */
async function newOrg() {
  const db = database.db;
  const owner = await createUser(db);
  const org = await createOrg(db, { userId: owner.id, email: owner.email }, { name: `Org ${randomBytes(4).toString("hex")}` }, testContext());
  const join = async (role: { role: string } | { customRoleId: string }) => {
    const user = await createUser(db);
    await db.membership.create({ data: { orgId: org.id, userId: user.id, ...role } });
    return loadOrgContext(db, org.slug, user.id);
  };
  return { org, admin: await loadOrgContext(db, org.slug, owner.id), join };
}

const reload = (ctx: OrgContext) => loadOrgContext(database.db, ctx.org.slug, ctx.user.id);

function isError(type: new (...args: never[]) => Error, message?: RegExp, field?: string) {
  return (error: unknown) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    if (message) assert.match(error.message, message);
    if (field) assert.equal((error as { field?: string }).field, field);
    return true;
  };
}

test("a team's role is granted to its members and taken away when they leave the team", async () => {
  const { admin, join } = await newOrg();
  const viewer = await join({ role: "viewer" });
  assert.equal(viewer.permissions.has("members:write"), false);

  const team = await createTeam(database.db, admin, { name: "  Operations  ", description: "On call", role: "manager" }, testContext());
  assert.deepEqual(team, { id: team.id, name: "Operations", description: "On call", roleValue: "manager", roleName: "Manager" });
  await addTeamMember(database.db, admin, team.id, viewer.membership.id, testContext());

  const promoted = await reload(viewer);
  for (const permission of BUILT_IN_ROLES.manager.permissions) assert.ok(promoted.permissions.has(permission), permission);
  assert.deepEqual(
    promoted.grants.map((g) => g.via),
    [{ kind: "direct" }, { kind: "team", teamId: team.id, teamName: "Operations" }],
  );
  assert.deepEqual(await listTeams(database.db, admin), [{ ...team, memberCount: 1 }]);
  assert.deepEqual((await getTeam(database.db, promoted, team.id)).members, [
    { membershipId: viewer.membership.id, name: viewer.user.name, email: viewer.user.email },
  ]);

  await assert.rejects(addTeamMember(database.db, admin, team.id, viewer.membership.id, testContext()), isError(ConflictError));
  await removeTeamMember(database.db, admin, team.id, viewer.membership.id, testContext());
  const demoted = await reload(viewer);
  assert.equal(demoted.permissions.has("members:write"), false);
  assert.deepEqual([...demoted.permissions].sort(), [...BUILT_IN_ROLES.viewer.permissions].sort());
  await assert.rejects(removeTeamMember(database.db, admin, team.id, viewer.membership.id, testContext()), isError(NotFoundError));

  const actions = await database.db.auditEvent.findMany({
    where: { orgId: admin.org.id, targetId: team.id },
    orderBy: { createdAt: "asc" },
    select: { action: true },
  });
  assert.deepEqual(
    actions.map((a) => a.action),
    ["team.create", "team.member.add", "team.member.remove"],
  );
});

test("team names are unique per org, ignoring case; updates keep before and after in the audit trail", async () => {
  const { admin, join } = await newOrg();
  const ops = await createTeam(database.db, admin, { name: "Ops" }, testContext());
  assert.equal(ops.roleValue, null);
  await assert.rejects(createTeam(database.db, admin, { name: "Ops" }, testContext()), isError(ConflictError, /already exists/, "name"));
  await assert.rejects(createTeam(database.db, admin, { name: " ops " }, testContext()), isError(ConflictError, /already exists/, "name"));
  await assert.rejects(createTeam(database.db, admin, { name: "   " }, testContext()), isError(ValidationError, undefined, "name"));
  await assert.rejects(createTeam(database.db, admin, { name: "x".repeat(61) }, testContext()), isError(ValidationError, undefined, "name"));
  await assert.rejects(
    createTeam(database.db, admin, { name: "Long", description: "x".repeat(201) }, testContext()),
    isError(ValidationError, undefined, "description"),
  );
  await assert.rejects(createTeam(database.db, admin, { name: "Bad role", role: "owner" }, testContext()), isError(ValidationError, undefined, "role"));
  assert.ok(await createTeam(database.db, admin, { name: "x".repeat(60) }, testContext()));

  const dev = await createTeam(database.db, admin, { name: "Dev", role: "member" }, testContext());
  await assert.rejects(updateTeam(database.db, admin, dev.id, { name: "OPS" }, testContext()), isError(ConflictError, /already exists/, "name"));
  const renamed = await updateTeam(database.db, admin, dev.id, { name: "Developers", description: "Builders", role: "viewer" }, testContext());
  assert.deepEqual(renamed, { id: dev.id, name: "Developers", description: "Builders", roleValue: "viewer", roleName: "Viewer" });
  const cleared = await updateTeam(database.db, admin, dev.id, { role: "" }, testContext());
  assert.deepEqual(cleared, { ...renamed, roleValue: null, roleName: null });

  const update = await database.db.auditEvent.findFirstOrThrow({ where: { action: "team.update", targetId: dev.id }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(update.detail, {
    before: { name: "Dev", description: "", role: "Member" },
    after: { name: "Developers", description: "Builders", role: "Viewer" },
  });

  // A member of a team that is deleted loses its role.
  const manager = await join({ role: "viewer" });
  const leads = await createTeam(database.db, admin, { name: "Leads", role: "manager" }, testContext());
  await addTeamMember(database.db, admin, leads.id, manager.membership.id, testContext());
  assert.ok((await reload(manager)).permissions.has("teams:delete"));
  await deleteTeam(database.db, admin, leads.id, testContext());
  assert.equal((await reload(manager)).permissions.has("teams:delete"), false);
  await assert.rejects(getTeam(database.db, admin, leads.id), isError(NotFoundError));
  assert.deepEqual(
    (await listTeams(database.db, admin)).map((t) => t.name),
    ["Developers", "Ops", "x".repeat(60)],
  );
});

test("a custom role grants exactly its permissions; unknown permissions and built-in names are rejected", async () => {
  const { admin, join } = await newOrg();
  const role = await createRole(
    database.db,
    admin,
    { name: " Stream operator ", description: "Runs streams", permissions: ["nats_streams:write", "nats_streams:read", "nats_streams:read"] },
    testContext(),
  );
  assert.deepEqual(role, {
    id: role.id,
    value: `custom:${role.id}`,
    name: "Stream operator",
    description: "Runs streams",
    permissions: ["nats_streams:read", "nats_streams:write"],
  });

  const operator = await join({ customRoleId: role.id });
  assert.deepEqual([...operator.permissions].sort(), ["nats_streams:read", "nats_streams:write"]);

  await assert.rejects(
    createRole(database.db, admin, { name: "Bad", permissions: ["nats_streams:read", "streams:launch"] }, testContext()),
    isError(ValidationError, /Unknown permission: "streams:launch"/, "permissions"),
  );
  await assert.rejects(createRole(database.db, admin, { name: "Manager", permissions: [] }, testContext()), isError(ValidationError, /built-in/, "name"));
  await assert.rejects(
    createRole(database.db, admin, { name: "stream OPERATOR", permissions: [] }, testContext()),
    isError(ConflictError, /already exists/, "name"),
  );
  assert.equal(await database.db.role.count({ where: { orgId: admin.org.id } }), 1);

  // Built-in roles first, in order, then custom roles by name; each with who holds it.
  const other = await createRole(database.db, admin, { name: "Auditor", permissions: ["audit:read"] }, testContext());
  const team = await createTeam(database.db, admin, { name: "Streams", role: role.value }, testContext());
  assert.equal(team.roleName, "Stream operator");
  const roles = await listRoles(database.db, admin);
  assert.deepEqual(
    roles.map((r) => [r.value, r.builtIn, r.memberCount, r.teamCount]),
    [
      ["admin", true, 1, 0],
      ["manager", true, 0, 0],
      ["member", true, 0, 0],
      ["viewer", true, 0, 0],
      [other.value, false, 0, 0],
      [role.value, false, 1, 1],
    ],
  );
  assert.deepEqual(roles[0].permissions, [...BUILT_IN_ROLES.admin.permissions]);
  assert.deepEqual(
    roles.slice(0, 4).map((r) => r.name),
    ROLE_ORDER.map((key) => BUILT_IN_ROLES[key].name),
  );

  const updated = await updateRole(database.db, admin, role.id, { permissions: ["nats_streams:read", "nats_streams:delete"] }, testContext());
  assert.deepEqual(updated.permissions, ["nats_streams:read", "nats_streams:delete"]);
  assert.equal(updated.name, "Stream operator");
  const changed = await reload(operator);
  assert.equal(changed.permissions.has("nats_streams:write"), false);
  assert.equal(changed.permissions.has("nats_streams:delete"), true);
  const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: "role.update", targetId: role.id } });
  assert.deepEqual(audit.detail, {
    before: { name: "Stream operator", description: "Runs streams", permissions: ["nats_streams:read", "nats_streams:write"] },
    after: { name: "Stream operator", description: "Runs streams", permissions: ["nats_streams:read", "nats_streams:delete"] },
  });
  await assert.rejects(updateRole(database.db, admin, role.id, { name: "auditor" }, testContext()), isError(ConflictError, /already exists/, "name"));
  await assert.rejects(updateRole(database.db, admin, role.id, { permissions: ["nope"] }, testContext()), isError(ValidationError, /Unknown/, "permissions"));
});

test("a role in use cannot be deleted until nobody holds it", async () => {
  const { admin, join } = await newOrg();
  const role = await createRole(database.db, admin, { name: "Billing clerk", permissions: ["billing:read", "billing:write"] }, testContext());
  const clerk = await join({ customRoleId: role.id });
  const team = await createTeam(database.db, admin, { name: "Finance", role: role.value }, testContext());

  await assert.rejects(deleteRole(database.db, admin, role.id, testContext()), isError(ConflictError, /used by 1 member and 1 team/));
  await updateTeam(database.db, admin, team.id, { role: "" }, testContext());
  await assert.rejects(deleteRole(database.db, admin, role.id, testContext()), isError(ConflictError, /used by 1 member:/));
  await database.db.membership.update({ where: { id: clerk.membership.id }, data: { role: "member", customRoleId: null } });

  await deleteRole(database.db, admin, role.id, testContext());
  assert.equal(await database.db.role.count({ where: { id: role.id } }), 0);
  assert.equal((await listRoles(database.db, admin)).length, ROLE_ORDER.length);
  const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: "role.delete", targetId: role.id } });
  assert.deepEqual(audit.detail, { name: "Billing clerk", description: "", permissions: ["billing:read", "billing:write"] });
  await assert.rejects(deleteRole(database.db, admin, role.id, testContext()), isError(NotFoundError));
});

test("no one grants permissions they do not hold: not through a team nor through a custom role", async () => {
  const { admin, join } = await newOrg();
  const manager = await join({ role: "manager" });
  const viewer = await join({ role: "viewer" });
  const grant = isError(ForbiddenError, /^You cannot grant permissions you do not have\.$/);

  await assert.rejects(createTeam(database.db, manager, { name: "Admins", role: "admin" }, testContext()), grant);
  assert.equal(await database.db.team.count({ where: { orgId: admin.org.id } }), 0);
  const managers = await createTeam(database.db, manager, { name: "Managers", role: "manager" }, testContext());
  await assert.rejects(updateTeam(database.db, manager, managers.id, { role: "admin" }, testContext()), grant);

  const admins = await createTeam(database.db, admin, { name: "Admins", role: "admin" }, testContext());
  await assert.rejects(addTeamMember(database.db, manager, admins.id, viewer.membership.id, testContext()), grant);
  await assert.rejects(addTeamMember(database.db, manager, admins.id, manager.membership.id, testContext()), grant);
  assert.equal((await getTeam(database.db, admin, admins.id)).members.length, 0);
  // Renaming a team does not grant anything; its role stays.
  assert.equal((await updateTeam(database.db, manager, admins.id, { name: "Owners", role: "admin" }, testContext())).roleValue, "admin");

  // A custom role above the actor's own: a Manager has no roles:write at all…
  await assert.rejects(
    createRole(database.db, manager, { name: "Deleter", permissions: ["settings:delete"] }, testContext()),
    isError(ForbiddenError, /roles:write/),
  );
  const wider = await createRole(database.db, admin, { name: "Wide", permissions: ["settings:delete"] }, testContext());
  await assert.rejects(createTeam(database.db, manager, { name: "Wide", role: wider.value }, testContext()), grant);

  // …and someone who may write roles still cannot define one with more than they hold.
  const roleAdmin = await createRole(
    database.db,
    admin,
    { name: "Role admin", permissions: [...BUILT_IN_ROLES.manager.permissions, "roles:write"] satisfies Permission[] },
    testContext(),
  );
  const designer = await join({ customRoleId: roleAdmin.id });
  await assert.rejects(createRole(database.db, designer, { name: "Deleter", permissions: ["settings:read", "settings:delete"] }, testContext()), grant);
  const reader = await createRole(database.db, designer, { name: "Reader", permissions: ["settings:read"] }, testContext());
  await assert.rejects(updateRole(database.db, designer, reader.id, { permissions: ["settings:read", "settings:delete"] }, testContext()), grant);
  // Keeping a permission the role already has is not granting it.
  assert.equal((await updateRole(database.db, designer, wider.id, { description: "Can delete the org" }, testContext())).description, "Can delete the org");
  assert.deepEqual(
    (await database.db.role.findMany({ where: { orgId: admin.org.id }, orderBy: { name: "asc" } })).map((r) => [r.name, r.permissions]),
    [
      ["Reader", ["settings:read"]],
      ["Role admin", roleAdmin.permissions],
      ["Wide", ["settings:delete"]],
    ],
  );
});

test("tenant isolation: another org's ids are not found, whatever the actor may do in their own org", async () => {
  const a = await newOrg();
  const b = await newOrg();
  const memberA = await a.join({ role: "member" });
  const roleA = await createRole(database.db, a.admin, { name: "Secret role", permissions: ["audit:read"] }, testContext());
  const teamA = await createTeam(database.db, a.admin, { name: "Secret team", role: roleA.value }, testContext());
  await addTeamMember(database.db, a.admin, teamA.id, memberA.membership.id, testContext());
  const teamB = await createTeam(database.db, b.admin, { name: "Team B" }, testContext());
  const intruder = b.admin;
  const notFound = isError(NotFoundError);

  await assert.rejects(getTeam(database.db, intruder, teamA.id), notFound);
  await assert.rejects(updateTeam(database.db, intruder, teamA.id, { name: "Mine now" }, testContext()), notFound);
  await assert.rejects(deleteTeam(database.db, intruder, teamA.id, testContext()), notFound);
  await assert.rejects(addTeamMember(database.db, intruder, teamA.id, memberA.membership.id, testContext()), notFound);
  await assert.rejects(addTeamMember(database.db, intruder, teamA.id, intruder.membership.id, testContext()), notFound);
  await assert.rejects(addTeamMember(database.db, intruder, teamB.id, memberA.membership.id, testContext()), notFound);
  await assert.rejects(removeTeamMember(database.db, intruder, teamA.id, memberA.membership.id, testContext()), notFound);
  await assert.rejects(removeTeamMember(database.db, intruder, teamB.id, memberA.membership.id, testContext()), notFound);
  await assert.rejects(updateRole(database.db, intruder, roleA.id, { name: "Mine now" }, testContext()), notFound);
  await assert.rejects(deleteRole(database.db, intruder, roleA.id, testContext()), notFound);
  // Ids that are not even UUIDs are not found either (rather than a database error).
  await assert.rejects(getTeam(database.db, intruder, "../etc"), notFound);
  await assert.rejects(deleteRole(database.db, intruder, "1 OR 1=1", testContext()), notFound);

  // Another org's role is not a choice here, and lists show only this org's rows.
  await assert.rejects(createTeam(database.db, intruder, { name: "Borrowed", role: roleA.value }, testContext()), isError(ValidationError, undefined, "role"));
  await assert.rejects(updateTeam(database.db, intruder, teamB.id, { role: roleA.value }, testContext()), isError(ValidationError, undefined, "role"));
  assert.deepEqual(
    (await listTeams(database.db, intruder)).map((t) => t.id),
    [teamB.id],
  );
  assert.ok(!(await listRoles(database.db, intruder)).some((r) => r.id === roleA.id));

  // Nothing in org A changed.
  const after = await getTeam(database.db, a.admin, teamA.id);
  assert.equal(after.name, "Secret team");
  assert.deepEqual(
    after.members.map((m) => m.membershipId),
    [memberA.membership.id],
  );
  assert.equal((await database.db.role.findUniqueOrThrow({ where: { id: roleA.id } })).name, "Secret role");
  assert.equal(await database.db.auditEvent.count({ where: { orgId: a.org.id, actorId: intruder.user.id } }), 0);
});

test("a Viewer reads teams and roles but every write is forbidden", async () => {
  const { admin, join } = await newOrg();
  const viewer = await join({ role: "viewer" });
  const role = await createRole(database.db, admin, { name: "Readers", permissions: ["members:read"] }, testContext());
  const team = await createTeam(database.db, admin, { name: "Everyone", role: "viewer" }, testContext());
  await addTeamMember(database.db, admin, team.id, admin.membership.id, testContext());
  const forbidden = isError(ForbiddenError, /You need the (teams|roles):(write|delete) permission/);

  await assert.rejects(createTeam(database.db, viewer, { name: "Mine" }, testContext()), forbidden);
  await assert.rejects(updateTeam(database.db, viewer, team.id, { name: "Mine" }, testContext()), forbidden);
  await assert.rejects(deleteTeam(database.db, viewer, team.id, testContext()), forbidden);
  await assert.rejects(addTeamMember(database.db, viewer, team.id, viewer.membership.id, testContext()), forbidden);
  await assert.rejects(removeTeamMember(database.db, viewer, team.id, admin.membership.id, testContext()), forbidden);
  await assert.rejects(createRole(database.db, viewer, { name: "Mine", permissions: [] }, testContext()), forbidden);
  await assert.rejects(updateRole(database.db, viewer, role.id, { name: "Mine" }, testContext()), forbidden);
  await assert.rejects(deleteRole(database.db, viewer, role.id, testContext()), forbidden);

  assert.deepEqual(await listTeams(database.db, viewer), [{ ...team, memberCount: 1 }]);
  assert.equal((await getTeam(database.db, viewer, team.id)).members[0].membershipId, admin.membership.id);
  assert.equal((await listRoles(database.db, viewer)).at(-1)?.name, "Readers");
  assert.equal(await database.db.auditEvent.count({ where: { orgId: admin.org.id, actorId: viewer.user.id } }), 0);
});
