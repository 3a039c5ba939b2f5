import assert from "node:assert/strict";
import { test } from "node:test";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { checkAccess } from "@/lib/orgs/check-access";
import { createOrg } from "@/lib/orgs/create-org";
import { deleteOrg } from "@/lib/orgs/delete-org";
import { listMembers } from "@/lib/orgs/list-members";
import { listMyOrgs } from "@/lib/orgs/list-my-orgs";
import { loadOrgContext } from "@/lib/orgs/org-context";
import { removeMember } from "@/lib/orgs/remove-member";
import { updateMyProfile } from "@/lib/orgs/update-my-profile";
import { updateOrg } from "@/lib/orgs/update-org";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, setTestSecrets, testContext } from "@/test/support/identity";
import { orgWithAdmin } from "@/test/support/orgs";

setTestSecrets();
const database = testDatabaseForFile();

test("creating an org makes the creator its Admin, derives a slug, and is audited", async () => {
  const user = await createUser(database.db);
  const org = await createOrg(database.db, { userId: user.id, email: user.email }, { name: "Ünïcode Works Ltd." }, testContext());
  assert.equal(org.slug, "unicode-works-ltd");
  assert.equal(org.status, "pending");
  const ctx = await loadOrgContext(database.db, org.slug, user.id);
  assert.ok(ctx.permissions.has("settings:delete"));
  const again = await createOrg(database.db, { userId: user.id, email: user.email }, { name: "Unicode Works Ltd" }, testContext());
  assert.match(again.slug, /^unicode-works-ltd-[0-9a-f]{6}$/, "a taken slug gets a suffix");
  await assert.rejects(createOrg(database.db, { userId: user.id, email: user.email }, { name: "X", slug: org.slug }, testContext()), ConflictError);
  await assert.rejects(createOrg(database.db, { userId: user.id, email: user.email }, { name: "X", slug: "Not A Slug" }, testContext()), ValidationError);
  assert.equal(await database.db.auditEvent.count({ where: { action: "org.create", orgId: org.id } }), 1);
  assert.deepEqual((await listMyOrgs(database.db, user.id)).map((o) => o.slug).sort(), [org.slug, again.slug].sort());
});

test("the last Admin can be neither demoted nor removed, nor leave; with a second Admin all three work", async () => {
  const { adminCtx, addMember, admin } = await orgWithAdmin(database.db);
  const ctx = await adminCtx();
  await assert.rejects(changeMemberRole(database.db, ctx, ctx.membership.id, "viewer", testContext()), ConflictError);
  await assert.rejects(removeMember(database.db, ctx, ctx.membership.id, testContext(), true), /last Admin/);
  const second = await addMember("member");
  await changeMemberRole(database.db, ctx, second.membership.id, "admin", testContext());
  await changeMemberRole(database.db, ctx, ctx.membership.id, "viewer", testContext());
  const event = await database.db.auditEvent.findFirstOrThrow({ where: { action: "member.role.change", targetLabel: admin.email } });
  assert.deepEqual(event.detail, { before: { role: "Admin" }, after: { role: "Viewer" } });
});

test("members list: search, sort, pagination, scoped to the org", async () => {
  const { adminCtx, addMember } = await orgWithAdmin(database.db);
  const other = await orgWithAdmin(database.db);
  await other.addMember("member");
  for (let i = 0; i < 4; i++) await addMember("member");
  const ctx = await adminCtx();
  const page1 = await listMembers(database.db, ctx, { pageSize: 2, sort: "email", dir: "asc" });
  assert.equal(page1.total, 5);
  assert.equal(page1.pages, 3);
  const all = await listMembers(database.db, ctx, { pageSize: 100, sort: "email" });
  assert.deepEqual(
    all.members.map((m) => m.email),
    [...all.members.map((m) => m.email)].sort(),
  );
  const target = all.members[3];
  const found = await listMembers(database.db, ctx, { q: target.email.slice(0, 12).toUpperCase() });
  assert.deepEqual(
    found.members.map((m) => m.email),
    [target.email],
  );
  assert.equal((await listMembers(database.db, ctx, { q: (await other.adminCtx()).user.email })).total, 0, "another org's members never show");
});

test("check access explains the source of a permission", async () => {
  const { adminCtx, addMember } = await orgWithAdmin(database.db);
  const viewer = await addMember("viewer");
  const ctx = await adminCtx();
  const denied = await checkAccess(database.db, ctx, viewer.membership.id, "members:write");
  assert.equal(denied.granted, false);
  const granted = await checkAccess(database.db, ctx, viewer.membership.id, "members:read");
  assert.deepEqual(granted.sources, [{ roleName: "Viewer", via: { kind: "direct" } }]);
});

test("settings: rename, change slug and require MFA; delete needs the typed slug and hides the org", async () => {
  const { org, adminCtx, admin } = await orgWithAdmin(database.db);
  const ctx = await adminCtx();
  const updated = await updateOrg(database.db, ctx, { name: "Renamed", slug: `${org.slug}-x`, requireMfa: true }, testContext());
  assert.equal(updated.slug, `${org.slug}-x`);
  const event = await database.db.auditEvent.findFirstOrThrow({ where: { action: "org.update", orgId: org.id } });
  assert.deepEqual((event.detail as { before: object }).before, { name: org.name, slug: org.slug, requireMfa: false, corsOrigins: [] });
  const withOrigins = await updateOrg(
    database.db,
    await loadOrgContext(database.db, updated.slug, admin.id),
    { name: "Renamed", slug: updated.slug, requireMfa: true, corsOrigins: ["https://App.example.com:8443"] },
    testContext(),
  );
  assert.deepEqual(withOrigins.corsOrigins, ["https://app.example.com:8443"]);
  await assert.rejects(
    updateOrg(
      database.db,
      await loadOrgContext(database.db, updated.slug, admin.id),
      { name: "Renamed", slug: updated.slug, requireMfa: true, corsOrigins: ["*"] },
      testContext(),
    ),
    ValidationError,
  );
  const renamed = await loadOrgContext(database.db, updated.slug, admin.id);
  await assert.rejects(deleteOrg(database.db, renamed, "wrong", testContext()), ValidationError);
  const { purgeAfter } = await deleteOrg(database.db, renamed, updated.slug, testContext());
  assert.ok(purgeAfter.getTime() - Date.now() > 6.9 * 24 * 3600 * 1000);
  await assert.rejects(loadOrgContext(database.db, updated.slug, admin.id), NotFoundError);
});

test("isolation: an Admin of org B gets not-found for every org-A id; a Viewer of A is forbidden every write", async () => {
  const a = await orgWithAdmin(database.db);
  const b = await orgWithAdmin(database.db);
  const memberOfA = await a.addMember("member");
  const viewerOfA = await a.addMember("viewer");
  const bAdmin = await b.adminCtx();
  await assert.rejects(loadOrgContext(database.db, a.org.slug, b.admin.id), NotFoundError, "B's admin cannot even open A");
  await assert.rejects(changeMemberRole(database.db, bAdmin, memberOfA.membership.id, "viewer", testContext()), NotFoundError);
  await assert.rejects(removeMember(database.db, bAdmin, memberOfA.membership.id, testContext()), NotFoundError);
  await assert.rejects(checkAccess(database.db, bAdmin, memberOfA.membership.id, "members:read"), NotFoundError);

  const viewer = await viewerOfA.ctx();
  await assert.rejects(changeMemberRole(database.db, viewer, memberOfA.membership.id, "admin", testContext()), ForbiddenError);
  await assert.rejects(removeMember(database.db, viewer, memberOfA.membership.id, testContext()), ForbiddenError);
  await assert.rejects(updateOrg(database.db, viewer, { name: "x", slug: "xyz-abc", requireMfa: false }, testContext()), ForbiddenError);
  await assert.rejects(deleteOrg(database.db, viewer, a.org.slug, testContext()), ForbiddenError);
  // A Viewer may still edit their own profile and leave.
  await updateMyProfile(database.db, viewer, { name: "Vera Viewer", jobTitle: "Auditor" }, testContext());
  await removeMember(database.db, viewer, "ignored", testContext(), true);
  await assert.rejects(viewerOfA.ctx(), NotFoundError);
});

test("a Manager cannot make anyone an Admin (no granting what you do not hold)", async () => {
  const { addMember } = await orgWithAdmin(database.db);
  const manager = await addMember("manager");
  const member = await addMember("member");
  const ctx = await manager.ctx();
  await assert.rejects(changeMemberRole(database.db, ctx, member.membership.id, "admin", testContext()), ForbiddenError);
  await changeMemberRole(database.db, ctx, member.membership.id, "viewer", testContext());
});

test("a malformed id is not found (a client's mistake never reaches PostgreSQL as a 500)", async () => {
  const { adminCtx } = await orgWithAdmin(database.db);
  const ctx = await adminCtx();
  for (const id of ["not-a-uuid", "", "1; DROP TABLE x", "00000000-0000-0000-0000-00000000000g"]) {
    await assert.rejects(changeMemberRole(database.db, ctx, id, "viewer", testContext()), NotFoundError, id);
    await assert.rejects(removeMember(database.db, ctx, id, testContext()), NotFoundError, id);
    await assert.rejects(checkAccess(database.db, ctx, id, "members:read"), NotFoundError, id);
  }
  await assert.rejects(changeMemberRole(database.db, ctx, ctx.membership.id, "custom:not-a-uuid", testContext()), ValidationError);
});
